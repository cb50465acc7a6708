/**
 * Sorting rows by a column for the explorer's table: integer keys (latencies, sizes, epoch-ms times,
 * dictionary ranks) go through a stable LSD radix sort, so a million rows sort in a few passes.
 * Missing values always come last; equal keys keep row order.
 */
import { NUMERIC_COLUMNS, type DictColumn, type NumericColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';
import { COUNTING_RANGE_LIMIT, RADIX_KEY_LIMIT, countingSortPositions, radixSortPositions } from './radix';
import { gatherNumeric, materializeRows } from './rowData';

const numericSet = new Set<string>(NUMERIC_COLUMNS);

/** `rows` (all when undefined) ordered by `column` ('time' is a numeric column). */
export function sortRows(index: LogIndex, rows: Uint32Array | undefined, column: NumericColumn | DictColumn, descending = false): Uint32Array {
  const all = materializeRows(index, rows);
  const keys = numericSet.has(column) ? gatherNumeric(index, column as NumericColumn, rows) : dictRankKeys(index, column as DictColumn, all);
  return sortByKeys(all, keys, descending);
}

const rankCache = new WeakMap<object, Float64Array>();

/** Rank of each code's value in code-unit order (NaN for missing), cached until the dictionary grows. */
function dictRanks(values: readonly string[]): Float64Array {
  const cached = rankCache.get(values);
  if (cached && cached.length === values.length) return cached;
  const order = values.map((_, code) => code).slice(1);
  order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
  const rank = new Float64Array(values.length);
  rank[0] = NaN;
  order.forEach((code, r) => (rank[code] = r));
  rankCache.set(values, rank);
  return rank;
}

/** Per position: the rank of the row's value in the sorted dictionary (NaN for missing). */
function dictRankKeys(index: LogIndex, column: DictColumn, rows: Uint32Array): Float64Array {
  const { values, codes } = index.dict(column);
  const rank = dictRanks(values);
  const keys = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) keys[j] = rank[codes[rows[j]]];
  return keys;
}

/** `rows` reordered by `keys` (by position; NaN last), stably. */
export function sortByKeys(rows: Uint32Array, keys: Float64Array, descending: boolean): Uint32Array {
  const ordered = keyOrder(keys, descending);
  const out = new Uint32Array(rows.length);
  let k = 0;
  for (let i = 0; i < ordered.length; i++) out[k++] = rows[ordered[i]];
  for (let j = 0; j < keys.length; j++) if (keys[j] !== keys[j]) out[k++] = rows[j];
  return out;
}

/** The positions with a known (non-NaN) key, ordered by key, ties by position. */
export function keyOrder(keys: Float64Array, descending: boolean): Uint32Array {
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (k !== k) continue;
    if (k < min) min = k;
    if (k > max) max = k;
    if (integral && k !== Math.floor(k)) integral = false;
  }
  return orderPositions(keys, min, max, integral, descending);
}

/** Positions with a known key, ordered by key (ties by position). */
export function orderPositions(keys: Float64Array, min: number, max: number, integral: boolean, descending: boolean): Uint32Array {
  if (max < min) return new Uint32Array(0);
  if (integral && max - min < COUNTING_RANGE_LIMIT) return countingSortPositions(keys, min, max, descending);
  const present = positionsWithKeys(keys);
  if (integral && max - min < RADIX_KEY_LIMIT) return radixOrder(present, keys, min, max, descending);
  return comparatorOrder(present, keys, descending);
}

function positionsWithKeys(keys: Float64Array): Uint32Array {
  let n = 0;
  for (let j = 0; j < keys.length; j++) if (keys[j] === keys[j]) n++;
  const out = new Uint32Array(n);
  let k = 0;
  for (let j = 0; j < keys.length; j++) if (keys[j] === keys[j]) out[k++] = j;
  return out;
}

/** Radix order of positions by keys shifted to start at 0 (reversed key space when descending, so ties keep row order). */
function radixOrder(positions: Uint32Array, keys: Float64Array, min: number, max: number, descending: boolean): Uint32Array {
  const shifted = new Float64Array(keys.length);
  for (let i = 0; i < positions.length; i++) {
    const j = positions[i];
    shifted[j] = descending ? max - keys[j] : keys[j] - min;
  }
  return radixSortPositions(positions, shifted);
}

function comparatorOrder(positions: Uint32Array, keys: Float64Array, descending: boolean): Uint32Array {
  const sign = descending ? -1 : 1;
  return positions.slice().sort((a, b) => sign * (keys[a] - keys[b]) || a - b);
}
