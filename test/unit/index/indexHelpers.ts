/** Helpers for index tests: build an index from JSON-lines bytes, and a comparable snapshot of one. */
import { DICT_COLUMNS, ID_COLUMNS, NUMERIC_COLUMNS } from '../../../src/core/fields/ids';
import { JsonlScanner, type JsonlScanOptions, type ScanProblem } from '../../../src/core/index/jsonl/jsonlScanner';
import { LogIndex } from '../../../src/core/index/store';

/** What indexing some bytes produced. */
export interface Built {
  index: LogIndex;
  problems: ScanProblem[];
  problemCount: number;
}

/** Indexes `bytes`, pushed in chunks of the given sizes (cycled; the whole at once when empty). */
export function buildIndex(bytes: Uint8Array, options: JsonlScanOptions = {}, chunkSizes: number[] = []): Built {
  const index = new LogIndex();
  const scanner = new JsonlScanner(index, options);
  if (chunkSizes.length === 0) {
    scanner.push(bytes);
  } else {
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const size = Math.max(1, chunkSizes[k % chunkSizes.length]);
      scanner.push(bytes.subarray(at, at + size));
      at += size;
    }
  }
  scanner.finish();
  return { index, problems: scanner.problems, problemCount: scanner.problemCount };
}

/** Every cell of every row, plus the extra field names, as plain data for deepEqual. */
export function snapshot(index: LogIndex): unknown {
  const rows: unknown[] = [];
  for (let row = 0; row < index.count; row++) {
    const cells: Record<string, unknown> = { loc: index.location(row) };
    for (const c of NUMERIC_COLUMNS) {
      const v = index.num(c, row);
      if (!Number.isNaN(v)) cells[c] = v;
    }
    for (const c of DICT_COLUMNS) {
      const v = index.str(c, row);
      if (v !== '') cells[c] = v;
    }
    for (const c of ID_COLUMNS) {
      const v = index.id(c, row);
      if (v !== '') cells[c] = v;
    }
    rows.push(cells);
  }
  return { count: index.count, rows, extra: [...index.extraFields].sort() };
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
