/**
 * Exact percentiles without sorting: a three-way quickselect (expected linear time, robust to the many
 * equal values latencies have). Percentiles use the nearest-rank definition: the value at 1-based
 * rank ceil(p/100 · n) of the sorted values (p = 0 gives the minimum).
 */

/** The 0-based index in sorted order of the p-th percentile of n values (nearest rank). */
export function rankIndex(p: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
}

let seed = 0x2545f491;

/** A cheap pseudo-random integer in [0, n), for pivot choice. */
function randomBelow(n: number): number {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

/**
 * Moves the k-th smallest of a[lo, hi) to index k, with smaller-or-equal values before it and
 * greater-or-equal after; returns it. Values must not be NaN.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const pivot = median3(a[l + randomBelow(r - l + 1)], a[(l + r) >>> 1], a[r]);
    let lt = l;
    let gt = r;
    let i = l;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else {
        i++;
      }
    }
    if (k < lt) r = lt - 1;
    else if (k > gt) l = gt + 1;
    else return a[k];
  }
  return a[k];
}

/** Ranges at least this long go through a histogram first (two predictable passes beat a branchy select). */
const BINNED_MIN = 16384;
const BINS = 2048;

/** Percentiles `ps` (ascending) of a[lo, hi) (non-NaN values); may reorder that range. NaN for each when empty. */
export function percentilesInPlace(a: Float64Array, lo: number, hi: number, ps: readonly number[]): number[] {
  const n = hi - lo;
  if (n <= 0) return ps.map(() => NaN);
  if (n >= BINNED_MIN) return binnedPercentiles(a, lo, hi, ps);
  let from = lo;
  return ps.map((p) => {
    const k = lo + rankIndex(p, n);
    const v = k >= from ? selectInPlace(a, from, hi, k) : a[k];
    from = Math.max(from, k);
    return v;
  });
}

/**
 * Exact percentiles in two passes: count values into equal-width bins between min and max, then
 * gather only the bins holding the wanted ranks and select within them (recursing if a bin is large).
 */
function binnedPercentiles(a: Float64Array, lo: number, hi: number, ps: readonly number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = lo; i < hi; i++) {
    const v = a[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return ps.map(() => min);
  const scale = (BINS - 1) / (max - min);
  const counts = new Uint32Array(BINS);
  for (let i = lo; i < hi; i++) counts[((a[i] - min) * scale) | 0]++;
  const wanted = ps.map((p) => locateRank(counts, rankIndex(p, hi - lo)));
  const slotOfBin = new Int32Array(BINS).fill(-1);
  const bins: Float64Array[] = [];
  for (const w of wanted) if (slotOfBin[w.bin] < 0) slotOfBin[w.bin] = bins.push(new Float64Array(counts[w.bin])) - 1;
  const fill = new Uint32Array(bins.length);
  for (let i = lo; i < hi; i++) {
    const slot = slotOfBin[((a[i] - min) * scale) | 0];
    if (slot >= 0) bins[slot][fill[slot]++] = a[i];
  }
  return wanted.map((w) => {
    const bin = bins[slotOfBin[w.bin]];
    return bin.length >= BINNED_MIN ? percentileAtRank(bin, w.offset) : selectInPlace(bin, 0, bin.length, w.offset);
  });
}

/** The value at 0-based sorted index k of a whole array, via the binned path. */
function percentileAtRank(a: Float64Array, k: number): number {
  const n = a.length;
  const p = ((k + 1) / n) * 100;
  const [v] = binnedPercentiles(a, 0, n, [p]);
  return rankIndex(p, n) === k ? v : selectInPlace(a, 0, n, k);
}

/** The bin holding sorted index k, and k's offset within it. */
function locateRank(counts: Uint32Array, k: number): { bin: number; offset: number } {
  let before = 0;
  for (let b = 0; b < counts.length; b++) {
    if (k < before + counts[b]) return { bin: b, offset: k - before };
    before += counts[b];
  }
  return { bin: counts.length - 1, offset: counts[counts.length - 1] - 1 };
}

/** Percentiles `ps` (ascending) of the non-NaN values (the input is not modified). */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const scratch = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) scratch[n++] = v;
  }
  return percentilesInPlace(scratch, 0, n, ps);
}
