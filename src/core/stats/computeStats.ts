/**
 * The Log Service preset report over any row set: volume over time by status class, success and failure
 * rates, latency percentiles (total, backend, gateway overhead), calling apps, top lists, slowest APIs
 * and requests. One gather per column, then typed-array passes; every percentile is exact.
 */
import type { DictColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';
import { STATUS_CLASSES, failureFlags, isFailureCode, statusClassIndex } from './outcome';
import { rankPercentiles, rankValues, topPositions, valueHistogram, type RankedValues, type ValueHistogram } from './rankedValues';
import { gatherCodes, gatherNumeric, preferredColumn } from './rowData';
import { buildTimeline, timeExtent } from './timeline';
import { codesWithCount, compareText, p95ByCode, tallyCodes, toEntries, topCodes, type TopEntry } from './topValues';
import type { ClassCounts, LatencySummary, LogStats, StatsOptions } from './types';

/** Computes the report over `rows` (all rows when undefined). */
export function computeStats(index: LogIndex, rows: Uint32Array | undefined, options: StatsOptions = {}): LogStats {
  const topN = options.topN ?? 10;
  const status = gatherNumeric(index, 'status', rows);
  const totalLatency = gatherNumeric(index, 'totalLatency', rows);
  const serviceLatency = gatherNumeric(index, 'serviceLatency', rows);
  const latency = rankValues(totalLatency);
  const failed = failureFlags(index, rows, status);
  const time = gatherNumeric(index, 'time', rows);
  const timeRange = timeExtent(time);
  const { bucketMs, timeline } = buildTimeline({ time, status, failed, latency }, timeRange, options.buckets ?? 60);
  let failures = 0;
  for (let j = 0; j < failed.length; j++) failures += failed[j];
  const total = status.length;
  const columns = {
    group: preferredColumn(index, ['apiGroupName', 'apiGroupUid'] as const),
    api: preferredColumn(index, ['apiName', 'apiUid'] as const),
    app: preferredColumn(index, ['appName', 'appId'] as const),
  };
  const input = { index, rows, failed, latency, topN };
  const apis = apiLists(input, columns.api, options.minCount ?? 5);
  return {
    total, timeRange, bucketMs, timeline, byClass: classCounts(status), failures,
    successRate: total === 0 ? 0 : (total - failures) / total,
    failureRate: total === 0 ? 0 : failures / total,
    latency: { total: summarize(latency), backend: summarize(valueHistogram(serviceLatency)), overhead: summarize(valueHistogram(difference(totalLatency, serviceLatency))) },
    distinctApps: distinctValues(gatherCodes(index, columns.app, rows), index.dict(columns.app).values.length),
    columns,
    topGroups: topList(input, columns.group), topApis: apis.top, topApps: topList(input, columns.app),
    topClientIps: topList(input, 'clientIp'),
    topErrorCodes: topList(input, 'errorCode', (v) => !isFailureCode(v)),
    slowestApis: apis.slowest,
    slowestRequests: topPositions(latency, topN).map((j) => (rows === undefined ? j : rows[j])),
  };
}

interface ListInput {
  index: LogIndex;
  rows: Uint32Array | undefined;
  failed: Uint8Array;
  latency: RankedValues;
  topN: number;
}

function topList(input: ListInput, column: DictColumn, skip?: (value: string) => boolean): TopEntry[] {
  const { index, rows } = input;
  const codes = gatherCodes(index, column, rows);
  const size = index.dict(column).values.length;
  const tally = tallyCodes(codes, size, input.failed);
  const chosen = topCodes(index, column, tally.counts, input.topN, skip);
  return toEntries(index, column, chosen, tally, p95ByCode(codes, input.latency, chosen, size));
}

/** Top APIs by count, and the slowest by p95 among APIs with at least `minCount` requests. */
function apiLists(input: ListInput, column: DictColumn, minCount: number): { top: TopEntry[]; slowest: TopEntry[] } {
  const { index, rows } = input;
  const codes = gatherCodes(index, column, rows);
  const values = index.dict(column).values;
  const tally = tallyCodes(codes, values.length, input.failed);
  const top = topCodes(index, column, tally.counts, input.topN);
  const eligible = codesWithCount(tally.counts, minCount);
  const p95 = p95ByCode(codes, input.latency, [...new Set([...top, ...eligible])], values.length);
  const slowest = eligible
    .filter((c) => !Number.isNaN(p95.get(c)!))
    .sort((a, b) => p95.get(b)! - p95.get(a)! || tally.counts[b] - tally.counts[a] || compareText(values[a], values[b]));
  return { top: toEntries(index, column, top, tally, p95), slowest: toEntries(index, column, slowest.slice(0, input.topN), tally, p95) };
}

function classCounts(status: Float64Array): ClassCounts {
  const counts = [0, 0, 0, 0, 0];
  for (let j = 0; j < status.length; j++) counts[statusClassIndex(status[j])]++;
  return Object.fromEntries(STATUS_CLASSES.map((c, i) => [c, counts[i]])) as ClassCounts;
}

/** Exact percentiles, mean and max of the known values. */
export function summarize(r: ValueHistogram): LatencySummary {
  let sum = 0;
  for (let k = 0; k < r.counts.length; k++) sum += r.counts[k] * r.distinct[k];
  const [p50, p90, p95, p99] = rankPercentiles(r, [50, 90, 95, 99]);
  const count = r.known;
  return { count, p50, p90, p95, p99, avg: count ? sum / count : NaN, max: count ? r.distinct[r.distinct.length - 1] : NaN };
}

/** a − b by position (NaN where either is unknown): gateway overhead = total − backend latency. */
function difference(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let j = 0; j < a.length; j++) out[j] = a[j] - b[j];
  return out;
}

function distinctValues(codes: Uint16Array | Uint32Array, size: number): number {
  const seen = new Uint8Array(size);
  let n = 0;
  for (let j = 0; j < codes.length; j++) {
    const c = codes[j];
    if (c !== 0 && seen[c] === 0) {
      seen[c] = 1;
      n++;
    }
  }
  return n;
}
