/**
 * Streams the filtered rows to a writable (a file the user picked) as JSON lines or CSV, page by page,
 * honouring backpressure: never the whole result in memory, cancellable between pages. JSON lines carry
 * every field of each record (read back from the file, a page of reads in flight at a time).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CellValue, ExportFormat } from '../shared/protocol';
import type { ExplorerEngine, SortSpec } from './engineApi';
import { tableRow } from './rowCells';

/** Rows fetched per page while exporting. */
const EXPORT_PAGE = 1000;

/** What to export and where progress goes. */
export interface ExportJob {
  readonly query: string;
  readonly sort?: SortSpec;
  readonly format: ExportFormat;
  /** CSV columns (table column ids); JSON lines always carry every field of the record. */
  readonly columns: readonly string[];
  readonly out: Writable;
  onProgress?(written: number, total: number): void;
  isCancelled?(): boolean;
}

/** Quotes a CSV cell per RFC 4180 when needed. */
export function csvCell(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV cell for column `id` (times as ISO-8601 UTC). */
function csvValue(id: string, value: CellValue): string {
  if (id === 'time' && typeof value === 'number') return csvCell(new Date(value).toISOString());
  return csvCell(value);
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Exports every row of the job's query; resolves with the number of rows written. */
export async function exportRows(engine: ExplorerEngine, job: ExportJob): Promise<number> {
  if (job.format === 'csv') await write(job.out, `${job.columns.map((c) => csvCell(c)).join(',')}\r\n`);
  let written = 0;
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    if (job.isCancelled?.()) break;
    const page = await engine.query({ query: job.query, offset, limit: EXPORT_PAGE, sort: job.sort });
    const lines = job.format === 'csv'
      ? page.rows.map((r) => {
        const cells = tableRow(r).cells;
        return `${job.columns.map((c) => csvValue(c, cells[c] ?? null)).join(',')}\r\n`;
      })
      : (await Promise.all(page.rows.map((r) => engine.record(r.row)))).map((rec) => `${JSON.stringify(rec.fields ?? { unreadable: rec.text })}\n`);
    await write(job.out, lines.join(''));
    written += page.rows.length;
    job.onProgress?.(written, page.total);
    if (page.rows.length < EXPORT_PAGE || offset + EXPORT_PAGE >= page.total) break;
  }
  job.out.end();
  await once(job.out, 'finish');
  return written;
}
