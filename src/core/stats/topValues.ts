/** Top-N values of a dictionary column with counts, failures and p95 latency, from position-indexed data. */
import type { DictColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';
import { codeSlots, slotRankPercentiles, type RankedValues } from './rankedValues';

/** One value of a top-N list. p95 is the exact 95th percentile of total latency (NaN if none known). */
export interface TopEntry {
  value: string;
  count: number;
  failures: number;
  p95: number;
}

/** Per-code counts and failure counts over positions. */
export interface CodeTally {
  counts: Uint32Array;
  failures: Uint32Array;
}

/** Counts and failures per code of `codes` (by position). */
export function tallyCodes(codes: Uint16Array | Uint32Array, dictSize: number, failed: Uint8Array): CodeTally {
  const counts = new Uint32Array(dictSize);
  const failures = new Uint32Array(dictSize);
  for (let j = 0; j < codes.length; j++) {
    const c = codes[j];
    counts[c]++;
    failures[c] += failed[j];
  }
  return { counts, failures };
}

/** Codes with a count, the `n` largest first (ties by value); `skip` leaves codes out. Partial selection, no full sort. */
export function topCodes(index: LogIndex, column: DictColumn, counts: Uint32Array, n: number, skip?: (value: string) => boolean): number[] {
  const values = index.dict(column).values;
  const before = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && compareText(values[a], values[b]) < 0);
  const best: number[] = [];
  if (n <= 0) return best;
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0 || (best.length === n && !before(c, best[n - 1])) || (skip && skip(values[c]))) continue;
    let at = best.length === n ? n - 1 : best.length;
    while (at > 0 && before(c, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = c;
  }
  return best;
}

/** Every code with at least `min` rows. */
export function codesWithCount(counts: Uint32Array, min: number): number[] {
  const codes: number[] = [];
  for (let c = 0; c < counts.length; c++) if (counts[c] >= Math.max(1, min)) codes.push(c);
  return codes;
}

/** Plain code-unit order ('' first), deterministic across locales. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Exact p95 of (ranked) latency for each of `codes`. */
export function p95ByCode(codesByPosition: Uint16Array | Uint32Array, latency: RankedValues, codes: readonly number[], dictSize: number): Map<number, number> {
  const p95 = slotRankPercentiles(latency, codeSlots(codesByPosition, dictSize, codes), [95]);
  return new Map(codes.map((c, i) => [c, p95[i]]));
}

/** Builds entries for `codes` from a tally and their p95s. */
export function toEntries(index: LogIndex, column: DictColumn, codes: readonly number[], tally: CodeTally, p95: Map<number, number>): TopEntry[] {
  const values = index.dict(column).values;
  return codes.map((c) => ({ value: values[c], count: tally.counts[c], failures: tally.failures[c], p95: p95.get(c) ?? NaN }));
}
