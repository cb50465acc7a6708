/** computeStats against a brute-force computation of the same report over small random logs. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { chooseBucketMs } from '../../../src/core/stats/buckets';
import { computeStats } from '../../../src/core/stats/computeStats';
import type { TopEntry } from '../../../src/core/stats/topValues';
import type { LatencySummary } from '../../../src/core/stats/types';
import { indexOf, type TestRecord } from '../query/fixtures';

interface Rec {
  time: number; status: number; errorCode: string; api: string; group: string; app: string; ip: string; total: number; service: number;
}

const T0 = Date.UTC(2024, 0, 1);
const has = (v: number) => !Number.isNaN(v);
const nearest = (sorted: number[], p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const sortedOf = (vs: number[]) => vs.filter(has).sort((a, b) => a - b);
const failed = (r: Rec) => r.status >= 400 || (r.errorCode !== '' && r.errorCode.toUpperCase() !== 'OK');
const classOf = (s: number) => (s >= 200 && s < 600 ? `${Math.floor(s / 100)}xx` : 'other');

function summary(vs: number[]): LatencySummary {
  const s = sortedOf(vs);
  const [p50, p90, p95, p99] = [50, 90, 95, 99].map((p) => nearest(s, p));
  return { count: s.length, p50, p90, p95, p99, avg: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN, max: s.length ? s[s.length - 1] : NaN };
}

function top(recs: Rec[], key: (r: Rec) => string, n: number, keep = (_v: string) => true): TopEntry[] {
  const groups = new Map<string, Rec[]>();
  for (const r of recs) if (keep(key(r))) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups].map(([value, rs]) => ({ value, count: rs.length, failures: rs.filter(failed).length, p95: nearest(sortedOf(rs.map((r) => r.total)), 95) }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, n);
}

function bucketsOf(recs: Rec[], buckets: number) {
  const times = recs.map((r) => r.time).filter(has);
  if (times.length === 0) return [];
  const size = chooseBucketMs(Math.min(...times), Math.max(...times), buckets);
  const out = [];
  for (let start = Math.floor(Math.min(...times) / size) * size; start <= Math.max(...times); start += size) {
    const inside = recs.filter((r) => r.time >= start && r.time < start + size);
    const s = sortedOf(inside.map((r) => r.total));
    const byClass = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 } as Record<string, number>;
    inside.forEach((r) => byClass[classOf(r.status)]++);
    out.push({ start, count: inside.length, byClass, failures: inside.filter(failed).length, p50: nearest(s, 50), p95: nearest(s, 95), p99: nearest(s, 99) });
  }
  return out;
}

const recArb: fc.Arbitrary<Rec> = fc.record({
  time: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 3 * 3600 }).map((s) => T0 + s * 1000)),
  status: fc.oneof(fc.constant(NaN), fc.constantFrom(101, 200, 201, 302, 400, 404, 429, 500, 503)),
  errorCode: fc.constantFrom('', 'OK', 'ok', 'X500ER', 'I404NF'),
  api: fc.constantFrom('', 'GetUser', 'ListOrders', 'Search'),
  group: fc.constantFrom('users', 'orders'),
  app: fc.constantFrom('', 'mobile', 'web', 'batch'),
  ip: fc.constantFrom('10.0.0.1', '10.0.0.2', '10.0.0.3'),
  total: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 5000 })),
  service: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 5000 })),
});

function toLog(r: Rec): TestRecord {
  const out: TestRecord = { apiGroupName: r.group, clientIp: r.ip, errorCode: r.errorCode };
  if (has(r.time)) out.requestHandleTime = new Date(r.time).toISOString().replace('.000Z', 'Z');
  if (has(r.status)) out.statusCode = String(r.status);
  if (r.api) out.apiName = r.api;
  if (r.app) out.appName = r.app;
  if (has(r.total)) out.totalLatency = String(r.total);
  if (has(r.service)) out.serviceLatency = String(r.service);
  return out;
}

describe('computeStats', () => {
  it('equals a brute-force report on small random logs, for all rows and for subsets', () => {
    fc.assert(fc.property(fc.array(recArb, { maxLength: 40 }), fc.option(fc.uniqueArray(fc.nat({ max: 39 }))), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 4 }), (all, subset, buckets, topN) => {
      const index = indexOf(all.map(toLog));
      const chosen = subset ? subset.filter((i) => i < all.length).sort((a, b) => a - b) : undefined;
      const recs = chosen ? chosen.map((i) => all[i]) : all;
      const rowOf = (i: number) => (chosen ? chosen[i] : i);
      const stats = computeStats(index, chosen ? Uint32Array.from(chosen) : undefined, { buckets, topN, minCount: 2 });
      const failures = recs.filter(failed).length;
      const times = recs.map((r) => r.time).filter(has);
      assert.equal(stats.total, recs.length);
      assert.equal(stats.failures, failures);
      assert.equal(stats.failureRate, recs.length ? failures / recs.length : 0);
      assert.equal(stats.successRate, recs.length ? (recs.length - failures) / recs.length : 0);
      assert.deepEqual(stats.timeRange, times.length ? [Math.min(...times), Math.max(...times)] : undefined);
      assert.deepEqual(stats.timeline, bucketsOf(recs, buckets));
      assert.deepEqual(stats.latency.total, summary(recs.map((r) => r.total)));
      assert.deepEqual(stats.latency.backend, summary(recs.map((r) => r.service)));
      assert.deepEqual(stats.latency.overhead, summary(recs.map((r) => r.total - r.service)));
      assert.equal(stats.distinctApps, new Set(recs.map((r) => r.app).filter((a) => a !== '')).size);
      assert.deepEqual(stats.topApis, top(recs, (r) => r.api, topN));
      assert.deepEqual(stats.topGroups, top(recs, (r) => r.group, topN));
      assert.deepEqual(stats.topClientIps, top(recs, (r) => r.ip, topN));
      assert.deepEqual(stats.topErrorCodes, top(recs, (r) => r.errorCode, topN, (v) => v !== '' && v.toUpperCase() !== 'OK'));
      const slowest = top(recs, (r) => r.api, 99).filter((e) => e.count >= 2 && has(e.p95))
        .sort((a, b) => b.p95 - a.p95 || b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, topN);
      assert.deepEqual(stats.slowestApis, slowest);
      const slowRows = recs.map((r, i) => ({ r, i })).filter(({ r }) => has(r.total)).sort((a, b) => b.r.total - a.r.total || a.i - b.i);
      assert.deepEqual(stats.slowestRequests, slowRows.slice(0, topN).map(({ i }) => rowOf(i)));
    }), { numRuns: 300, seed: 7 });
  });

  it('reports class counts, rates and the columns it used on a fixed log', () => {
    const recs: TestRecord[] = [
      { statusCode: '200', errorCode: 'OK', appId: '1', totalLatency: '10' },
      { statusCode: '200', errorCode: 'X500ER', appId: '2', totalLatency: '20' },
      { statusCode: '503', appId: '1', totalLatency: '30' },
      { totalLatency: '40' },
    ];
    const stats = computeStats(indexOf(recs), undefined);
    assert.deepEqual(stats.byClass, { '2xx': 2, '3xx': 0, '4xx': 0, '5xx': 1, other: 1 });
    assert.equal(stats.failures, 2, 'an error code other than OK fails a 200');
    assert.equal(stats.successRate, 0.5);
    assert.deepEqual(stats.columns, { group: 'apiGroupName', api: 'apiName', app: 'appId' }, 'appId when names are absent');
    assert.equal(stats.distinctApps, 2);
    assert.deepEqual(stats.timeline, [], 'no times, no timeline');
    assert.deepEqual(stats.slowestRequests, [3, 2, 1, 0]);
  });
});
