/**
 * Recently seen plain values of one dictionary column, found by their first eight bytes (direct-mapped)
 * and verified by comparing the value and its closing quote four bytes at a time, so a repeated value
 * gets its code without hashing it or probing the column's table. A column whose values rarely repeat
 * (paths with IDs) turns the cache off after a while.
 */

const SLOT_BITS = 7;
const SLOTS = 1 << SLOT_BITS;
/** Longest value cached, in bytes (without the closing quote). */
const MAX_LENGTH = 64;
/** Words stored per slot: the value and its quote. */
const WORDS = (MAX_LENGTH + 4) >> 2;
/** Lookups before judging whether the cache pays, and the hit rate below which it is turned off. */
const TRIAL = 4096;
const MIN_HIT_RATE = 0.3;

/** A small cache from value bytes to dictionary codes. */
export class ValueCache {
  /** Length and code of the last value found by `find`. */
  length = 0;
  code = 0;
  /** False once the column has shown its values rarely repeat. */
  useful = true;
  private readonly words = new Int32Array(SLOTS * WORDS);
  /** Per slot: the word ending at the closing quote (it may overlap the value's start, or precede it). */
  private readonly lastWords = new Int32Array(SLOTS);
  /** Per slot: value length, -1 when empty. */
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly codes = new Int32Array(SLOTS);
  private checks = 0;
  private hits = 0;

  /**
   * True when the bytes at `s` (the memory is readable a little past `end`) are a cached value followed
   * by its closing quote before `end`; `length` and `code` then describe it.
   */
  find(view: DataView, s: number, end: number): boolean {
    if (!this.useful) return false;
    if (++this.checks === TRIAL) this.judge();
    const slot = slotOf(view, s);
    const len = this.lengths[slot];
    const n = len + 1;
    if (len < 0 || s + n > end) return false;
    const words = this.words;
    const base = slot * WORDS;
    for (let w = 0, count = n >> 2; w < count; w++) if (view.getInt32(s + w * 4, true) !== words[base + w]) return false;
    if (view.getInt32(s + n - 4, true) !== this.lastWords[slot]) return false;
    this.hits++;
    this.length = len;
    this.code = this.codes[slot];
    return true;
  }

  /** Caches the plain value `[s, e)` (its closing quote at `e`) as `code`; longer values are not. */
  remember(view: DataView, s: number, e: number, code: number): void {
    const len = e - s;
    if (!this.useful || len > MAX_LENGTH) return;
    const slot = slotOf(view, s);
    const base = slot * WORDS;
    const n = len + 1;
    for (let w = 0, count = n >> 2; w < count; w++) this.words[base + w] = view.getInt32(s + w * 4, true);
    this.lastWords[slot] = view.getInt32(s + n - 4, true);
    this.lengths[slot] = len;
    this.codes[slot] = code;
  }

  private judge(): void {
    if (this.hits < TRIAL * MIN_HIT_RATE) this.useful = false;
  }
}

/** The slot of the value starting at `s`, from its first eight bytes (whatever follows a short value). */
function slotOf(view: DataView, s: number): number {
  return Math.imul(view.getInt32(s, true) ^ Math.imul(view.getInt32(s + 4, true), 0x85ebca6b), 0x9e3779b1) >>> (32 - SLOT_BITS);
}
