/** Growable typed-array columns used by the index. Chunked growth keeps peak memory near the final size. */

const INITIAL_CAPACITY = 1 << 14;

/** Number of elements a column grows to when it must hold `needed` (1.5x, never below the initial size). */
function grownCapacity(current: number, needed: number): number {
  let next = Math.max(current, INITIAL_CAPACITY);
  while (next < needed) next = Math.ceil(next * 1.5);
  return next;
}

/** A Float64 column; NaN marks a missing value. */
export class Float64Column {
  data = new Float64Array(INITIAL_CAPACITY).fill(NaN);

  /** Stores `value` at row `i`, growing as needed. */
  set(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = value;
  }

  /** The value at row `i` (NaN when missing). */
  get(i: number): number {
    return this.data[i];
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.data = this.data.slice(0, count);
  }

  private grow(needed: number): void {
    const next = new Float64Array(grownCapacity(this.data.length, needed));
    next.fill(NaN, this.data.length);
    next.set(this.data);
    this.data = next;
  }
}

/** Sentinel for a missing Int32 value. */
export const MISSING_INT = -2147483648;

/** An Int32 column; MISSING_INT marks a missing value, read back as NaN. */
export class Int32Column {
  data = new Int32Array(INITIAL_CAPACITY).fill(MISSING_INT);

  /** Stores `value` at row `i` (rounded; out-of-range values are stored as missing). */
  set(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = Number.isFinite(value) && Math.abs(value) < 2147483647 ? value : MISSING_INT;
  }

  /** The value at row `i` (NaN when missing). */
  get(i: number): number {
    const v = this.data[i];
    return v === MISSING_INT ? NaN : v;
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.data = this.data.slice(0, count);
  }

  private grow(needed: number): void {
    const next = new Int32Array(grownCapacity(this.data.length, needed)).fill(MISSING_INT, this.data.length);
    next.set(this.data);
    this.data = next;
  }
}

/** A Uint32 column (row locations, lengths). */
export class Uint32Column {
  data = new Uint32Array(INITIAL_CAPACITY);

  /** Stores `value` at row `i`. */
  set(i: number, value: number): void {
    if (i >= this.data.length) this.grow(i + 1);
    this.data[i] = value;
  }

  /** The value at row `i`. */
  get(i: number): number {
    return this.data[i];
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.data = this.data.slice(0, count);
  }

  private grow(needed: number): void {
    const next = new Uint32Array(grownCapacity(this.data.length, needed));
    next.set(this.data);
    this.data = next;
  }
}

/**
 * A dictionary-encoded string column. Code 0 is the empty/missing value; codes are Uint16 until the
 * dictionary outgrows 65,535 values, then Uint32.
 */
export class DictColumnStore {
  codes: Uint16Array | Uint32Array = new Uint16Array(INITIAL_CAPACITY);
  readonly values: string[] = [''];
  private readonly lookup = new Map<string, number>([['', 0]]);

  /** The code of `value`, adding it to the dictionary when new. */
  intern(value: string): number {
    let code = this.lookup.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.lookup.set(value, code);
    }
    return code;
  }

  /** The code of `value` if the dictionary has it, else -1 (for queries). */
  codeOf(value: string): number {
    return this.lookup.get(value) ?? -1;
  }

  /** Stores `value` at row `i`. */
  set(i: number, value: string): void {
    this.setCode(i, this.intern(value));
  }

  /** Stores an already-interned code at row `i`. */
  setCode(i: number, code: number): void {
    if (i >= this.codes.length || (code > 0xffff && this.codes instanceof Uint16Array)) this.grow(i + 1, code);
    this.codes[i] = code;
  }

  /** The string at row `i` ('' when missing). */
  get(i: number): string {
    return this.values[this.codes[i]];
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.codes = this.codes.slice(0, count);
  }

  private grow(needed: number, code: number): void {
    const wide = code > 0xffff || this.codes instanceof Uint32Array;
    const capacity = needed > this.codes.length ? grownCapacity(this.codes.length, needed) : this.codes.length;
    const next = wide ? new Uint32Array(capacity) : new Uint16Array(capacity);
    next.set(this.codes);
    this.codes = next;
  }
}
