/** Growable typed-array columns used by the index. Chunked growth keeps peak memory near the final size. */
import { ByteInterner, hashBytes } from './byteInterner';

const INITIAL_CAPACITY = 1 << 14;

/** Number of elements a column grows to when it must hold `needed` (1.5x, never below the initial size). */
function grownCapacity(current: number, needed: number): number {
  let next = Math.max(current, INITIAL_CAPACITY);
  while (next < needed) next = Math.ceil(next * 1.5);
  return next;
}

type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** A copy of `data` with room for exactly `capacity` elements; new slots hold `fill`. */
function resized<T extends TypedArray>(data: T, capacity: number, fill: number, make: (n: number) => T): T {
  const next = make(capacity);
  if (fill !== 0 && capacity > data.length) next.fill(fill, data.length);
  next.set(capacity < data.length ? data.subarray(0, capacity) : data);
  return next;
}

/** A numeric column over one typed-array kind, with `missing` marking an absent value. */
abstract class TypedColumn<T extends TypedArray> {
  data: T;

  constructor(private readonly missing: number, private readonly make: (n: number) => T) {
    this.data = make(INITIAL_CAPACITY);
    if (missing !== 0) this.data.fill(missing);
  }

  /** Ensures room for exactly `capacity` rows when the column is smaller (no over-allocation). */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.data = resized(this.data, capacity, this.missing, this.make);
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.data = resized(this.data, count, this.missing, this.make);
  }

  /** Copies `count` values of `source` to rows starting at `at` (the column must have room). */
  copyIn(source: T, count: number, at: number): void {
    this.data.set(source.subarray(0, count), at);
  }

  protected ensure(i: number): void {
    if (i >= this.data.length) this.data = resized(this.data, grownCapacity(this.data.length, i + 1), this.missing, this.make);
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

/** True when `value` is stored exactly by an Int32Column. */
export function fitsInt32(value: number): boolean {
  return (value | 0) === value && value !== MISSING_INT && !Object.is(value, -0);
}

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

/** True when UTF-8 `bytes` could appear as they are inside a JSON string (no quote, backslash or control). */
function isPlainJsonText(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] < 32 || bytes[i] === 34 || bytes[i] === 92) return false;
  return true;
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/**
 * A dictionary-encoded string column. Code 0 is the empty/missing value; codes are Uint16 until the
 * dictionary outgrows 65,535 values, then Uint32. Values can be interned from a string or straight
 * from UTF-8 bytes (the scanner's fast path), which creates a string only for a new value.
 */
export class DictColumnStore {
  codes: Uint16Array | Uint32Array = new Uint16Array(INITIAL_CAPACITY);
  readonly values: string[] = [''];
  /** Plain values (the usual kind) are found by their UTF-8 bytes; others through a small map. */
  private readonly byBytes = new ByteInterner();
  private readonly oddLookup = new Map<string, number>();
  private readonly utf8 = new TextEncoder();

  constructor() {
    this.byBytes.add(new Uint8Array(0), 0, 0, hashBytes(new Uint8Array(0), 0, 0), 0);
  }

  /** The code of `value`, adding it to the dictionary when new. */
  intern(value: string): number {
    const code = this.codeOf(value);
    return code >= 0 ? code : this.add(value);
  }

  /**
   * The code of the UTF-8 value `bytes[start, end)` whose hashBytes is `hash`, adding it when new. The
   * bytes must be plain JSON string content (no escapes, quotes or control characters).
   */
  internBytes(bytes: Buffer, start: number, end: number, hash: number): number {
    const known = this.byBytes.find(bytes, start, end, hash);
    if (known >= 0) return known;
    if (isAscii(bytes, start, end)) {
      // ASCII bytes are their string's only spelling: a new value for sure.
      const code = this.values.length;
      this.values.push(bytes.toString('latin1', start, end));
      this.byBytes.add(bytes, start, end, hash, code);
      return code;
    }
    const code = this.intern(bytes.toString('utf8', start, end));
    if (this.byBytes.find(bytes, start, end, hash) < 0) this.byBytes.add(bytes, start, end, hash, code);
    return code;
  }

  /** The code of `value` if the dictionary has it, else -1 (for queries). */
  codeOf(value: string): number {
    const bytes = this.utf8.encode(value);
    if (!isPlainJsonText(bytes)) return this.oddLookup.get(value) ?? -1;
    return this.byBytes.find(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length));
  }

  private add(value: string): number {
    const code = this.values.length;
    this.values.push(value);
    const bytes = this.utf8.encode(value);
    if (isPlainJsonText(bytes)) this.byBytes.add(bytes, 0, bytes.length, hashBytes(bytes, 0, bytes.length), code);
    else this.oddLookup.set(value, code);
    return code;
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

  /** Ensures room for exactly `capacity` rows when the column is smaller. */
  reserve(capacity: number): void {
    if (capacity > this.codes.length) this.codes = this.allocate(capacity, this.codes instanceof Uint32Array);
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.codes = this.codes.slice(0, count);
  }

  /** Appends `count` rows of another dictionary's codes at row `at`, translated into this dictionary. */
  appendCodes(codes: Uint16Array | Uint32Array, values: readonly string[], count: number, at: number): void {
    const remap = new Uint32Array(values.length);
    for (let c = 1; c < values.length; c++) remap[c] = this.intern(values[c]);
    if (this.values.length > 0x10000 && this.codes instanceof Uint16Array) this.grow(at + count, this.values.length);
    this.reserve(at + count);
    const out = this.codes;
    for (let i = 0; i < count; i++) out[at + i] = remap[codes[i]];
  }

  private grow(needed: number, code: number): void {
    const wide = code > 0xffff || this.codes instanceof Uint32Array;
    const capacity = needed > this.codes.length ? grownCapacity(this.codes.length, needed) : this.codes.length;
    this.codes = this.allocate(capacity, wide);
  }

  private allocate(capacity: number, wide: boolean): Uint16Array | Uint32Array {
    const next = wide ? new Uint32Array(capacity) : new Uint16Array(capacity);
    next.set(this.codes.length > capacity ? this.codes.subarray(0, capacity) : this.codes);
    return next;
  }
}
