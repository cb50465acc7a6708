/** How one table cell is shown: its text and the classes that colour it. */
import type { CellValue, ColumnDef } from '../shared/protocol';
import { formatBytes, formatMs, formatTime, latencyLevel, statusClassOf } from './format';

/** A cell's display text and CSS class. */
export interface CellView {
  readonly text: string;
  readonly className: string;
}

/** The text and colouring of `value` in `column`. */
export function cellView(column: ColumnDef, value: CellValue, utc: boolean): CellView {
  if (value === null || value === '') return { text: '', className: 'cell empty' };
  switch (column.kind) {
    case 'time':
      return { text: typeof value === 'number' ? formatTime(value, utc, true) : value, className: 'cell time' };
    case 'status':
      return { text: String(value), className: `cell status status-${statusClassOf(value)}` };
    case 'ms':
      return typeof value === 'number'
        ? { text: formatMs(value), className: `cell num latency-${latencyLevel(value)}` }
        : { text: value, className: 'cell num' };
    case 'bytes':
      return { text: typeof value === 'number' ? formatBytes(value) : value, className: 'cell num' };
    case 'id':
      return { text: String(value), className: 'cell mono' };
    case 'text':
      return { text: String(value), className: 'cell' };
  }
}
