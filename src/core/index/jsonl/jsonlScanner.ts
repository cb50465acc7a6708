/**
 * Indexes JSON lines from byte chunks: finds complete lines, hands each to the fast line parser, and
 * falls back to JSON.parse + addRecord when it declines. Lines that are not JSON objects become
 * problems (counted, with line numbers), never errors. Handles a BOM, CRLF, blank lines, lines of
 * any length (the buffer grows), and a torn last line (see `finish`).
 */
import { addRecord } from '../rowWriter';
import type { LogIndex } from '../store';
import { LineParser } from './lineParser';
import { DATA_BASE, acquireScanMemory, releaseScanMemory, type ScanMemory } from './quoteScan';

/** A line that is not a record. */
export interface ScanProblem {
  line: number;
  offset: number;
  length: number;
  reason: string;
}

/** Where the scanner starts and how it behaves. */
export interface JsonlScanOptions {
  /** Source offset of the first byte given (default 0; a BOM is only looked for at offset 0). */
  baseOffset?: number;
  /** Line number of the first line given (default 1). */
  firstLine?: number;
  /** Use the fast path (default true); false indexes every line with JSON.parse (the reference). */
  fastPath?: boolean;
  /** Use WebAssembly SIMD for the quote scan when available (default true). */
  wasm?: boolean;
  /** Problem details kept (all are counted); default 10,000. */
  maxProblemDetails?: number;
  /** Bytes expected in total, to size the index once the record size is known. */
  expectedBytes?: number;
}

/** The unterminated last line seen by `finish`, to re-read when the file grows. */
export interface TornTail {
  offset: number;
  line: number;
  /** Row count and problem count before that line was handled. */
  rows: number;
  problems: number;
}

const INITIAL_DATA = 512 << 10;

/** A streaming JSON-lines indexer writing into one LogIndex. */
export class JsonlScanner {
  /** Problem details (the first `maxProblemDetails`). */
  readonly problems: ScanProblem[] = [];
  /** Every problem, counted. */
  problemCount = 0;
  /** Records indexed by the fast path (the rest went through JSON.parse). */
  fastRecords = 0;
  /** Source offset just after the last byte given. */
  endOffset: number;
  /** Line number of the next line to start. */
  nextLine: number;
  /** Set by `finish` when the input ended without a newline. */
  tornTail: TornTail | undefined;
  private readonly mem: ScanMemory;
  private readonly parser: LineParser;
  private filled = 0;
  private readonly fast: boolean;
  private readonly maxDetails: number;
  private reserved: boolean;
  /** Rows the index had when this scanner started. */
  private readonly firstRow: number;

  constructor(private readonly index: LogIndex, private readonly options: JsonlScanOptions = {}) {
    this.endOffset = options.baseOffset ?? 0;
    this.nextLine = options.firstLine ?? 1;
    this.mem = acquireScanMemory(INITIAL_DATA, options.wasm ?? true);
    this.parser = new LineParser(index, this.mem);
    this.fast = options.fastPath ?? true;
    this.maxDetails = options.maxProblemDetails ?? 10_000;
    this.reserved = options.expectedBytes === undefined;
    this.firstRow = index.count;
  }

  /** Source offset of the first byte not yet handled (the start of a pending incomplete line). */
  get handledOffset(): number {
    return this.endOffset - this.filled;
  }

  /** Indexes the complete lines in `chunk` (copied), keeping an incomplete last line for later. */
  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      const space = this.space(Math.min(chunk.length - at, INITIAL_DATA));
      const n = Math.min(space.length, chunk.length - at);
      space.buffer.set(chunk.subarray(at, at + n), space.offset);
      at += n;
      this.commit(n);
    }
  }

  /** A writable region of at least `min` bytes (for reading a file straight into the scanner). */
  space(min: number): { buffer: Buffer; offset: number; length: number } {
    if (this.mem.capacity() - this.filled < min) this.mem.grow(Math.max(this.mem.capacity() * 2, this.filled + min));
    return { buffer: this.mem.bytes, offset: DATA_BASE + this.filled, length: this.mem.capacity() - this.filled };
  }

  /** Declares `n` bytes written into `space()`, and indexes the complete lines. */
  commit(n: number): void {
    this.filled += n;
    this.endOffset += n;
    const bytes = this.mem.bytes;
    const end = DATA_BASE + this.filled;
    const found = n === 0 ? -1 : bytes.subarray(end - n, end).lastIndexOf(10);
    if (found < 0) return;
    const lastNewline = end - n + found;
    this.lines(DATA_BASE, lastNewline + 1);
    bytes.copyWithin(DATA_BASE, lastNewline + 1, end);
    this.filled = end - (lastNewline + 1);
    this.reserveOnce();
  }

  /** Handles a final line without a newline (recorded in `tornTail` so it can be re-read). */
  finish(): void {
    if (this.filled === 0) return;
    const start = DATA_BASE;
    const end = DATA_BASE + this.filled;
    this.tornTail = { offset: this.handledOffset, line: this.nextLine, rows: this.index.count, problems: this.problemCount };
    this.parser.beginWindow();
    this.line(start, end, true);
    this.filled = 0;
  }

  /** Gives the scan memory back for the next scanner of this thread; the scanner must not be used after. */
  close(): void {
    releaseScanMemory(this.mem, this.options.wasm ?? true);
  }

  private lines(start: number, end: number): void {
    const bytes = this.mem.bytes;
    this.parser.beginWindow();
    let lineStart = start;
    while (lineStart < end) {
      const newline = bytes.indexOf(10, lineStart);
      this.line(lineStart, newline, false);
      lineStart = newline + 1;
    }
  }

  private line(start: number, end: number, torn: boolean): void {
    const bytes = this.mem.bytes;
    const line = this.nextLine++;
    if (this.sourceOffset(start) === 0 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    if (end > start && bytes[end - 1] === 13) end--;
    if (this.fast && this.parser.parse(start, end, line, this.sourceOffset(start))) {
      this.fastRecords++;
      return;
    }
    this.slow(start, end, line, torn);
  }

  private slow(start: number, end: number, line: number, torn: boolean): void {
    const bytes = this.mem.bytes;
    let p = start;
    while (p < end && (bytes[p] === 32 || bytes[p] === 9 || bytes[p] === 13)) p++;
    const offset = this.sourceOffset(start);
    if (p === end) return;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8', start, end));
    } catch {
      this.problem(line, offset, end - start, torn ? 'incomplete last line (no newline at the end)' : 'not valid JSON');
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(line, offset, end - start, 'not a JSON object');
      return;
    }
    addRecord(this.index, value as Record<string, unknown>, { line, offset, length: end - start });
  }

  private sourceOffset(pos: number): number {
    return this.endOffset - this.filled + (pos - DATA_BASE);
  }

  private problem(line: number, offset: number, length: number, reason: string): void {
    this.problemCount++;
    if (this.problems.length < this.maxDetails) this.problems.push({ line, offset, length, reason });
  }

  /** Sizes the index once, from the bytes per record seen so far. */
  private reserveOnce(): void {
    const rows = this.index.count - this.firstRow;
    if (this.reserved || rows < 256) return;
    this.reserved = true;
    const consumed = this.handledOffset - (this.options.baseOffset ?? 0);
    const expectedRows = Math.ceil((this.options.expectedBytes! / (consumed / rows)) * 1.03) + 1024;
    this.index.reserve(this.firstRow + expectedRows);
  }
}
