/** Test helpers: read a whole byte array through a reader, chunked as asked. */
import { createRecordReader, detectFormat, type DetectedFormat, type LogRecord, type RecordProblem } from '../../../src/core/formats/index';

/** Everything a reader produced. */
export interface ReadResult {
  records: LogRecord[];
  problems: RecordProblem[];
  blankLines: number;
  columns: readonly string[] | undefined;
}

/** Reads `bytes` split at the given cut positions (sorted, within bounds). */
export function readSplit(format: DetectedFormat, bytes: Uint8Array, cuts: readonly number[] = []): ReadResult {
  const records: LogRecord[] = [];
  const problems: RecordProblem[] = [];
  const reader = createRecordReader(format, { onRecord: (r) => records.push(r), onProblem: (p) => problems.push(p) });
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    // Copy each chunk into a reused scratch buffer: the reader must not keep references to pushed chunks.
    const chunk = Uint8Array.from(bytes.subarray(from, cut));
    reader.push(chunk);
    chunk.fill(0x41);
    from = cut;
  }
  reader.end();
  return { records, problems, blankLines: reader.stats.blankLines, columns: reader.columns };
}

/** Reads `bytes` in chunks of `size` bytes. */
export function readChunked(format: DetectedFormat, bytes: Uint8Array, size: number): ReadResult {
  const cuts: number[] = [];
  for (let at = size; at < bytes.length; at += size) cuts.push(at);
  return readSplit(format, bytes, cuts);
}

/** Detects then reads in one chunk. */
export function readText(text: string | Uint8Array, chunkSize = 1 << 20): ReadResult & { format: DetectedFormat } {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const format = detectFormat(bytes.subarray(0, 65536));
  return { format, ...readChunked(format, bytes, chunkSize) };
}

/** The exact text of bytes[offset, offset + length). */
export function slice(bytes: Uint8Array, at: { offset: number; length: number }): string {
  return Buffer.from(bytes.subarray(at.offset, at.offset + at.length)).toString('utf8');
}

/** A format descriptor for tests that pick the reader directly. */
export function fmt(kind: DetectedFormat['kind'], delimiter?: string): DetectedFormat {
  return { kind, delimiter, hasBom: false, isGzip: false, lineEnding: 'lf' };
}
