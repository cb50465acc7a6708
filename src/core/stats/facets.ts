/** Facets for the explorer: per column, the most frequent values over a row set ('' = missing). */
import type { DictColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';
import { gatherCodes } from './rowData';
import { topCodes } from './topValues';

/** One facet: its top values (count descending, ties by value), how many distinct values, and the rest. */
export interface Facet {
  column: DictColumn;
  values: { value: string; count: number }[];
  /** Distinct values present in the row set, counting missing ('') as one. */
  distinct: number;
  /** Rows whose value is not among `values`. */
  others: number;
}

/** Top `topN` values of each column over `rows` (all rows when undefined). */
export function facets(index: LogIndex, rows: Uint32Array | undefined, columns: readonly DictColumn[], topN = 10): Facet[] {
  return columns.map((column) => {
    const codes = gatherCodes(index, column, rows);
    const counts = new Uint32Array(index.dict(column).values.length);
    for (let j = 0; j < codes.length; j++) counts[codes[j]]++;
    const chosen = topCodes(index, column, counts, topN);
    const values = chosen.map((c) => ({ value: index.dict(column).values[c], count: counts[c] }));
    const shown = values.reduce((sum, v) => sum + v.count, 0);
    return { column, values, distinct: counts.reduce((n, c) => n + (c > 0 ? 1 : 0), 0), others: codes.length - shown };
  });
}
