/**
 * The requests tree's grouping orders and sorts: which index columns make its levels, and how they
 * are named in quick picks. Pure data, no 'vscode'.
 */
import type { DictColumn } from '../core/fields/ids';
import type { GroupSort } from '../core/stats/groupRows';

/** A grouping order the tree offers. */
export type GroupingId = 'group-api-status' | 'api-status' | 'status-api' | 'errorCode-api';

/** One grouping order: its levels, outermost first. */
export interface Grouping {
  readonly id: GroupingId;
  readonly label: string;
  readonly keys: readonly DictColumn[];
}

/** Every grouping order, in the order the quick pick lists them. */
export const GROUPINGS: readonly Grouping[] = [
  { id: 'api-status', label: 'API → Status', keys: ['apiName', 'statusCode'] },
  { id: 'group-api-status', label: 'Group → API → Status', keys: ['apiGroupName', 'apiName', 'statusCode'] },
  { id: 'status-api', label: 'Status → API', keys: ['statusCode', 'apiName'] },
  { id: 'errorCode-api', label: 'Error code → API', keys: ['errorCode', 'apiName'] },
];

/** The grouping used until the user picks another. */
export const DEFAULT_GROUPING: GroupingId = 'api-status';

/** One sort the tree offers. */
export interface SortChoice {
  readonly id: GroupSort;
  readonly label: string;
  readonly detail: string;
}

/** Every sort, in the order the quick pick lists them. */
export const SORTS: readonly SortChoice[] = [
  { id: 'count', label: 'Count', detail: 'Most requests first' },
  { id: 'p95', label: 'p95 latency', detail: 'Slowest first (95th percentile of total latency)' },
  { id: 'name', label: 'Name', detail: 'Alphabetical, numbers in numeric order' },
];

/** The sort used until the user picks another. */
export const DEFAULT_SORT: GroupSort = 'count';

/** The grouping with this id, or the default one for an unknown id (e.g. stale persisted state). */
export function groupingById(id: unknown): Grouping {
  return GROUPINGS.find((g) => g.id === id) ?? GROUPINGS.find((g) => g.id === DEFAULT_GROUPING)!;
}

/** The sort with this id, or the default one for an unknown id. */
export function sortById(id: unknown): GroupSort {
  return SORTS.find((s) => s.id === id)?.id ?? DEFAULT_SORT;
}
