/** Row masks: one byte per row (1 = in the set). Cheap to combine and to scan in tight loops. */
import type { LogIndex } from '../index/store';

/** A row mask over an index's rows. */
export type RowMask = Uint8Array;

/** The sorted rows set in `mask`. */
export function maskToRows(mask: RowMask): Uint32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  const rows = new Uint32Array(n);
  let k = 0;
  for (let i = 0; k < n; i++) if (mask[i] !== 0) rows[k++] = i;
  return rows;
}

/** A mask of `count` rows holding `rows` (rows past `count` are ignored), or all rows when undefined. */
export function rowsToMask(count: number, rows: Uint32Array | undefined): RowMask {
  const mask = new Uint8Array(count);
  if (rows === undefined) return mask.fill(1);
  for (let i = 0; i < rows.length; i++) if (rows[i] < count) mask[rows[i]] = 1;
  return mask;
}

/** True if any row is set. */
export function anySet(mask: RowMask): boolean {
  return mask.indexOf(1) >= 0;
}

/** Clears rows whose time is missing or outside [from, to). */
export function applyTimeRange(index: LogIndex, mask: RowMask, from: number, to: number): void {
  const time = index.numericData('time');
  for (let i = 0; i < mask.length; i++) {
    const t = time[i];
    if (!(t >= from && t < to)) mask[i] = 0;
  }
}

/** `candidates` without the rows of `taken`. */
export function without(candidates: RowMask, taken: RowMask): RowMask {
  const out = new Uint8Array(candidates.length);
  for (let i = 0; i < out.length; i++) out[i] = candidates[i] & (taken[i] ^ 1);
  return out;
}
