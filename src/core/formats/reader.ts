/** Picks the streaming reader for a detected format, and reads a single record's bytes back. */
import { asBuffer, parseJsonObject } from './bytes';
import { splitCells } from './csvCells';
import { CsvReader } from './csvReader';
import { JsonLinesReader } from './jsonLinesReader';
import { StructReader } from './structReader';
import type { DetectedFormat, RecordReader, RecordReaderOptions } from './types';

/** A streaming reader for the format; `unknown` is read as JSON lines (every line then a record or a problem). */
export function createRecordReader(format: DetectedFormat, options: RecordReaderOptions): RecordReader {
  switch (format.kind) {
    case 'jsonArray':
    case 'queryResponse':
      return new StructReader(format.kind, options);
    case 'csv':
      return new CsvReader(format.delimiter ?? ',', options);
    case 'jsonl':
    case 'unknown':
      return new JsonLinesReader(options);
  }
}

/**
 * Parses the bytes of one record (as located by a reader: `offset`/`length`) into its fields;
 * CSV needs the header's column names (from `reader.columns` or `format.columns`). Undefined when not a record.
 */
export function readRecordAt(format: DetectedFormat, bytes: Uint8Array, columns: readonly string[] | undefined = format.columns): Record<string, unknown> | undefined {
  const buf = asBuffer(bytes);
  // A reader's offsets already skip the stream's BOM; anything else in the bytes is content.
  const start = 0;
  if (format.kind === 'csv') {
    if (columns === undefined) return undefined;
    const end = buf.length > start && buf[buf.length - 1] === 13 ? buf.length - 1 : buf.length;
    const cells = splitCells(buf, start, end, (format.delimiter ?? ',').charCodeAt(0));
    if (cells.length !== columns.length) return undefined;
    const fields: Record<string, unknown> = {};
    for (let k = 0; k < cells.length; k++) fields[columns[k]] = cells[k];
    return fields;
  }
  const parsed = parseJsonObject(buf, start, buf.length);
  return typeof parsed === 'string' ? undefined : parsed;
}
