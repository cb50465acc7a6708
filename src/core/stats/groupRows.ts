/**
 * Nested groups for the requests tree (e.g. API → status code → requests), each with its count,
 * failures and exact p95 total latency. Rows inside a group keep their original (row) order.
 */
import type { DictColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';
import { failureFlags } from './outcome';
import { rankValues, slotRankPercentiles, type RankedValues } from './rankedValues';
import { gatherNumeric, materializeRows } from './rowData';
import { compareText } from './topValues';

/** One group. Inner levels have `children`; the last level has `rows`. */
export interface RowGroup {
  column: DictColumn;
  /** The value shared by the group's rows ('' = missing). */
  value: string;
  count: number;
  failures: number;
  /** Exact 95th percentile of total latency (NaN when none is known). */
  p95: number;
  children?: RowGroup[];
  rows?: Uint32Array;
}

/** How sibling groups are ordered. */
export type GroupSort = 'count' | 'p95' | 'name';

/** Options of `groupRows`. */
export interface GroupOptions {
  sort?: GroupSort;
  /** Keep only failed requests (see `isFailure`). */
  failuresOnly?: boolean;
}

/** Groups `rows` (all when undefined) by `keys`, outermost first. */
export function groupRows(index: LogIndex, rows: Uint32Array | undefined, keys: readonly DictColumn[], options: GroupOptions = {}): RowGroup[] {
  let selected = materializeRows(index, rows);
  const failed = failureFlags(index, selected);
  if (options.failuresOnly) selected = selected.filter((_, j) => failed[j] === 1);
  if (keys.length === 0) return [];
  const failedByRow = new Uint8Array(index.count);
  if (options.failuresOnly) selected.forEach((r) => (failedByRow[r] = 1));
  else selected.forEach((r, j) => (failedByRow[r] = failed[j]));
  const latency = rankValues(gatherNumeric(index, 'totalLatency', undefined));
  return groupLevel({ index, keys, failedByRow, latency, sort: options.sort ?? 'count' }, selected, 0);
}

interface Level {
  index: LogIndex;
  keys: readonly DictColumn[];
  failedByRow: Uint8Array;
  /** Total latency of every row of the index, ranked. */
  latency: RankedValues;
  sort: GroupSort;
}

function groupLevel(ctx: Level, rows: Uint32Array, depth: number): RowGroup[] {
  const column = ctx.keys[depth];
  const dict = ctx.index.dict(column);
  const starts = new Uint32Array(dict.values.length + 1);
  for (let j = 0; j < rows.length; j++) starts[dict.codes[rows[j]] + 1]++;
  for (let c = 0; c < dict.values.length; c++) starts[c + 1] += starts[c];
  const fill = starts.slice(0, dict.values.length);
  const byCode = new Uint32Array(rows.length);
  for (let j = 0; j < rows.length; j++) byCode[fill[dict.codes[rows[j]]]++] = rows[j];
  const present = [...Array(dict.values.length).keys()].filter((c) => starts[c + 1] > starts[c]);
  const slotOfKey = new Int32Array(dict.values.length).fill(-1);
  present.forEach((c, i) => (slotOfKey[c] = i));
  const p95 = slotRankPercentiles(ctx.latency, { keys: dict.codes, slotOfKey, slots: present.length }, [95], rows);
  const groups: RowGroup[] = [];
  for (const code of present) {
    const members = byCode.subarray(starts[code], starts[code + 1]);
    let failures = 0;
    for (let j = 0; j < members.length; j++) failures += ctx.failedByRow[members[j]];
    const group: RowGroup = { column, value: dict.values[code], count: members.length, failures, p95: p95[slotOfKey[code]] };
    if (depth + 1 < ctx.keys.length) group.children = groupLevel(ctx, members, depth + 1);
    else group.rows = members;
    groups.push(group);
  }
  return groups.sort(groupComparator(ctx.sort));
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Orders groups: by count or p95 (descending, unknown p95 last), or by name (missing last); ties by name. */
export function groupComparator(sort: GroupSort): (a: RowGroup, b: RowGroup) => number {
  const byName = (a: RowGroup, b: RowGroup) => (a.value === '' ? 1 : 0) - (b.value === '' ? 1 : 0) || collator.compare(a.value, b.value) || compareText(a.value, b.value);
  if (sort === 'name') return byName;
  if (sort === 'count') return (a, b) => b.count - a.count || byName(a, b);
  return (a, b) => (Number.isNaN(a.p95) ? 1 : 0) - (Number.isNaN(b.p95) ? 1 : 0) || (b.p95 - a.p95 || 0) || b.count - a.count || byName(a, b);
}
