/** Request volume over time: buckets split by status class, failures, and latency percentiles per bucket. */
import { chooseBucketMs } from './buckets';
import { STATUS_CLASSES, statusClassIndex } from './outcome';
import { slotRankPercentiles, type RankedValues } from './rankedValues';
import type { ClassCounts, TimelineBucket } from './types';

/** Inputs by position: time (ms, NaN = unknown), status, failure flag and ranked total latency. */
export interface TimelineInput {
  time: Float64Array;
  status: Float64Array;
  failed: Uint8Array;
  latency: RankedValues;
}

/** Earliest and latest known time, or undefined. */
export function timeExtent(time: Float64Array): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < time.length; j++) {
    const t = time[j];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return min <= max ? [min, max] : undefined;
}

/** The timeline over [from, to] with at most `maxBuckets` buckets. */
export function buildTimeline(input: TimelineInput, range: [number, number] | undefined, maxBuckets: number): { bucketMs: number; timeline: TimelineBucket[] } {
  if (range === undefined) return { bucketMs: chooseBucketMs(0, 0, maxBuckets), timeline: [] };
  const bucketMs = chooseBucketMs(range[0], range[1], maxBuckets);
  const first = Math.floor(range[0] / bucketMs);
  const n = Math.floor(range[1] / bucketMs) - first + 1;
  /** Bucket + 1 per position (0 = no time), mapped to bucket slots through `identity`. */
  const slots = new Uint32Array(input.time.length);
  const counts = new Uint32Array(n * 7);
  for (let j = 0; j < slots.length; j++) {
    const t = input.time[j];
    if (t !== t) continue;
    const s = Math.floor(t / bucketMs) - first;
    slots[j] = s + 1;
    counts[s * 7]++;
    counts[s * 7 + 1] += input.failed[j];
    counts[s * 7 + 2 + statusClassIndex(input.status[j])]++;
  }
  const identity = Int32Array.from({ length: n + 1 }, (_, s) => s - 1);
  const ps = slotRankPercentiles(input.latency, { keys: slots, slotOfKey: identity, slots: n }, [50, 95, 99]);
  const timeline: TimelineBucket[] = [];
  for (let s = 0; s < n; s++) {
    const byClass = Object.fromEntries(STATUS_CLASSES.map((c, i) => [c, counts[s * 7 + 2 + i]])) as ClassCounts;
    timeline.push({ start: (first + s) * bucketMs, count: counts[s * 7], byClass, failures: counts[s * 7 + 1], p50: ps[s * 3], p95: ps[s * 3 + 1], p99: ps[s * 3 + 2] });
  }
  return { bucketMs, timeline };
}
