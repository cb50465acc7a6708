/**
 * Column data gathered by row position for a row set (positions 0..n-1 stand for rows[0..n-1], or for
 * all rows), so every statistic runs over plain typed arrays. Missing numbers become NaN.
 */
import type { DictColumn, NumericColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';

/** Sentinel the index uses for a missing Int32 value. */
const MISSING_INT = -2147483648;

/** Number of positions in a row set. */
export function rowCount(index: LogIndex, rows: Uint32Array | undefined): number {
  return rows === undefined ? index.count : rows.length;
}

/** The rows of a row set as an array (all rows when undefined). */
export function materializeRows(index: LogIndex, rows: Uint32Array | undefined): Uint32Array {
  if (rows !== undefined) return rows;
  const all = new Uint32Array(index.count);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return all;
}

/** A numeric column's values by position, NaN where missing (may be a view of the index: read only). */
export function gatherNumeric(index: LogIndex, column: NumericColumn, rows: Uint32Array | undefined): Float64Array {
  const data = index.numericData(column);
  const n = rowCount(index, rows);
  if (data instanceof Float64Array) {
    if (rows === undefined) return data.subarray(0, n);
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = data[rows[j]];
    return out;
  }
  return rows === undefined ? intsToFloats(data, n) : gatherInts(data, rows);
}

function intsToFloats(data: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = data[j];
    out[j] = v === MISSING_INT ? NaN : v;
  }
  return out;
}

function gatherInts(data: Int32Array, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const v = data[rows[j]];
    out[j] = v === MISSING_INT ? NaN : v;
  }
  return out;
}

/** A dictionary column's codes by position (a view of the index's codes when rows is undefined). */
export function gatherCodes(index: LogIndex, column: DictColumn, rows: Uint32Array | undefined): Uint16Array | Uint32Array {
  const codes = index.dict(column).codes;
  if (rows === undefined) return codes.subarray(0, index.count);
  const out = codes instanceof Uint16Array ? new Uint16Array(rows.length) : new Uint32Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = codes[rows[j]];
  return out;
}

/** The first of `columns` holding any value (e.g. apiName before apiUid), else the first. */
export function preferredColumn<C extends DictColumn>(index: LogIndex, columns: readonly C[]): C {
  return columns.find((c) => index.dict(c).values.length > 1) ?? columns[0];
}
