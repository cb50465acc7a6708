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

/**
 * Byte strings → codes. Open addressing over slot pairs (hash, entry + 1), so a probe reads one place
 * until the hash matches; entries are (start, length, code) triples over one byte arena. Few separate
 * arrays means few cache misses on large tables (paths with IDs reach hundreds of thousands).
 */
export class ByteInterner {
  private slots = new Int32Array(128);
  /** Bits of a mixed hash that pick a slot pair (slots.length / 2 === 1 << slotBits). */
  private slotBits = 6;
  private entries: Int32Array = new Int32Array(48);
  private arena = Buffer.alloc(1024);
  private arenaView: DataView<ArrayBufferLike> = new DataView(this.arena.buffer, this.arena.byteOffset, this.arena.length);
  private arenaUsed = 0;
  private count = 0;
  /** A DataView of the last byte array looked up in (callers reuse one buffer, so this is rarely rebuilt). */
  private inputBytes: Uint8Array = this.arena;
  private inputView: DataView<ArrayBufferLike> = this.arenaView;

  /** The code stored for `bytes[start, end)` with hash `hash`, or -1. */
  find(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const len = end - start;
    for (let s = slotOf(hash, this.slotBits); ; s = (s + 1) & mask) {
      const e = slots[2 * s + 1] - 1;
      if (e < 0) return -1;
      if (slots[2 * s] !== hash) continue;
      const at = e * 3;
      if (this.entries[at + 1] === len && this.sameBytes(this.entries[at], bytes, start, len)) return this.entries[at + 2];
    }
  }

  /** Maps `bytes[start, end)` (hash `hash`, not yet present) to `code`; returns the entry's number. */
  add(bytes: Uint8Array, start: number, end: number, hash: number, code: number): number {
    const len = end - start;
    if ((this.count + 1) * 3 > this.entries.length) this.entries = grown(this.entries, Math.ceil(this.entries.length * 1.5 / 3) * 3);
    if ((this.count + 1) * 4 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.arenaUsed + len > this.arena.length) this.growArena(len);
    const e = this.count++;
    this.entries[e * 3] = this.arenaUsed;
    this.entries[e * 3 + 1] = len;
    this.entries[e * 3 + 2] = code;
    const arena = this.arena;
    for (let k = 0, at = this.arenaUsed; k < len; k++) arena[at + k] = bytes[start + k];
    this.arenaUsed += len;
    this.place(e, hash);
    return e;
  }

  /** The bytes of entry `e` decoded as UTF-8. */
  text(e: number): string {
    const start = this.entries[e * 3];
    return this.arena.toString('utf8', start, start + this.entries[e * 3 + 1]);
  }

  /** Where entry `e`'s bytes are in `arenaBytes()`. */
  startOf(e: number): number {
    return this.entries[e * 3];
  }

  /** Length of entry `e`'s bytes. */
  lengthOf(e: number): number {
    return this.entries[e * 3 + 1];
  }

  /** The byte store (valid until the next `add`). */
  arenaBytes(): Buffer {
    return this.arena;
  }

  /** Bytes held by the table. */
  byteSize(): number {
    return this.slots.byteLength + this.entries.byteLength + this.arena.byteLength;
  }

  /** Compares four bytes at a time (both sides through DataViews). */
  private sameBytes(at: number, bytes: Uint8Array, start: number, len: number): boolean {
    if (bytes !== this.inputBytes) {
      this.inputBytes = bytes;
      this.inputView = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const a = this.arenaView;
    const b = this.inputView;
    let k = 0;
    for (; k + 4 <= len; k += 4) if (a.getInt32(at + k, true) !== b.getInt32(start + k, true)) return false;
    for (; k < len; k++) if (a.getUint8(at + k) !== b.getUint8(start + k)) return false;
    return true;
  }

  private place(e: number, hash: number): void {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let s = slotOf(hash, this.slotBits);
    while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = e + 1;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    this.slotBits = 31 - Math.clz32(size >> 1);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.place(old[s + 1] - 1, old[s]);
  }

  private growArena(extra: number): void {
    const next = Buffer.alloc(Math.max(Math.ceil(this.arena.length * 1.5), this.arenaUsed + extra));
    this.arena.copy(next, 0, 0, this.arenaUsed);
    this.arena = next;
    this.arenaView = new DataView(next.buffer, next.byteOffset, next.length);
  }
}

/**
 * The first slot pair for `hash`: its top `bits` after a multiplicative mix (the FNV-style word hash
 * mixes low bits poorly, so `hash & mask` would cluster keys that differ only in high bytes of a word).
 */
function slotOf(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

function grown(a: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(a);
  return next;
}
