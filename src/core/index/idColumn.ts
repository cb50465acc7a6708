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

/** A column of identifiers (request IDs): 16 bytes per row plus a flag byte. */
export class IdColumnStore {
  private bytes = new Uint8Array(16 * 16384);
  /** 0 = missing, 1 = packed UUID, 2 = odd shape kept in `odd`. */
  private kind = new Uint8Array(16384);
  private readonly odd = new Map<number, string>();
  private readonly scratch = new Uint8Array(16);

  /** Stores `id` at row `i` ('' stores nothing). */
  set(i: number, id: string): void {
    if (i >= this.kind.length) this.grow(i + 1);
    if (id === '') {
      this.kind[i] = 0;
    } else if (packUuid(id, this.bytes, i * 16)) {
      this.kind[i] = id === id.toUpperCase() ? 1 : 2;
      if (this.kind[i] === 2) this.odd.set(i, id);
    } else {
      this.kind[i] = 2;
      this.odd.set(i, id);
    }
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
    this.bytes = this.bytes.slice(0, count * 16);
    this.kind = this.kind.slice(0, count);
  }

  private findPacked(count: number, rows: number[]): void {
    const s = this.scratch;
    const b = this.bytes;
    for (let i = 0; i < count; i++) {
      const at = i * 16;
      if (b[at] !== s[0] || b[at + 15] !== s[15] || this.kind[i] !== 1) continue;
      let same = true;
      for (let k = 1; k < 15 && same; k++) same = b[at + k] === s[k];
      if (same) rows.push(i);
    }
  }

  private grow(needed: number): void {
    let cap = this.kind.length;
    while (cap < needed) cap = Math.ceil(cap * 1.5);
    const bytes = new Uint8Array(cap * 16);
    bytes.set(this.bytes);
    const kind = new Uint8Array(cap);
    kind.set(this.kind);
    this.bytes = bytes;
    this.kind = kind;
  }
}
