/**
 * Stable LSD radix sort of positions by non-negative integer keys below 2^48, 16 bits per pass; keys
 * travel with their positions so every pass reads sequentially. Passes whose digit is constant are skipped.
 */

const DIGIT_BITS = 16;
const DIGIT = 1 << DIGIT_BITS;
const TWO_32 = 2 ** 32;

/** Largest key (exclusive) the radix path handles. */
export const RADIX_KEY_LIMIT = 2 ** 48;

/** `positions` ordered by `keys[position]` ascending (integers in [0, 2^48)), stable. */
export function radixSortPositions(positions: Uint32Array, keys: Float64Array): Uint32Array {
  const n = positions.length;
  let maxKey = 0;
  for (let i = 0; i < n; i++) if (keys[positions[i]] > maxKey) maxKey = keys[positions[i]];
  const wide = maxKey >= TWO_32;
  const lo = new Uint32Array(n);
  const hi = wide ? new Uint32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const k = keys[positions[i]];
    const high = wide ? Math.floor(k / TWO_32) : 0;
    if (hi) hi[i] = high;
    lo[i] = k - high * TWO_32;
  }
  const state = { idx: positions.slice(), lo, hi };
  for (let pass = 0; pass < 3 && maxKey >= 2 ** (pass * DIGIT_BITS); pass++) radixPass(state, pass);
  return state.idx;
}

interface RadixState {
  idx: Uint32Array;
  lo: Uint32Array;
  hi: Uint32Array | undefined;
}

/** One stable counting pass on 16-bit digit `pass` (0, 1: low word; 2: high word); skipped when the digit is constant. */
function radixPass(state: RadixState, pass: number): void {
  const src = pass === 2 ? state.hi! : state.lo;
  const shift = pass === 1 ? DIGIT_BITS : 0;
  const n = src.length;
  const counts = new Uint32Array(DIGIT);
  for (let i = 0; i < n; i++) counts[(src[i] >>> shift) & 0xffff]++;
  if (counts.indexOf(n) >= 0) return;
  for (let d = 0, sum = 0; d < DIGIT; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
  const idx = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const hi = state.hi ? new Uint32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const at = counts[(src[i] >>> shift) & 0xffff]++;
    idx[at] = state.idx[i];
    lo[at] = state.lo[i];
    if (hi) hi[at] = state.hi![i];
  }
  Object.assign(state, { idx, lo, hi });
}

/** Largest key range the single-pass counting sort handles (a histogram of this many slots). */
export const COUNTING_RANGE_LIMIT = 1 << 20;

/**
 * Stable counting sort of the positions with a known key (NaN = unknown, left out) by integer keys
 * in [min, min + COUNTING_RANGE_LIMIT); `descending` reverses key order but keeps ties by position.
 */
export function countingSortPositions(keys: Float64Array, min: number, max: number, descending: boolean): Uint32Array {
  const range = max - min + 1;
  const starts = new Uint32Array(range + 1);
  let known = 0;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (k !== k) continue;
    starts[(descending ? max - k : k - min) + 1]++;
    known++;
  }
  for (let d = 0; d < range; d++) starts[d + 1] += starts[d];
  const out = new Uint32Array(known);
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (k === k) out[starts[descending ? max - k : k - min]++] = j;
  }
  return out;
}
