/**
 * Growable typed-array columns used by the index. New capacity is left zeroed (untouched pages cost no
 * memory); the index fills missing markers ahead of the rows it writes (`fillMissing`), so reserving
 * room for a whole file up front costs only what is written.
 */

const INITIAL_CAPACITY = 1 << 14;

/** Number of elements a column grows to when it must hold `needed` (1.5x, never below the initial size). */
function grownCapacity(current: number, needed: number): number {
  let next = Math.max(current, INITIAL_CAPACITY);
  while (next < needed) next = Math.ceil(next * 1.5);
  return next;
}

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** A copy of `data` with room for exactly `capacity` elements (new slots zeroed). */
function resized<T extends TypedArray>(data: T, capacity: number, make: (n: number) => T): T {
  const next = make(capacity);
  next.set(capacity < data.length ? data.subarray(0, capacity) : data);
  return next;
}

/** A numeric column over one typed-array kind, with `missing` marking an absent value. */
abstract class TypedColumn<T extends TypedArray> {
  data: T;

  constructor(private readonly missing: number, private readonly make: (n: number) => T) {
    this.data = make(INITIAL_CAPACITY);
  }

  /** Ensures room for exactly `capacity` rows when the column is smaller (no over-allocation). */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = resized(this.data, capacity, this.make);
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.data = resized(this.data, count, this.make);
  }

  /** Marks rows [from, to) missing, growing only as far as row `need` requires; returns where marking stopped. */
  fillMissing(from: number, need: number, to: number): number {
    this.ensure(need);
    const end = Math.min(to, this.data.length);
    if (this.missing !== 0) this.data.fill(this.missing, from, end);
    return end;
  }

  /** Copies `count` values of `source` to rows starting at `at` (the column must have room). */
  copyIn(source: T, count: number, at: number): void {
    this.data.set(source.subarray(0, count), at);
  }

  protected ensure(i: number): void {
    if (i >= this.data.length) this.data = resized(this.data, grownCapacity(this.data.length, i + 1), this.make);
  }
}

/** A Float64 column; NaN marks a missing value. */
export class Float64Column extends TypedColumn<Float64Array> {
  constructor() {
    super(NaN, (n) => new Float64Array(n));
  }

  /** Stores `value` at row `i`, growing as needed. */
  set(i: number, value: number): void {
    this.ensure(i);
    this.data[i] = value;
  }

  /** The value at row `i` (NaN when missing). */
  get(i: number): number {
    return this.data[i];
  }
}

/** Sentinel for a missing Int32 value. */
export const MISSING_INT = -2147483648;

/** An Int32 column; MISSING_INT marks a missing value, read back as NaN. */
export class Int32Column extends TypedColumn<Int32Array> {
  constructor() {
    super(MISSING_INT, (n) => new Int32Array(n));
  }

  /** Stores `value` at row `i` (truncated; out-of-range values are stored as missing). */
  set(i: number, value: number): void {
    this.ensure(i);
    this.data[i] = Number.isFinite(value) && Math.abs(value) < 2147483647 ? value : MISSING_INT;
  }

  /** The value at row `i` (NaN when missing). */
  get(i: number): number {
    const v = this.data[i];
    return v === MISSING_INT ? NaN : v;
  }
}

/** A Uint32 column (row locations, lengths). */
export class Uint32Column extends TypedColumn<Uint32Array> {
  constructor() {
    super(0, (n) => new Uint32Array(n));
  }

  /** Stores `value` at row `i`. */
  set(i: number, value: number): void {
    this.ensure(i);
    this.data[i] = value;
  }

  /** The value at row `i`. */
  get(i: number): number {
    return this.data[i];
  }
}

export { DictColumnStore } from './dictColumn';
