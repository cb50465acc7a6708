/** The table's sort cycle, kept free of the DOM so it is unit-tested in Node. */
import type { ColumnDef, SortSpec } from '../shared/protocol';

/** The sort after clicking column `c`: descending, then ascending, then none (file order). */
export function nextSort(current: SortSpec | undefined, c: ColumnDef): SortSpec | undefined {
  if (current?.column !== c.id) return { column: c.id, dir: 'desc' };
  return current.dir === 'desc' ? { column: c.id, dir: 'asc' } : undefined;
}
