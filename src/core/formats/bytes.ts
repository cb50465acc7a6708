/** Byte helpers: zero-copy Buffer views, UTF-8 decoding, BOM, a carry of partial data across chunks. */

/** A Buffer view over the same memory (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** True when `bytes` starts with the UTF-8 byte order mark at `at`. */
export function hasBomAt(bytes: Uint8Array, at = 0): boolean {
  return bytes.length >= at + 3 && bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/** True for space, tab, CR, LF. */
export function isJsonSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** True when bytes[start, end) hold only whitespace. */
export function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isJsonSpace(bytes[i])) return false;
  return true;
}

/** True when the bytes look binary (control bytes other than tab/CR/LF/ESC-free text). */
export function looksBinary(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) return true;
  }
  return false;
}

/** Counts LF bytes in bytes[start, end). */
export function countNewlines(bytes: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10, start); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** Parses bytes[start, end) as a JSON object, or returns the (fixed) reason it is not one. */
export function parseJsonObject(bytes: Buffer, start: number, end: number): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', start, end));
  } catch {
    return looksBinary(bytes, start, end) ? 'binary data' : 'invalid JSON';
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'JSON value is not an object';
  return value as Record<string, unknown>;
}

/** Bytes of an unfinished line or record, gathered across chunks without quadratic copying. */
export class ByteCarry {
  private pieces: Buffer[] = [];
  private size = 0;

  /** Number of bytes held. */
  get length(): number {
    return this.size;
  }

  /** Keeps a copy of bytes[start, end) (the caller may reuse its chunk). */
  add(bytes: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.pieces.push(Buffer.from(bytes.subarray(start, end)));
    this.size += end - start;
  }

  /** Everything held, followed by bytes[start, end), as one contiguous buffer; the carry is emptied. */
  take(bytes?: Buffer, start = 0, end = 0): Buffer {
    if (bytes !== undefined && end > start) this.pieces.push(bytes.subarray(start, end));
    const whole = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces);
    this.pieces = [];
    this.size = 0;
    return whole;
  }
}
