/** Streaming reader for CSV, TSV and pipe-separated files with a header row (RFC 4180 quoting). */
import { ByteCarry, asBuffer, countNewlines, hasBomAt, isBlank, looksBinary } from './bytes';
import { splitCells } from './csvCells';
import { TORN_LAST_LINE } from './jsonLinesReader';
import type { ReaderStats, RecordReader, RecordReaderOptions } from './types';

/** Row scanner states across chunk boundaries (plain constants: this is the hot loop). */
const OUT = 0;
const IN = 1;
/** Inside quotes, just saw a quote: a second one means a literal quote, anything else closes. */
const IN_QUOTE_SEEN = 2;

/** Reads delimited rows; the first non-blank row is the header unless `options.columns` is given. */
export class CsvReader implements RecordReader {
  readonly stats: ReaderStats = { records: 0, problems: 0, blankLines: 0, bytes: 0 };
  private cols: readonly string[] | undefined;
  private readonly delim: number;
  private readonly carry = new ByteCarry();
  private state = OUT;
  /** The byte before the current chunk (LF at a row start). */
  private prevByte = 0x0a;
  private rowOffset: number;
  private rowLine: number;
  private rowHasQuote = false;
  /** Cached indexes of the next LF and quote in the current chunk (chunk length when none is left). */
  private lfAt = -1;
  private quoteAt = -1;
  /** Bytes pushed before the current chunk (a quote right after a leading BOM opens a quoted cell). */
  private chunkBase = 0;

  constructor(delimiter: string, private readonly options: RecordReaderOptions) {
    this.delim = delimiter.charCodeAt(0);
    this.cols = options.columns;
    this.rowOffset = options.startOffset ?? 0;
    this.rowLine = options.startLine ?? 1;
  }

  /** Column names from the header (or the options). */
  get columns(): readonly string[] | undefined {
    return this.cols;
  }

  /** Feeds the next chunk. */
  push(chunk: Uint8Array): void {
    const buf = asBuffer(chunk);
    this.chunkBase = this.stats.bytes;
    this.stats.bytes += buf.length;
    let rowStart = 0;
    let i = 0;
    this.lfAt = this.quoteAt = -1;
    while (i < buf.length) {
      const next = this.advance(buf, i);
      if (next < 0) break;
      if (buf[next] !== 0x0a || this.state === IN) {
        i = next;
        continue;
      }
      const row = this.carry.length > 0 ? this.carry.take(buf, rowStart, next) : buf.subarray(rowStart, next);
      this.handleRow(row, true);
      i = rowStart = next + 1;
    }
    this.carry.add(buf, rowStart, buf.length);
    if (buf.length > 0) this.prevByte = buf[buf.length - 1];
  }

  /**
   * Moves through quotes from `i`; returns the index of the row's LF, an index to continue from,
   * or -1 when the chunk ends inside the row.
   */
  private advance(buf: Buffer, i: number): number {
    if (this.state === IN_QUOTE_SEEN) {
      this.state = buf[i] === 0x22 ? IN : OUT;
      return buf[i] === 0x22 ? i + 1 : i;
    }
    if (this.state === IN) {
      const q = this.nextQuote(buf, i);
      if (q < 0) return -1;
      this.state = IN_QUOTE_SEEN;
      return q + 1 < buf.length ? q + 1 : -1;
    }
    return this.advanceOut(buf, i);
  }

  private advanceOut(buf: Buffer, i: number): number {
    const n = this.nextLf(buf, i);
    const q = this.nextQuote(buf, i);
    if (q >= 0 && (n < 0 || q < n)) {
      const before = q > 0 ? buf[q - 1] : this.prevByte;
      if (before === this.delim || before === 0x0a || (before === 0xbf && this.chunkBase + q === 3)) {
        this.state = IN;
        this.rowHasQuote = true;
      }
      return q + 1 < buf.length ? q + 1 : -1;
    }
    return n;
  }

  private nextLf(buf: Buffer, i: number): number {
    if (this.lfAt < i) this.lfAt = indexOrEnd(buf, 0x0a, i);
    return this.lfAt === buf.length ? -1 : this.lfAt;
  }

  private nextQuote(buf: Buffer, i: number): number {
    if (this.quoteAt < i) this.quoteAt = indexOrEnd(buf, 0x22, i);
    return this.quoteAt === buf.length ? -1 : this.quoteAt;
  }

  /** Flushes a last row without a terminator. */
  end(): void {
    if (this.carry.length === 0) return;
    const row = this.carry.take();
    if (this.state === IN) {
      this.problem(this.rowLine, this.rowOffset, row.length, 'unterminated quoted field at end of input');
      return;
    }
    this.handleRow(row, false);
  }

  /** One whole row (bytes without its LF). */
  private handleRow(row: Buffer, terminated: boolean): void {
    const offset = this.rowOffset;
    const line = this.rowLine;
    this.rowOffset += row.length + (terminated ? 1 : 0);
    this.rowLine += 1 + (this.rowHasQuote ? countNewlines(row, 0, row.length) : 0);
    this.rowHasQuote = false;
    this.state = OUT;
    const s = offset === 0 && hasBomAt(row) ? 3 : 0;
    const e = row.length > s && row[row.length - 1] === 13 ? row.length - 1 : row.length;
    if (isBlank(row, s, e)) {
      this.stats.blankLines++;
      return;
    }
    const cells = splitCells(row, s, e, this.delim);
    if (this.cols === undefined) {
      this.cols = cells.map((c) => c.trim());
      return;
    }
    if (cells.length === this.cols.length) {
      const fields: Record<string, unknown> = {};
      for (let k = 0; k < cells.length; k++) fields[this.cols[k]] = cells[k];
      this.stats.records++;
      this.options.onRecord({ line, offset: offset + s, length: e - s, fields });
      return;
    }
    const reason = !terminated ? TORN_LAST_LINE : looksBinary(row, s, e) ? 'binary data' : `row has ${cells.length} cells, the header has ${this.cols.length}`;
    this.problem(line, offset + s, e - s, reason);
  }

  private problem(line: number, offset: number, length: number, reason: string): void {
    this.stats.problems++;
    this.options.onProblem?.({ line, offset, length, reason });
  }
}

function indexOrEnd(buf: Buffer, byte: number, from: number): number {
  const at = buf.indexOf(byte, from);
  return at < 0 ? buf.length : at;
}
