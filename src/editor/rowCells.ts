/** Turns an engine row summary into a table row: one value per column id, numbers as numbers, missing as null. */
import type { CellValue, TableRow } from '../shared/protocol';
import type { RowSummary } from './engineApi';
import { TABLE_COLUMNS } from './columns';

/** A table row from a row summary (fields read by column id). */
export function tableRow(r: RowSummary): TableRow {
  const cells: Record<string, CellValue> = {};
  const fields = r as unknown as Record<string, unknown>;
  for (const c of TABLE_COLUMNS) cells[c.id] = cellValue(fields[c.id]);
  return { row: r.row, cells };
}

function cellValue(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return typeof v === 'string' ? v : String(v);
}
