/** Maps the core's LogStats onto the webview's dashboard and histogram shapes. */
import type { DictColumn } from '../core/fields/ids';
import { formatLatency } from '../core/decode';
import { fieldClause } from '../core/query/completions';
import type { LogStats } from '../core/stats/types';
import type { TopEntry } from '../core/stats/topValues';
import type { DashboardData, Percentiles, RankedEntry, SlowRequest, TimelineBucket } from '../shared/protocol';

/** Percentiles with NaN kept as NaN (the webview shows a dash). */
function percentiles(s: { p50: number; p90: number; p95: number; p99: number }): Percentiles {
  return { p50: s.p50, p90: s.p90, p95: s.p95, p99: s.p99 };
}

/** A top-N entry of `column` as a ranked row: failures and p95 as its detail, p95 as its value, a clause to filter on it. */
export function rankedEntry(e: TopEntry, column: DictColumn): RankedEntry {
  const failed = e.count > 0 ? `${formatShare(e.failures / e.count)} failed` : '';
  const p95 = Number.isFinite(e.p95) ? `p95 ${formatLatency(e.p95)}` : '';
  return {
    name: e.value, count: e.count, detail: [failed, p95].filter(Boolean).join(' · '),
    value: Number.isFinite(e.p95) ? e.p95 : undefined, clause: e.value === '' ? undefined : fieldClause(column, e.value),
  };
}

/** The histogram buckets of a stats answer. */
export function timelineBuckets(stats: LogStats): TimelineBucket[] {
  return stats.timeline.map((b) => ({ start: b.start, end: b.start + stats.bucketMs, byClass: b.byClass }));
}

/** The dashboard data of a stats answer; `slowest` are the slowest requests already looked up. */
export function dashboardData(stats: LogStats, slowest: readonly SlowRequest[]): DashboardData {
  return {
    total: stats.total,
    successRate: stats.successRate,
    failureRate: stats.failureRate,
    distinctApps: stats.distinctApps,
    latency: { total: percentiles(stats.latency.total), backend: percentiles(stats.latency.backend), overhead: percentiles(stats.latency.overhead) },
    timeline: stats.timeline.map((b) => ({
      start: b.start, end: b.start + stats.bucketMs, total: b.count, failures: b.failures, byClass: b.byClass,
      latency: { p50: b.p50, p95: b.p95, p99: b.p99 },
    })),
    topGroups: stats.topGroups.map((e) => rankedEntry(e, stats.columns.group)),
    topApis: stats.topApis.map((e) => rankedEntry(e, stats.columns.api)),
    topApps: stats.topApps.map((e) => rankedEntry(e, stats.columns.app)),
    topClientIps: stats.topClientIps.map((e) => rankedEntry(e, 'clientIp')),
    topErrorCodes: stats.topErrorCodes.map((e) => rankedEntry(e, 'errorCode')),
    slowestApis: stats.slowestApis.map((e) => rankedEntry(e, stats.columns.api)),
    slowestRequests: slowest,
  };
}

/** A share as a short percentage: 0%, 0.4%, 17%, 100%. */
function formatShare(ratio: number): string {
  const p = ratio * 100;
  return `${p === 0 || p >= 10 ? Math.round(p) : p.toFixed(1)}%`;
}
