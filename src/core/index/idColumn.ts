/**
 * Request IDs kept compactly: an uppercase-UUID-shaped ID takes 16 bytes; any other shape is kept
 * as a string on the side, so nothing is lost.
 */

const HEX = '0123456789ABCDEF';
const UUID_DASHES = [8, 13, 18, 23];

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Packs a UUID string into `out` at `at`; false when `id` is not UUID-shaped. */
export function packUuid(id: string, out: Uint8Array, at: number): boolean {
  if (id.length !== 36) return false;
  let byte = 0;
  for (let i = 0; i < 36; i += 2) {
    if (UUID_DASHES.includes(i)) i++;
    const hi = hexValue(id.charCodeAt(i));
    const lo = hexValue(id.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return false;
    out[at + byte++] = (hi << 4) | lo;
  }
  return byte === 16 && UUID_DASHES.every((d) => id.charCodeAt(d) === 45);
}

/** Unpacks 16 bytes at `at` into an uppercase UUID string. */
export function unpackUuid(bytes: Uint8Array, at: number): string {
  let s = '';
  for (let b = 0; b < 16; b++) {
    if (b === 4 || b === 6 || b === 8 || b === 10) s += '-';
    const v = bytes[at + b];
    s += HEX[v >> 4] + HEX[v & 15];
  }
  return s;
}

/** Value of an uppercase hex digit by byte, 16 (invalid) for anything else. */
const UPPER_HEX = new Uint8Array(256).fill(16);
for (let c = 0; c < 10; c++) UPPER_HEX[48 + c] = c;
for (let c = 0; c < 6; c++) UPPER_HEX[65 + c] = 10 + c;

/** Where each of the 16 packed bytes starts in the 36-character UUID text. */
const UUID_BYTE_AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

/** Packs an uppercase UUID from UTF-8 bytes `src[start, start + 36)` into `out` at `at`; false when not one. */
export function packUuidBytes(src: Uint8Array, start: number, out: Uint8Array, at: number): boolean {
  if (src[start + 8] !== 45 || src[start + 13] !== 45 || src[start + 18] !== 45 || src[start + 23] !== 45) return false;
  let bad = 0;
  for (let b = 0; b < 16; b++) {
    const i = start + UUID_BYTE_AT[b];
    const hi = UPPER_HEX[src[i]];
    const lo = UPPER_HEX[src[i + 1]];
    bad |= hi | lo;
    out[at + b] = (hi << 4) | lo;
  }
  return bad < 16;
}

/** The parts of an ID column, as moved between threads. */
export interface IdColumnParts {
  bytes: Uint8Array;
  kind: Uint8Array;
  odd: [number, string][];
}

/** A column of identifiers (request IDs): 16 bytes per row plus a flag byte. */
export class IdColumnStore {
  /** Packed UUIDs, 16 bytes per row; allocated at the first UUID (a column that stays empty costs 1 byte a row). */
  private bytes = new Uint8Array(0);
  /** 0 = missing, 1 = packed UUID, 2 = odd shape kept in `odd`. */
  private kind = new Uint8Array(16384);
  private readonly odd = new Map<number, string>();
  private readonly scratch = new Uint8Array(16);

  /** Stores `id` at row `i` ('' stores nothing). */
  set(i: number, id: string): void {
    if (i >= this.kind.length) this.grow(i + 1);
    if (this.odd.size > 0) this.odd.delete(i);
    if (id === '') {
      this.kind[i] = 0;
    } else if (this.packedRoom() && packUuid(id, this.bytes, i * 16)) {
      this.kind[i] = id === id.toUpperCase() ? 1 : 2;
      if (this.kind[i] === 2) this.odd.set(i, id);
    } else {
      this.kind[i] = 2;
      this.odd.set(i, id);
    }
  }

  /** Stores the uppercase UUID in bytes `src[start, end)` at row `i`; false (nothing stored) when it is not one. */
  trySetPacked(i: number, src: Uint8Array, start: number, end: number): boolean {
    if (end - start !== 36) return false;
    if (i >= this.kind.length) this.grow(i + 1);
    if (this.bytes.length === 0) this.packedRoom();
    if (!packUuidBytes(src, start, this.bytes, i * 16)) return false;
    this.kind[i] = 1;
    if (this.odd.size > 0) this.odd.delete(i);
    return true;
  }

  /** The ID at row `i` ('' when missing). */
  get(i: number): string {
    const k = this.kind[i];
    if (k === 1) return unpackUuid(this.bytes, i * 16);
    return k === 2 ? (this.odd.get(i) ?? '') : '';
  }

  /** Rows whose ID equals `id` (case-insensitive for UUIDs), in row order. */
  find(id: string, count: number): number[] {
    const rows: number[] = [];
    if (packUuid(id, this.scratch, 0)) this.findPacked(count, rows);
    const wanted = id.toUpperCase();
    for (const [row, value] of this.odd) if (value.toUpperCase() === wanted) rows.push(row);
    return rows.sort((a, b) => a - b);
  }

  /** Trims capacity to `count` rows. */
  trim(count: number): void {
    this.resize(count);
  }

  /** Ensures room for exactly `capacity` rows when the column is smaller. */
  reserve(capacity: number): void {
    if (capacity > this.kind.length) this.resize(capacity);
  }

  /** The column's arrays (capacity may exceed the row count) for moving to another thread. */
  parts(): IdColumnParts {
    return { bytes: this.bytes, kind: this.kind, odd: [...this.odd] };
  }

  /** Appends `count` rows of another column's parts at row `at`. */
  appendParts(parts: IdColumnParts, count: number, at: number): void {
    this.reserve(at + count);
    if (parts.bytes.length > 0) {
      this.packedRoom();
      this.bytes.set(parts.bytes.subarray(0, count * 16), at * 16);
    }
    this.kind.set(parts.kind.subarray(0, count), at);
    for (const [row, id] of parts.odd) if (row < count) this.odd.set(at + row, id);
  }

  private findPacked(count: number, rows: number[]): void {
    const s = this.scratch;
    const b = this.bytes;
    if (b.length === 0) return;
    for (let i = 0; i < count; i++) {
      const at = i * 16;
      if (b[at] !== s[0] || b[at + 15] !== s[15] || this.kind[i] !== 1) continue;
      let same = true;
      for (let k = 1; k < 15 && same; k++) same = b[at + k] === s[k];
      if (same) rows.push(i);
    }
  }

  /** Allocates the packed bytes on first use; always true. */
  private packedRoom(): boolean {
    if (this.bytes.length < this.kind.length * 16) {
      const bytes = new Uint8Array(this.kind.length * 16);
      bytes.set(this.bytes);
      this.bytes = bytes;
    }
    return true;
  }

  private grow(needed: number): void {
    let cap = this.kind.length;
    while (cap < needed) cap = Math.ceil(cap * 1.5);
    this.resize(cap);
  }

  private resize(cap: number): void {
    if (this.bytes.length > 0) {
      const bytes = new Uint8Array(cap * 16);
      bytes.set(this.bytes.subarray(0, Math.min(this.bytes.length, cap * 16)));
      this.bytes = bytes;
    }
    const kind = new Uint8Array(cap);
    kind.set(this.kind.subarray(0, Math.min(this.kind.length, cap)));
    this.kind = kind;
  }
}
