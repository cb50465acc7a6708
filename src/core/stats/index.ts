/** Statistics over row sets: the preset report, facets, groups for the tree, sorting, latency ranks. */
export { computeStats } from './computeStats';
export type { ClassCounts, LatencySummary, LogStats, StatsOptions, TimelineBucket } from './types';
export type { TopEntry } from './topValues';
export { STATUS_CLASSES, isFailure, isFailureCode, statusClassIndex, type StatusClass } from './outcome';
export { NICE_BUCKET_MS, chooseBucketMs } from './buckets';
export { percentiles, rankIndex } from './percentiles';
export { facets, type Facet } from './facets';
export { groupRows, type GroupOptions, type GroupSort, type RowGroup } from './groupRows';
export { sortRows } from './sortRows';
export { latencyRank, type LatencyRank } from './latencyRank';
