/** Where one request's latency ranks among the file's requests (to the same API), for hovers. */
import type { LogIndex } from '../index/store';

/** Rank 1 is the slowest; `percentile` is the share (0..100) of compared requests at most this slow. */
export interface LatencyRank {
  rank: number;
  of: number;
  percentile: number;
}

const MISSING_INT = -2147483648;
const cache = new WeakMap<LogIndex, { count: number; sorted: Map<string, Float64Array> }>();

/**
 * The rank of `row`'s total latency among all requests with a known latency, or only those to the
 * same API (same apiUid when the row has one, else same apiName). Undefined when the row has no latency.
 */
export function latencyRank(index: LogIndex, row: number, sameApi = true): LatencyRank | undefined {
  const mine = index.num('totalLatency', row);
  if (Number.isNaN(mine)) return undefined;
  const sorted = sortedLatencies(index, sameApi ? apiKey(index, row) : 'all');
  const atMost = upperBound(sorted, mine);
  return { rank: sorted.length - atMost + 1, of: sorted.length, percentile: (100 * atMost) / sorted.length };
}

/** The grouping key of a row's API. */
function apiKey(index: LogIndex, row: number): string {
  const uid = index.dict('apiUid').codes[row];
  return uid !== 0 ? `uid:${uid}` : `name:${index.dict('apiName').codes[row]}`;
}

/** Sorted known latencies of the rows with `key` (cached until the index grows). */
function sortedLatencies(index: LogIndex, key: string): Float64Array {
  let entry = cache.get(index);
  if (!entry || entry.count !== index.count) {
    entry = { count: index.count, sorted: new Map() };
    cache.set(index, entry);
  }
  let sorted = entry.sorted.get(key);
  if (sorted === undefined) {
    sorted = collect(index, key).sort();
    entry.sorted.set(key, sorted);
  }
  return sorted;
}

function collect(index: LogIndex, key: string): Float64Array {
  const latency = index.numericData('totalLatency');
  const column = key.startsWith('uid:') ? 'apiUid' : 'apiName';
  const code = key === 'all' ? -1 : Number(key.slice(key.indexOf(':') + 1));
  const codes = index.dict(column).codes;
  const uids = index.dict('apiUid').codes;
  const out: number[] = [];
  for (let i = 0; i < index.count; i++) {
    const v = latency[i];
    if (v !== v || v === MISSING_INT) continue;
    if (code >= 0 && (codes[i] !== code || (column === 'apiName' && uids[i] !== 0))) continue;
    out.push(v);
  }
  return Float64Array.from(out);
}

/** Number of values ≤ x in ascending `sorted`. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
