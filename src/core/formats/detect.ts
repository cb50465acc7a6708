/** Detects a stream's shape from its first bytes (never from its name). */
import { asBuffer, hasBomAt, isJsonSpace } from './bytes';
import { CsvReader } from './csvReader';
import type { DetectedFormat, LineEnding } from './types';
import { canonicalFieldId } from '../fields/ids';

/** Delimiters tried for CSV, most likely first. */
const DELIMITERS = [',', '\t', '|', ';', ' '];

/** True when the bytes start with the gzip magic number. */
export function isGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function lineEndingOf(buf: Buffer): LineEnding {
  const lf = buf.indexOf(10);
  return lf > 0 && buf[lf - 1] === 13 ? 'crlf' : 'lf';
}

/** Keys at depth 1 of the object opening at `start`, and whether it has no line feed inside (as far as the head goes). */
function firstObjectShape(buf: Buffer, start: number): { keys: Set<string>; singleLine: boolean } {
  const keys = new Set<string>();
  let depth = 0;
  let expectKey = false;
  let singleLine = true;
  for (let i = start; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x22) {
      const end = stringEnd(buf, i + 1);
      if (end < 0) break;
      if (depth === 1 && expectKey) keys.add(buf.toString('utf8', i + 1, end).toLowerCase());
      expectKey = false;
      i = end;
    } else if (b === 0x0a && depth > 0) {
      singleLine = false;
    } else if (b === 0x7b || b === 0x5b) {
      expectKey = ++depth === 1;
    } else if (b === 0x7d || b === 0x5d) {
      if (--depth === 0) return { keys, singleLine };
    } else if (b === 0x2c && depth === 1) {
      expectKey = true;
    }
  }
  // The head ended inside the object: one long line so far means JSON lines (10 MB lines happen).
  return { keys, singleLine };
}

/** Index of the quote closing a string whose content starts at `from`, or -1. */
function stringEnd(buf: Buffer, from: number): number {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] === 0x5c) i++;
    else if (buf[i] === 0x22) return i;
  }
  return -1;
}

/** The delimiter (and header) under which the head reads as consistent rows, if any. */
function detectDelimited(buf: Buffer): { delimiter: string; columns: readonly string[] } | undefined {
  let best: { delimiter: string; columns: readonly string[] } | undefined;
  for (const delimiter of DELIMITERS) {
    let problems = 0;
    const reader = new CsvReader(delimiter, { onRecord: () => undefined, onProblem: () => problems++ });
    reader.push(buf);
    // A head without any line feed is a whole (tiny) file or one huge line: read it to the end.
    if (buf.indexOf(10) < 0) reader.end();
    const columns = reader.columns;
    if (columns === undefined || columns.length < 2 || problems > 0) continue;
    if (delimiter === ' ' && columns.filter((c) => canonicalFieldId(c) !== undefined).length < 3) continue;
    if (best === undefined || columns.length > best.columns.length) best = { delimiter, columns };
  }
  return best;
}

/** What kind of access-log file the first bytes (say 64 KB) belong to. */
export function detectFormat(headBytes: Uint8Array): DetectedFormat {
  const buf = asBuffer(headBytes);
  if (isGzipMagic(buf)) return { kind: 'unknown', hasBom: false, isGzip: true, lineEnding: 'lf' };
  const hasBom = hasBomAt(buf);
  const base = { hasBom, isGzip: false, lineEnding: lineEndingOf(buf) };
  let i = hasBom ? 3 : 0;
  while (i < buf.length && isJsonSpace(buf[i])) i++;
  if (buf[i] === 0x5b) return { kind: 'jsonArray', ...base };
  if (buf[i] === 0x7b) {
    const shape = firstObjectShape(buf, i);
    if (shape.keys.has('requestlogs')) return { kind: 'queryResponse', ...base };
    return { kind: shape.singleLine ? 'jsonl' : 'jsonArray', ...base };
  }
  const delimited = detectDelimited(completeLines(buf));
  if (delimited !== undefined) return { kind: 'csv', ...delimited, ...base };
  return { kind: 'unknown', ...base };
}

/** The head up to its last line feed, so a cut-off last row does not count against a delimiter. */
function completeLines(buf: Buffer): Buffer {
  const last = buf.lastIndexOf(10);
  return last < 0 ? buf : buf.subarray(0, last + 1);
}
