/**
 * Indexes one byte range of a JSON-lines file into a LogIndex, a chunk at a time, reading straight
 * into the scanner's memory. Used by the engine worker (between messages) and by index workers.
 */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { JsonlScanner, type TornTail } from '../index/jsonl/jsonlScanner';
import type { LogIndex } from '../index/store';
import type { Problem } from './protocol';

/** Bytes read per step. */
export const CHUNK_BYTES = 256 << 10;

/** What indexing a range found besides the rows. */
export interface RangeOutcome {
  /** Lines in the range (its last line ends with a newline unless the range ends the file). */
  lines: number;
  problems: Problem[];
  problemCount: number;
  fastRecords: number;
  tornTail: TornTail | undefined;
}

/** Options of a range. */
export interface RangeOptions {
  /** Line number of the range's first line (default 1). */
  firstLine?: number;
  /** True when the range ends at the end of the file (a last line without newline is then handled). */
  toEnd: boolean;
  /** Bytes whose records this index will hold in the end, to size it once (default: the range). */
  expectedBytes?: number;
}

/** A range being indexed. */
export class RangeIndexer {
  private readonly fd: number;
  private readonly scanner: JsonlScanner;
  private position: number;

  constructor(index: LogIndex, path: string, private readonly start: number, private readonly end: number, private readonly options: RangeOptions) {
    this.fd = openSync(path, 'r');
    this.position = start;
    this.scanner = new JsonlScanner(index, { baseOffset: start, firstLine: options.firstLine ?? 1, expectedBytes: options.expectedBytes ?? end - start });
  }

  /** Bytes of the range read so far. */
  get bytesDone(): number {
    return this.position - this.start;
  }

  /** Problems found so far. */
  get problemCount(): number {
    return this.scanner.problemCount;
  }

  /** Reads and indexes the next chunk; false when the range is done. */
  step(): boolean {
    const want = Math.min(CHUNK_BYTES, this.end - this.position);
    if (want <= 0) return false;
    const space = this.scanner.space(Math.min(want, 64 << 10));
    const n = readSync(this.fd, space.buffer, space.offset, Math.min(want, space.length), this.position);
    if (n <= 0) {
      this.position = this.end;
      return false;
    }
    this.position += n;
    this.scanner.commit(n);
    return this.position < this.end;
  }

  /** Ends the range (handling a last line without newline when it ends the file) and closes the file. */
  finish(): RangeOutcome {
    if (this.options.toEnd) this.scanner.finish();
    this.scanner.close();
    closeSync(this.fd);
    const s = this.scanner;
    return {
      lines: s.nextLine - (this.options.firstLine ?? 1),
      problems: s.problems,
      problemCount: s.problemCount,
      fastRecords: s.fastRecords,
      tornTail: s.tornTail,
    };
  }
}

/** The size of the file at `path`. */
export function fileSize(path: string): number {
  const fd = openSync(path, 'r');
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/**
 * Splits `[0, size)` into up to `parts` ranges that start at line starts (just after a newline), sized
 * in proportion to `weight(k, count)` (equal by default). Small files get fewer ranges (at least
 * `minBytes` each) and stay whole below that.
 */
export function splitRanges(path: string, size: number, parts: number, minBytes = 16 << 20, weight: (k: number, count: number) => number = () => 1): [number, number][] {
  const count = Math.max(1, Math.min(parts, Math.floor(size / minBytes)));
  const weights = Array.from({ length: count }, (_, k) => weight(k, count));
  const total = weights.reduce((a, b) => a + b, 0);
  const bounds = [0];
  const fd = openSync(path, 'r');
  try {
    const probe = Buffer.alloc(1 << 16);
    for (let k = 1, before = weights[0]; k < count; before += weights[k++]) {
      const next = lineStartAfter(fd, probe, Math.floor((size * before) / total), size);
      if (next > bounds[bounds.length - 1] && next < size) bounds.push(next);
    }
  } finally {
    closeSync(fd);
  }
  bounds.push(size);
  return bounds.slice(0, -1).map((b, i) => [b, bounds[i + 1]]);
}

function lineStartAfter(fd: number, probe: Buffer, from: number, size: number): number {
  for (let at = from; at < size; at += probe.length) {
    const n = readSync(fd, probe, 0, probe.length, at);
    const newline = probe.subarray(0, n).indexOf(10);
    if (newline >= 0) return at + newline + 1;
    if (n <= 0) break;
  }
  return size;
}
