/**
 * Narrows rows to those whose source bytes hold an ASCII text (any case), reading the source in large
 * sequential chunks into one reused buffer and searching each row's bytes there with SIMD. This is a
 * prefilter for full-text terms on what the index does not hold: the exact per-row test still runs,
 * but only on the rows that can match.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { RowMask } from '../query/mask';
import { createCaseScanner, prepareNeedle, type CaseScanner, type Needle } from './caseScan';
import type { EngineState } from './engineState';

/** Bytes read at once. */
const DEFAULT_CHUNK = 8 << 20;
/** Candidate rows further apart than this are read separately rather than in one chunk. */
const MAX_GAP = 256 << 10;

/** Options of `RawSearch` (tests use small chunks to exercise chunk edges). */
export interface RawSearchOptions {
  chunkBytes?: number;
  preferWasm?: boolean;
}

/** Searches rows' source bytes for ASCII texts, case-insensitively. */
export class RawSearch {
  private scanner: CaseScanner | undefined;
  private readonly chunkBytes: number;

  constructor(private readonly state: EngineState, private readonly options: RawSearchOptions = {}) {
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  }

  /**
   * Rows among `candidates` whose bytes may hold `text` (ASCII letters in any case): every row that
   * holds it is set; rows whose bytes could not be read whole are set too. Undefined when `text` is
   * not a searchable ASCII text.
   */
  rowsContaining(text: string, candidates: RowMask): RowMask | undefined {
    const needle = prepareNeedle(text);
    if (needle === undefined) return undefined;
    this.scanner ??= createCaseScanner(this.chunkBytes, this.options.preferWasm ?? true);
    const out = new Uint8Array(candidates.length);
    const fd = openSync(this.state.source, 'r');
    try {
      let row = candidates.indexOf(1);
      while (row >= 0 && row < candidates.length) row = this.searchChunk(fd, needle, candidates, row, out);
    } finally {
      closeSync(fd);
    }
    return out;
  }

  /** Reads the chunk starting at `row` (a candidate), searches its candidate rows; returns the next row to read. */
  private searchChunk(fd: number, needle: Needle, candidates: RowMask, row: number, out: RowMask): number {
    const index = this.state.index;
    const start = index.offsetOf(row);
    const { last, end } = this.chunkExtent(candidates, row, start);
    if (last < 0) {
      out[row] = 1;
      return nextCandidate(candidates, row + 1);
    }
    const scanner = this.scanner!;
    const got = readSync(fd, scanner.data, 0, end - start, start);
    for (let r = row; r <= last; r++) {
      if (candidates[r] === 0) continue;
      const { offset, length } = index.location(r);
      const from = offset - start;
      if (from < 0 || from + length > got) out[r] = 1;
      else if (length >= needle.lower.length && scanner.find(needle, from, from + length - needle.lower.length + 1) >= 0) out[r] = 1;
      else if (mayHideAscii(scanner.data, from, from + length)) out[r] = 1;
    }
    return nextCandidate(candidates, last + 1);
  }

  /** The last candidate row read with `row` and the end of their bytes; last = -1 when `row` alone is too long. */
  private chunkExtent(candidates: RowMask, row: number, start: number): { last: number; end: number } {
    const index = this.state.index;
    let last = -1;
    let end = start;
    for (let r = row; r < candidates.length; r++) {
      if (candidates[r] === 0) continue;
      const { offset, length } = index.location(r);
      if (offset < start || offset + length - start > this.chunkBytes || offset - end > MAX_GAP) break;
      last = r;
      end = Math.max(end, offset + length);
    }
    return { last, end };
  }
}

function nextCandidate(candidates: RowMask, from: number): number {
  return from >= candidates.length ? -1 : candidates.indexOf(1, from);
}

const ASCII_ESCAPE = Buffer.from('\\u00');

/** True when bytes [from, end) hold a `\u00XX` escape, which may spell an ASCII letter of the term (decoded by the exact check). */
function mayHideAscii(data: Buffer, from: number, end: number): boolean {
  return data.subarray(from, end).indexOf(ASCII_ESCAPE) >= 0;
}
