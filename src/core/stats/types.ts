/** Shapes of the Log Service-style report computed by `computeStats` (structured-clone safe). */
import type { DictColumn } from '../fields/ids';
import type { StatusClass } from './outcome';
import type { TopEntry } from './topValues';

/** Count per status class. */
export type ClassCounts = Record<StatusClass, number>;

/** Latency percentiles (exact, nearest rank), mean and max in ms; NaN when no value is known. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  avg: number;
  max: number;
}

/** One bucket of the timeline; percentiles are of total latency. */
export interface TimelineBucket {
  start: number;
  count: number;
  byClass: ClassCounts;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The full report over a row set. */
export interface LogStats {
  total: number;
  /** Earliest and latest request time (epoch ms), undefined when no row has a time. */
  timeRange: [number, number] | undefined;
  bucketMs: number;
  timeline: TimelineBucket[];
  byClass: ClassCounts;
  failures: number;
  /** Share (0..1) of requests that did not fail; 0 for an empty set. */
  successRate: number;
  /** Share (0..1) of requests that failed (status >= 400 or an error code other than OK); 0 for an empty set. */
  failureRate: number;
  latency: { total: LatencySummary; backend: LatencySummary; overhead: LatencySummary };
  /** Distinct non-empty calling apps (in `columns.app`). */
  distinctApps: number;
  /** Which column each "top" list is about (names when the log has them, else IDs). */
  columns: { group: DictColumn; api: DictColumn; app: DictColumn };
  topGroups: TopEntry[];
  topApis: TopEntry[];
  topApps: TopEntry[];
  topClientIps: TopEntry[];
  /** Error codes other than empty and OK. */
  topErrorCodes: TopEntry[];
  /** APIs with at least `minCount` requests, by descending p95 total latency. */
  slowestApis: TopEntry[];
  /** Rows with the highest total latency, slowest first. */
  slowestRequests: number[];
}

/** Options of `computeStats`. */
export interface StatsOptions {
  /** Most timeline buckets wanted (default 60); the size is the smallest nice size that fits. */
  buckets?: number;
  /** Length of top lists (default 10). */
  topN?: number;
  /** Fewest requests an API needs to be ranked among the slowest (default 5). */
  minCount?: number;
}
