/**
 * Streams the filtered rows to a writable (a file the user picked) as JSON lines or CSV, page by page,
 * honouring backpressure: never the whole result in memory, cancellable between pages. JSON lines carry
 * every field of each record: batches of records read back from the file in one engine call each (the
 * next batch read while the last is written); JSON-lines records are copied byte for byte, records of
 * other formats (and lines that are not valid JSON as they stand) written as JSON of their parsed fields.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CellValue, ExportFormat } from '../shared/protocol';
import type { ExplorerEngine, RecordBatch, SortSpec } from './engineApi';
import { tableRow } from './rowCells';

/** Rows fetched per page while exporting CSV. */
const EXPORT_PAGE = 1000;
/** Records read per engine call while exporting JSON lines. */
const EXPORT_BATCH = 4000;

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
  /** Records per engine call for JSON lines (default 4000). */
  readonly batchRows?: number;
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

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Exports every row of the job's query; resolves with the number of rows written. */
export async function exportRows(engine: ExplorerEngine, job: ExportJob): Promise<number> {
  const written = job.format === 'csv' ? await exportCsv(engine, job) : await exportJsonLines(engine, job);
  job.out.end();
  await once(job.out, 'finish');
  return written;
}

async function exportCsv(engine: ExplorerEngine, job: ExportJob): Promise<number> {
  await write(job.out, `${job.columns.map((c) => csvCell(c)).join(',')}\r\n`);
  let written = 0;
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    if (job.isCancelled?.()) break;
    const page = await engine.query({ query: job.query, offset, limit: EXPORT_PAGE, sort: job.sort });
    const lines = page.rows.map((r) => {
      const cells = tableRow(r).cells;
      return `${job.columns.map((c) => csvValue(c, cells[c] ?? null)).join(',')}\r\n`;
    });
    await write(job.out, lines.join(''));
    written += page.rows.length;
    job.onProgress?.(written, page.total);
    if (page.rows.length < EXPORT_PAGE || offset + EXPORT_PAGE >= page.total) break;
  }
  return written;
}

async function exportJsonLines(engine: ExplorerEngine, job: ExportJob): Promise<number> {
  const limit = Math.max(1, job.batchRows ?? EXPORT_BATCH);
  const fetch = (offset: number): Promise<RecordBatch> => {
    const batch = engine.recordsBatch({ query: job.query, sort: job.sort, offset, limit, mode: 'raw' });
    batch.catch(() => undefined); // a batch read ahead and never awaited (cancelled) must not go unhandled
    return batch;
  };
  let written = 0;
  let next: Promise<RecordBatch> | undefined = job.isCancelled?.() ? undefined : fetch(0);
  while (next) {
    const batch = await next;
    if (job.isCancelled?.()) break;
    const after = written + batch.rows.length;
    next = batch.rows.length > 0 && after < batch.total ? fetch(after) : undefined;
    await write(job.out, jsonLines(batch));
    written = after;
    job.onProgress?.(written, batch.total);
  }
  return written;
}

/** A batch as JSON lines: runs of verbatim records as their bytes, the others as JSON of their fields. */
export function jsonLines(batch: RecordBatch): Buffer {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  if (batch.verbatim.every((v) => v === 1)) return bytes;
  const parts: Buffer[] = [];
  let runStart = 0;
  for (let i = 0; i < batch.rows.length; i++) {
    if (batch.verbatim[i] === 1) continue;
    const start = i === 0 ? 0 : batch.ends[i - 1];
    if (start > runStart) parts.push(bytes.subarray(runStart, start));
    const fields = batch.fields[i] ?? { unreadable: bytes.toString('utf8', start, batch.ends[i] - 1) };
    parts.push(Buffer.from(`${JSON.stringify(fields)}\n`));
    runStart = batch.ends[i];
  }
  if (bytes.length > runStart) parts.push(bytes.subarray(runStart));
  return Buffer.concat(parts);
}
