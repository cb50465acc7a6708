/**
 * Exact percentiles for many groups at once. Values (latencies) are replaced by their dense rank among
 * the distinct values, once; a group's percentile is then found from a small histogram over ranks
 * filled in one sequential pass, instead of sorting or selecting per group.
 */
import { rankIndex } from './percentiles';
import { COUNTING_RANGE_LIMIT } from './radix';
import { keyOrder } from './sortRows';

/** The distinct known values ascending, how many times each occurs, and how many values are known. */
export interface ValueHistogram {
  distinct: Float64Array;
  counts: Uint32Array;
  known: number;
}

/** Values by position with their dense ranks (-1 = unknown) into the histogram's distinct values. */
export interface RankedValues extends ValueHistogram {
  values: Float64Array;
  rank: Int32Array;
}

interface Extent {
  min: number;
  max: number;
  integral: boolean;
}

function extent(values: Float64Array): Extent {
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && v !== Math.floor(v)) integral = false;
  }
  return { min, max, integral };
}

/** True when values can be counted in a table indexed by value − min. */
function tableable(e: Extent): boolean {
  return e.integral && e.max - e.min < COUNTING_RANGE_LIMIT;
}

/** Ranks `values` (NaN = unknown). Integers in a modest range are ranked by table, others by sorting. */
export function rankValues(values: Float64Array): RankedValues {
  const e = extent(values);
  const rank = new Int32Array(values.length).fill(-1);
  if (!tableable(e)) return { values, rank, ...rankBySorting(values, rank) };
  const { histogram, table } = countByTable(values, e);
  const min = e.min;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v === v) rank[j] = table[v - min];
  }
  return { values, rank, ...histogram };
}

/** The value histogram alone (no per-position ranks), for summaries. */
export function valueHistogram(values: Float64Array): ValueHistogram {
  const e = extent(values);
  if (!tableable(e)) return rankBySorting(values, new Int32Array(values.length));
  return countByTable(values, e).histogram;
}

/** Counts values in a table by value − min; `table` then maps value − min to its rank. */
function countByTable(values: Float64Array, e: Extent): { histogram: ValueHistogram; table: Int32Array } {
  if (e.max < e.min) return { histogram: { distinct: new Float64Array(0), counts: new Uint32Array(0), known: 0 }, table: new Int32Array(0) };
  const table = new Int32Array(e.max - e.min + 1);
  const min = e.min;
  let known = 0;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v !== v) continue;
    table[v - min]++;
    known++;
  }
  let d = 0;
  for (let i = 0; i < table.length; i++) if (table[i] !== 0) d++;
  const distinct = new Float64Array(d);
  const counts = new Uint32Array(d);
  for (let i = 0, k = 0; i < table.length; i++) {
    if (table[i] === 0) continue;
    distinct[k] = i + min;
    counts[k] = table[i];
    table[i] = k++;
  }
  return { histogram: { distinct, counts, known }, table };
}

function rankBySorting(values: Float64Array, rank: Int32Array): ValueHistogram {
  const order = keyOrder(values, false);
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]];
    if (distinct.length === 0 || distinct[distinct.length - 1] !== v) {
      distinct.push(v);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    rank[order[i]] = distinct.length - 1;
  }
  return { distinct: Float64Array.from(distinct), counts: Uint32Array.from(counts), known: order.length };
}

/** Percentiles `ps` of all known values. */
export function rankPercentiles(r: ValueHistogram, ps: readonly number[]): number[] {
  return ps.map((p) => (r.known === 0 ? NaN : r.distinct[rankAt(r.counts, 0, r.counts.length, rankIndex(p, r.known))]));
}

/** The rank holding the k-th smallest value, given counts per rank in counts[from, to). */
function rankAt(counts: Uint32Array, from: number, to: number, k: number): number {
  let seen = 0;
  for (let i = from; i < to; i++) {
    seen += counts[i];
    if (seen > k) return i - from;
  }
  return to - from - 1;
}

/** Per position a key (code or bucket), mapped to a slot (-1 = leave out). */
export interface SlotMap {
  keys: Uint16Array | Uint32Array;
  slotOfKey: Int32Array;
  slots: number;
}

/** A slot map for chosen codes of a dictionary column (other codes left out). */
export function codeSlots(keys: Uint16Array | Uint32Array, dictSize: number, codes: readonly number[]): SlotMap {
  const slotOfKey = new Int32Array(dictSize).fill(-1);
  codes.forEach((c, i) => (slotOfKey[c] = i));
  return { keys, slotOfKey, slots: codes.length };
}

const HISTOGRAM_CELL_LIMIT = 1 << 22;

/**
 * Percentiles `ps` (ascending) per slot, over the positions in `subset` (all when undefined):
 * Float64Array slots × ps, NaN for an empty slot.
 */
export function slotRankPercentiles(r: RankedValues, map: SlotMap, ps: readonly number[], subset?: Uint32Array): Float64Array {
  const d = r.distinct.length;
  if (map.slots * d > HISTOGRAM_CELL_LIMIT) return slotPercentilesByOrder(r, map, ps, subset);
  const histogram = new Uint32Array(map.slots * d);
  const sizes = subset ? fillSubset(r.rank, map, d, histogram, subset) : fillAll(r.rank, map, d, histogram);
  const out = new Float64Array(map.slots * ps.length).fill(NaN);
  for (let s = 0; s < map.slots; s++) {
    if (sizes[s] === 0) continue;
    ps.forEach((p, i) => (out[s * ps.length + i] = r.distinct[rankAt(histogram, s * d, (s + 1) * d, rankIndex(p, sizes[s]))]));
  }
  return out;
}

function fillAll(rank: Int32Array, map: SlotMap, d: number, histogram: Uint32Array): Uint32Array {
  const { keys, slotOfKey } = map;
  const sizes = new Uint32Array(map.slots);
  for (let j = 0; j < rank.length; j++) {
    const k = rank[j];
    const s = slotOfKey[keys[j]];
    if (k < 0 || s < 0) continue;
    histogram[s * d + k]++;
    sizes[s]++;
  }
  return sizes;
}

function fillSubset(rank: Int32Array, map: SlotMap, d: number, histogram: Uint32Array, subset: Uint32Array): Uint32Array {
  const { keys, slotOfKey } = map;
  const sizes = new Uint32Array(map.slots);
  for (let i = 0; i < subset.length; i++) {
    const j = subset[i];
    const k = rank[j];
    const s = slotOfKey[keys[j]];
    if (k < 0 || s < 0) continue;
    histogram[s * d + k]++;
    sizes[s]++;
  }
  return sizes;
}

/** The same for many slots: walk positions in value order, counting per slot until each target rank. */
function slotPercentilesByOrder(r: RankedValues, map: SlotMap, ps: readonly number[], subset?: Uint32Array): Float64Array {
  const order = keyOrder(subset ? onlySubset(r.values, subset) : r.values, false);
  const { keys, slotOfKey, slots } = map;
  const np = ps.length;
  const sizes = new Uint32Array(slots);
  for (let i = 0; i < order.length; i++) {
    const s = slotOfKey[keys[order[i]]];
    if (s >= 0) sizes[s]++;
  }
  const out = new Float64Array(slots * np).fill(NaN);
  const seen = new Uint32Array(slots);
  const next = new Uint8Array(slots);
  for (let i = 0; i < order.length; i++) {
    const s = slotOfKey[keys[order[i]]];
    if (s < 0) continue;
    const k = seen[s]++;
    while (next[s] < np && rankIndex(ps[next[s]], sizes[s]) === k) out[s * np + next[s]++] = r.values[order[i]];
  }
  return out;
}

function onlySubset(values: Float64Array, subset: Uint32Array): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < subset.length; i++) out[subset[i]] = values[subset[i]];
  return out;
}

/** Positions of the `n` highest values, highest first, ties by position. */
export function topPositions(r: RankedValues, n: number): number[] {
  if (n <= 0 || r.known === 0) return [];
  let threshold = r.counts.length - 1;
  for (let above = r.counts[threshold]; above < n && threshold > 0; ) above += r.counts[--threshold];
  const picked: number[] = [];
  for (let j = 0; j < r.rank.length; j++) if (r.rank[j] >= threshold) picked.push(j);
  picked.sort((a, b) => r.rank[b] - r.rank[a] || a - b);
  return picked.slice(0, n);
}
