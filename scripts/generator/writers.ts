/** Serialises generated records in each file shape users have. */
import { apiFieldName, canonicalFieldId } from '../../src/core/fields/ids';
import { BODY_FIELDS, FIELDS, FIRST_STAMP, type GenRecord } from './fields';

/** Output options shared by the writers. */
export interface WriteOptions {
  /** Include headers, query strings and bodies. */
  readonly bodies: boolean;
  /** `\uXXXX`-escape non-ASCII (Python's json.dumps default, as `pull_log_dump` writes). */
  readonly asciiOnly: boolean;
  /** Python's separators `", "` and `": "` (pull_log_dump), instead of compact ones. */
  readonly pythonStyle: boolean;
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029]/;
const NON_ASCII = /[\u0080-\uffff]/g;

function toUnicodeEscape(ch: string): string {
  return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

/** A JSON string literal; plain strings skip JSON.stringify. */
export function jsonString(value: string, asciiOnly: boolean): string {
  const text = NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : '"' + value + '"';
  return asciiOnly ? text.replace(NON_ASCII, toUnicodeEscape) : text;
}

/** Writes one record as a Log Service JSON object on one line (no line ending). */
export function slsJson(rec: GenRecord, opts: WriteOptions): string {
  const colon = opts.pythonStyle ? '": ' : '":';
  const comma = opts.pythonStyle ? ', "' : ',"';
  let s = '{"__time__' + colon + rec.time + comma + '__topic__' + colon + jsonString(rec.topic, opts.asciiOnly) +
    comma + '__source__' + colon + '"' + rec.source + '"' + comma + '__tag__:__receive_time__' + colon + '"' + rec.receiveTime + '"';
  const v = rec.values;
  for (let i = 0; i < FIELDS.length; i++) {
    if (!opts.bodies && BODY_FIELDS.has(i)) continue;
    s += comma + FIELDS[i] + colon + jsonString(v[i], opts.asciiOnly);
  }
  return s + '}';
}

/** The record as a plain object with Log Service names (for pretty-printed arrays). */
export function slsObject(rec: GenRecord, opts: WriteOptions): Record<string, unknown> {
  const o: Record<string, unknown> = { __time__: rec.time, __topic__: rec.topic, __source__: rec.source, '__tag__:__receive_time__': String(rec.receiveTime) };
  for (let i = 0; i < FIELDS.length; i++) {
    if (!opts.bodies && BODY_FIELDS.has(i)) continue;
    o[FIELDS[i]] = rec.values[i];
  }
  return o;
}

const API_NAMES = FIELDS.map((n) => apiFieldName(canonicalFieldId(n)!));

/** The record as a QueryRequestLogs `RequestLog` entry: PascalCase, stamps as numbers (absent when unknown). */
export function queryLogObject(rec: GenRecord, opts: WriteOptions): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < FIELDS.length; i++) {
    const name = API_NAMES[i];
    if (name === undefined || (!opts.bodies && BODY_FIELDS.has(i))) continue;
    if (i >= FIRST_STAMP) {
      if (rec.values[i] !== '') o[name] = Number(rec.values[i]);
    } else o[name] = rec.values[i];
  }
  return o;
}

/** A whole QueryRequestLogs response holding these records. */
export function queryResponse(responseId: string, recs: readonly GenRecord[], opts: WriteOptions, pretty: boolean): string {
  const body = { RequestId: responseId, RequestLogs: { RequestLog: recs.map((r) => queryLogObject(r, opts)) } };
  return pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
}

/** Column names of delimited output: `__time__` then every field. */
export function delimitedColumns(opts: WriteOptions): string[] {
  return ['__time__', ...FIELDS.filter((_n, i) => opts.bodies || !BODY_FIELDS.has(i))];
}

/** One RFC 4180 cell: quoted when it holds the delimiter, a quote, CR or LF; quotes doubled. */
export function delimitedCell(value: string, delimiter: string): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value)) return '"' + value.replace(/"/g, '""') + '"';
  return value;
}

/** The header row of delimited output (no line ending). */
export function delimitedHeader(opts: WriteOptions, delimiter: string): string {
  return delimitedColumns(opts).map((c) => delimitedCell(c, delimiter)).join(delimiter);
}

/** One record as a delimited row (no line ending). */
export function delimitedRow(rec: GenRecord, opts: WriteOptions, delimiter: string): string {
  let s = String(rec.time);
  for (let i = 0; i < FIELDS.length; i++) {
    if (!opts.bodies && BODY_FIELDS.has(i)) continue;
    s += delimiter + delimitedCell(rec.values[i], delimiter);
  }
  return s;
}
