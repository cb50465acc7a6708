/** Rows as the views show them, and records read back lazily from their bytes in the source. */
import { closeSync, openSync, readSync } from 'node:fs';
import { readRecordAt } from '../formats/reader';
import type { LogIndex } from '../index/store';
import type { EngineState } from './engineState';
import type { RecordDetail, RowSummary } from './protocol';

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** The summary of one row. */
export function rowSummary(index: LogIndex, row: number): RowSummary {
  return {
    row,
    line: index.lineOf(row),
    offset: index.offsetOf(row),
    time: orNull(index.num('time', row)),
    requestId: index.id('requestId', row),
    httpMethod: index.str('httpMethod', row),
    path: index.str('path', row),
    statusCode: index.str('statusCode', row),
    errorCode: index.str('errorCode', row),
    apiName: index.str('apiName', row),
    apiGroupName: index.str('apiGroupName', row),
    apiStageName: index.str('apiStageName', row),
    appName: index.str('appName', row),
    clientIp: index.str('clientIp', row),
    totalLatency: orNull(index.num('totalLatency', row)),
    serviceLatency: orNull(index.num('serviceLatency', row)),
    requestSize: orNull(index.num('requestSize', row)),
    responseSize: orNull(index.num('responseSize', row)),
  };
}

/** Reads rows' source bytes, keeping the file open between reads. */
export class SourceReader {
  private fd: number | undefined;
  private buffer = Buffer.alloc(64 << 10);

  constructor(private readonly state: EngineState) {}

  /** The bytes of row `row` in the source (a view valid until the next read). */
  bytes(row: number): Buffer {
    const { offset, length } = this.state.index.location(row);
    if (length > this.buffer.length) this.buffer = Buffer.alloc(length);
    this.fd ??= openSync(this.state.source, 'r');
    const n = readSync(this.fd, this.buffer, 0, length, offset);
    return this.buffer.subarray(0, n);
  }

  /** The source text of row `row`. */
  text(row: number): string {
    return this.bytes(row).toString('utf8');
  }

  /** The text full-text search matches against: the source text with JSON `\uXXXX` escapes decoded. */
  searchText(row: number): string {
    return decodeUnicodeEscapes(this.text(row));
  }

  /** Every field of row `row`, parsed from its bytes. */
  record(row: number): RecordDetail {
    const index = this.state.index;
    if (!Number.isInteger(row) || row < 0 || row >= index.count) throw new Error(`no row ${row}`);
    const bytes = this.bytes(row);
    const text = bytes.toString('utf8');
    return { row, ...index.location(row), fields: parseRecordFields(this.state, bytes, text), text };
  }

  /** Closes the file. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The fields of a record's bytes as `record` reads them (`text` is the bytes as UTF-8); undefined when they do not parse. */
export function parseRecordFields(state: EngineState, bytes: Buffer, text: string): Record<string, unknown> | undefined {
  const format = { ...state.format, kind: state.format.kind === 'unknown' ? 'jsonl' as const : state.format.kind };
  return readRecordAt(format, bytes, state.columns) ?? lenientParse(text);
}

/** JSON.parse after escaping raw control characters (which the fast indexer tolerates inside strings). */
function lenientParse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes JSON `\uXXXX` escapes (pull_log_dump writes every non-ASCII character so), leaving everything else
 * as it is, so a search for 超时 finds `\u8d85\u65f6`. An escaped backslash before `u` is kept.
 */
export function decodeUnicodeEscapes(text: string): string {
  if (!text.includes('\\u')) return text;
  return text.replace(/\\(\\|u([0-9a-fA-F]{4}))/g, (whole, _esc: string, hex: string | undefined) =>
    hex === undefined ? whole : String.fromCharCode(parseInt(hex, 16)));
}
