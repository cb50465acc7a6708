/**
 * A dictionary-encoded string column. Code 0 is the empty/missing value; codes are Uint16 until the
 * dictionary outgrows 65,535 values, then Uint32. Values are found by their UTF-8 bytes, so the
 * JSON-lines scanner interns straight from the bytes it reads; a value's JS string is only made when
 * someone reads it (`values`, `get`), which keeps high-cardinality columns (paths with IDs) small.
 */
import { ByteInterner, hashBytes } from './byteInterner';

const INITIAL_CAPACITY = 1 << 14;

/** True when UTF-8 `bytes[start, end)` could appear as they are inside a JSON string (no quote, backslash or control). */
function isPlainJsonText(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] < 32 || bytes[i] === 34 || bytes[i] === 92) return false;
  return true;
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** A dictionary column as plain data, for moving to another thread (arrays may be longer than needed). */
export interface DictParts {
  codes: Uint16Array | Uint32Array;
  /** Number of dictionary values (codes 0..size-1). */
  size: number;
  /** Canonical UTF-8 bytes of each code at `starts[code]` (-1 for values kept as strings in `odd`). */
  arena: Uint8Array;
  starts: Int32Array;
  lengths: Int32Array;
  odd: [number, string][];
}

/** One dictionary column. */
export class DictColumnStore {
  codes: Uint16Array | Uint32Array = new Uint16Array(INITIAL_CAPACITY);
  private readonly byBytes = new ByteInterner();
  /** Per code: the interner entry holding its canonical bytes, or -1 for an odd (non-plain) value. */
  private canonical = new Int32Array(64);
  private size = 1;
  private readonly oddByValue = new Map<string, number>();
  private readonly oddByCode = new Map<number, string>();
  private readonly strings: string[] = [''];
  private materialized = 1;
  private readonly encoder = new TextEncoder();
  private scratch = new Uint8Array(256);

  constructor() {
    this.canonical[0] = this.byBytes.add(this.scratch, 0, 0, hashBytes(this.scratch, 0, 0), 0);
  }

  /** Every value by code (strings are made on first access, then kept). */
  get values(): string[] {
    for (let code = this.materialized; code < this.size; code++) this.valueOf(code);
    this.materialized = this.size;
    return this.strings;
  }

  /** The value of `code`. */
  valueOf(code: number): string {
    let s = this.strings[code];
    if (s === undefined) {
      const entry = this.canonical[code];
      s = entry >= 0 ? this.byBytes.text(entry) : (this.oddByCode.get(code) ?? '');
      this.strings[code] = s;
    }
    return s;
  }

  /** The code of `value`, adding it to the dictionary when new. */
  intern(value: string): number {
    const code = this.codeOf(value);
    return code >= 0 ? code : this.addString(value);
  }

  /**
   * The code of the UTF-8 value `bytes[start, end)` whose hashBytes is `hash`, adding it when new. The
   * bytes must be plain JSON string content (no escapes, quotes or control characters).
   */
  internBytes(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const known = this.byBytes.find(bytes, start, end, hash);
    if (known >= 0) return known;
    // ASCII bytes are their string's only spelling; other bytes may be a second spelling (invalid UTF-8).
    if (isAscii(bytes, start, end)) return this.addCanonical(bytes, start, end, hash);
    const code = this.intern(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end));
    if (this.byBytes.find(bytes, start, end, hash) < 0) this.byBytes.add(bytes, start, end, hash, code);
    return code;
  }

  /** The code of `value` if the dictionary has it, else -1 (for queries). */
  codeOf(value: string): number {
    const n = this.encode(value);
    if (!isPlainJsonText(this.scratch, 0, n)) return this.oddByValue.get(value) ?? -1;
    return this.byBytes.find(this.scratch, 0, n, hashBytes(this.scratch, 0, n));
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
    return this.valueOf(this.codes[i]);
  }

  /** Ensures room for exactly `capacity` rows when the column is smaller. */
  reserve(capacity: number): void {
    if (capacity > this.codes.length) this.codes = this.allocate(capacity, this.codes instanceof Uint32Array);
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.codes = this.codes.slice(0, count);
  }

  /** Bytes held (codes, byte table, and the strings made so far). */
  byteSize(): number {
    let strings = 0;
    for (const s of this.strings) if (s !== undefined) strings += 24 + s.length;
    return this.codes.byteLength + this.byBytes.byteSize() + this.canonical.byteLength + strings;
  }

  /** The column as plain data (this store must not be used afterwards). */
  parts(): DictParts {
    const starts = new Int32Array(this.size).fill(-1);
    const lengths = new Int32Array(this.size);
    for (let code = 0; code < this.size; code++) {
      const entry = this.canonical[code];
      if (entry < 0) continue;
      starts[code] = this.byBytes.startOf(entry);
      lengths[code] = this.byBytes.lengthOf(entry);
    }
    return { codes: this.codes, size: this.size, arena: this.byBytes.arenaBytes(), starts, lengths, odd: [...this.oddByCode] };
  }

  /** Appends `count` rows of another dictionary column's parts at row `at`, translating codes. */
  appendParts(parts: DictParts, count: number, at: number): void {
    const remap = new Uint32Array(parts.size);
    const odd = new Map(parts.odd);
    for (let c = 1; c < parts.size; c++) {
      const s = parts.starts[c];
      if (s < 0) {
        remap[c] = this.intern(odd.get(c) ?? '');
        continue;
      }
      const e = s + parts.lengths[c];
      const h = hashBytes(parts.arena, s, e);
      const known = this.byBytes.find(parts.arena, s, e, h);
      remap[c] = known >= 0 ? known : this.addCanonical(parts.arena, s, e, h);
    }
    if (this.size > 0x10000 && this.codes instanceof Uint16Array) this.grow(at + count, this.size);
    this.reserve(at + count);
    const out = this.codes;
    const codes = parts.codes;
    for (let i = 0; i < count; i++) out[at + i] = remap[codes[i]];
  }

  /** Adds a value whose bytes are its canonical UTF-8 spelling and plain. */
  private addCanonical(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const code = this.nextCode();
    this.canonical[code] = this.byBytes.add(bytes, start, end, hash, code);
    return code;
  }

  private addString(value: string): number {
    const n = this.encode(value);
    if (isPlainJsonText(this.scratch, 0, n)) return this.addCanonical(this.scratch, 0, n, hashBytes(this.scratch, 0, n));
    const code = this.nextCode();
    this.canonical[code] = -1;
    this.oddByValue.set(value, code);
    this.oddByCode.set(code, value);
    this.strings[code] = value;
    return code;
  }

  private nextCode(): number {
    const code = this.size++;
    if (code >= this.canonical.length) {
      const next = new Int32Array(this.canonical.length * 2);
      next.set(this.canonical);
      this.canonical = next;
    }
    return code;
  }

  /** UTF-8 of `value` into the scratch buffer; returns its length. */
  private encode(value: string): number {
    if (value.length * 3 > this.scratch.length) this.scratch = new Uint8Array(value.length * 3 + 16);
    return this.encoder.encodeInto(value, this.scratch).written;
  }

  private grow(needed: number, code: number): void {
    const wide = code > 0xffff || this.codes instanceof Uint32Array;
    const capacity = needed > this.codes.length ? Math.max(needed, Math.ceil(this.codes.length * 1.5)) : this.codes.length;
    this.codes = this.allocate(capacity, wide);
  }

  private allocate(capacity: number, wide: boolean): Uint16Array | Uint32Array {
    const next = wide ? new Uint32Array(capacity) : new Uint16Array(capacity);
    next.set(this.codes.length > capacity ? this.codes.subarray(0, capacity) : this.codes);
    return next;
  }
}
