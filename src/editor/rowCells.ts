/** Turns an engine row into a table row: one value per column id, numbers as numbers, missing as null. */
import type { CellValue, TableRow } from '../shared/protocol';
import type { EngineRow } from './engineApi';
import { TABLE_COLUMNS } from './columns';

/** A table row from an engine row (fields read by column id). */
export function tableRow(r: EngineRow): TableRow {
  const cells: Record<string, CellValue> = {};
  for (const c of TABLE_COLUMNS) cells[c.id] = cellValue(r[c.id]);
  return { row: r.row, cells };
}

function cellValue(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return typeof v === 'string' ? v : String(v);
}
