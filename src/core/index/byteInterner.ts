/**
 * A hash table from UTF-8 byte strings to dictionary codes, so the JSON-lines scanner can find a
 * repeated value's code from the bytes it sits in, without creating a JS string. Entries are
 * verified byte by byte; several byte spellings may map to one code (e.g. invalid UTF-8 that decodes
 * to the same string).
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * An FNV-1a-style hash of `bytes[start, end)` taken over little-endian 32-bit words, then the tail
 * bytes (the scanner computes the same through a DataView). Never 0x7fffffff (reserved as a marker).
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  let i = start;
  for (; i + 4 <= end; i += 4) h = Math.imul(h ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)), FNV_PRIME);
  for (; i < end; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
  return h === 0x7fffffff ? 0x7ffffffe : h;
}

/** The hash state before any byte. */
export const HASH_SEED = FNV_OFFSET;

/** Byte strings → codes. */
export class ByteInterner {
  private slots = new Int32Array(64);
  private hashes: Int32Array = new Int32Array(16);
  private starts: Int32Array = new Int32Array(16);
  private lengths: Int32Array = new Int32Array(16);
  private codes: Int32Array = new Int32Array(16);
  private arena = Buffer.alloc(1024);
  private arenaUsed = 0;
  private entries = 0;

  /** The code stored for `bytes[start, end)` with hash `hash`, or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === hash && this.lengths[e] === len && this.sameBytes(e, bytes, start, len)) return this.codes[e];
    }
  }

  /** Maps `bytes[start, end)` (hash `hash`, not yet present) to `code`; returns the entry's number. */
  add(bytes: Uint8Array, start: number, end: number, hash: number, code: number): number {
    const len = end - start;
    if (this.entries === this.hashes.length) this.growEntries();
    if ((this.entries + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.arenaUsed + len > this.arena.length) this.growArena(len);
    const e = this.entries++;
    this.hashes[e] = hash;
    this.starts[e] = this.arenaUsed;
    this.lengths[e] = len;
    this.codes[e] = code;
    const arena = this.arena;
    for (let k = 0, at = this.arenaUsed; k < len; k++) arena[at + k] = bytes[start + k];
    this.arenaUsed += len;
    this.place(e);
    return e;
  }

  /** The bytes of entry `e` decoded as UTF-8. */
  text(e: number): string {
    const start = this.starts[e];
    return this.arena.toString('utf8', start, start + this.lengths[e]);
  }

  /** Where entry `e`'s bytes are in `arenaBytes()`. */
  startOf(e: number): number {
    return this.starts[e];
  }

  /** Length of entry `e`'s bytes. */
  lengthOf(e: number): number {
    return this.lengths[e];
  }

  /** The byte store (valid until the next `add`). */
  arenaBytes(): Buffer {
    return this.arena;
  }

  /** Bytes held by the table. */
  byteSize(): number {
    return this.slots.byteLength + this.hashes.byteLength * 4 + this.arena.byteLength;
  }

  private sameBytes(e: number, bytes: Uint8Array, start: number, len: number): boolean {
    const arena = this.arena;
    const at = this.starts[e];
    for (let k = 0; k < len; k++) if (arena[at + k] !== bytes[start + k]) return false;
    return true;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[e] & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.entries; e++) this.place(e);
  }

  private growEntries(): void {
    const size = Math.ceil(this.hashes.length * 1.5);
    const grow = (a: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(a);
      return next;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.codes = grow(this.codes);
  }

  private growArena(extra: number): void {
    const next = Buffer.alloc(Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + extra));
    this.arena.copy(next, 0, 0, this.arenaUsed);
    this.arena = next;
  }
}
