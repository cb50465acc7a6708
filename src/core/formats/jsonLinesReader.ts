/** Streaming reader for JSON lines: one object per line, any chunking, CRLF, BOM, blank and broken lines. */
import { ByteCarry, asBuffer, hasBomAt, isBlank, parseJsonObject } from './bytes';
import type { ReaderStats, RecordReader, RecordReaderOptions } from './types';

/** Reason given for a last line without a terminator that does not parse. */
export const TORN_LAST_LINE = 'incomplete last line (input ended mid-record)';

/** Reads JSON lines; each non-blank line is a record or a problem. */
export class JsonLinesReader implements RecordReader {
  readonly stats: ReaderStats = { records: 0, problems: 0, blankLines: 0, bytes: 0 };
  readonly columns = undefined;
  private readonly carry = new ByteCarry();
  /** Stream offset and line number of the first byte of the current (unfinished) line. */
  private lineOffset: number;
  private lineNumber: number;

  constructor(private readonly options: RecordReaderOptions) {
    this.lineOffset = options.startOffset ?? 0;
    this.lineNumber = options.startLine ?? 1;
  }

  /** Feeds the next chunk of the stream. */
  push(chunk: Uint8Array): void {
    const buf = asBuffer(chunk);
    this.stats.bytes += buf.length;
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        this.carry.add(buf, pos, buf.length);
        return;
      }
      if (this.carry.length > 0) {
        const line = this.carry.take(buf, pos, nl);
        this.handleLine(line, 0, line.length, true);
      } else {
        this.handleLine(buf, pos, nl, true);
      }
      pos = nl + 1;
    }
  }

  /** Flushes a last line that has no terminator. */
  end(): void {
    if (this.carry.length === 0) return;
    const line = this.carry.take();
    this.handleLine(line, 0, line.length, false);
  }

  /** One line: bytes[start, end), end at the LF (or end of input when not terminated). */
  private handleLine(bytes: Buffer, start: number, end: number, terminated: boolean): void {
    const lineOffset = this.lineOffset;
    const line = this.lineNumber;
    this.lineOffset += end - start + (terminated ? 1 : 0);
    this.lineNumber++;
    let s = start;
    if (lineOffset === 0 && hasBomAt(bytes, s)) s += 3;
    const e = end > s && bytes[end - 1] === 13 ? end - 1 : end;
    if (isBlank(bytes, s, e)) {
      this.stats.blankLines++;
      return;
    }
    const offset = lineOffset + (s - start);
    const parsed = parseJsonObject(bytes, s, e);
    if (typeof parsed !== 'string') {
      this.stats.records++;
      this.options.onRecord({ line, offset, length: e - s, fields: parsed });
      return;
    }
    const torn = !terminated && bytes[s] === 0x7b && parsed === 'invalid JSON';
    this.stats.problems++;
    this.options.onProblem?.({ line, offset, length: e - s, reason: torn ? TORN_LAST_LINE : parsed });
  }
}
