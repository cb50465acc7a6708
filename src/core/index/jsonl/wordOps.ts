/**
 * Byte-range primitives for the scanner's hot path, four bytes at a time through a DataView: equality,
 * and a hash that also reports whether the bytes are plain JSON string content (no backslash, no
 * control character), both agreeing with `hashBytes` for the dictionary tables.
 */
import { HASH_SEED } from '../byteInterner';

const FNV_PRIME = 16777619;

/** Returned by `hashPlain` for bytes holding a backslash or a control character. */
export const NOT_PLAIN = 0x7fffffff;

/** True when a 32-bit word holds a byte below 0x20 or a backslash (0x5C). */
function hasSpecialByte(w: number): boolean {
  const x = w ^ 0x5c5c5c5c;
  return (((w - 0x20202020) & ~w) | ((x - 0x01010101) & ~x)) & 0x80808080 ? true : false;
}

/**
 * `wordHash` of `[s, e)`, or NOT_PLAIN when the bytes hold a backslash or a control character.
 * A hash that happens to equal NOT_PLAIN is nudged, consistently with `wordHash`.
 */
export function hashPlain(view: DataView, s: number, e: number): number {
  let h = HASH_SEED;
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const w = view.getInt32(i, true);
    if (hasSpecialByte(w)) return NOT_PLAIN;
    h = Math.imul(h ^ w, FNV_PRIME);
  }
  for (; i < e; i++) {
    const c = view.getUint8(i);
    if (c < 32 || c === 92) return NOT_PLAIN;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h === NOT_PLAIN ? NOT_PLAIN - 1 : h;
}

/** True when a 32-bit word holds a byte below 0x20, a quote (0x22) or a backslash (0x5C). */
function hasSpecialOrQuote(w: number): boolean {
  const q = w ^ 0x22222222;
  return hasSpecialByte(w) || ((q - 0x01010101) & ~q & 0x80808080) !== 0;
}

/**
 * Reads a string value from just after its opening quote up to its closing quote, four bytes at a
 * time, leaving the closing quote's position in `end` (-1 when a method declines).
 */
export class StringScan {
  end = -1;

  /**
   * `hashPlain` of the content up to the closing quote, or NOT_PLAIN when a backslash or control
   * character comes first, or no quote comes before `limit`.
   */
  plainHash(view: DataView, s: number, limit: number): number {
    let h = HASH_SEED;
    let i = s;
    for (; i + 4 <= limit; i += 4) {
      const w = view.getInt32(i, true);
      if (hasSpecialOrQuote(w)) break;
      h = Math.imul(h ^ w, FNV_PRIME);
    }
    this.end = -1;
    for (; i < limit; i++) {
      const c = view.getUint8(i);
      if (c === 34) {
        this.end = i;
        return h === NOT_PLAIN ? NOT_PLAIN - 1 : h;
      }
      if (c < 32 || c === 92) break;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    return NOT_PLAIN;
  }

  /** The integer when the content is 1–15 plain digits followed by the closing quote (before `limit`), else -1. */
  digits(view: DataView, s: number, limit: number): number {
    let value = 0;
    let i = s;
    for (; i + 4 <= limit; i += 4) {
      const four = fourDigits(view.getInt32(i, true));
      if (four < 0) break;
      value = value * 10000 + four;
    }
    for (; i < limit; i++) {
      const d = view.getUint8(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    const n = i - s;
    this.end = i < limit && n >= 1 && n <= 15 && view.getUint8(i) === 34 ? i : -1;
    return this.end < 0 ? -1 : value;
  }
}

/**
 * Bytes to compare quickly: little-endian 32-bit words, then (when the length is not a multiple of
 * four) the last four bytes as one more word overlapping the previous one; patterns under four bytes
 * are compared byte by byte.
 */
export class BytePattern {
  readonly words: Int32Array;
  readonly tail: Uint8Array;
  readonly length: number;
  /** Offset of the overlapping last word, -1 when there is none. */
  private readonly lastAt: number;
  private readonly lastWord: number;

  constructor(bytes: Uint8Array) {
    this.length = bytes.length;
    const whole = bytes.length >> 2;
    this.words = new Int32Array(whole);
    for (let w = 0; w < whole; w++) this.words[w] = wordAt(bytes, w * 4);
    this.lastAt = whole > 0 && bytes.length % 4 !== 0 ? bytes.length - 4 : -1;
    this.lastWord = this.lastAt >= 0 ? wordAt(bytes, this.lastAt) : 0;
    this.tail = whole > 0 ? new Uint8Array(0) : bytes.slice(0);
  }

  /** True when the bytes at `s` (not past `end`) equal the pattern. */
  matches(view: DataView, s: number, end: number): boolean {
    if (s + this.length > end) return false;
    const words = this.words;
    for (let w = 0; w < words.length; w++) if (view.getInt32(s + w * 4, true) !== words[w]) return false;
    if (this.lastAt >= 0) return view.getInt32(s + this.lastAt, true) === this.lastWord;
    const tail = this.tail;
    for (let i = 0; i < tail.length; i++) if (view.getUint8(s + i) !== tail[i]) return false;
    return true;
  }
}

function wordAt(bytes: Uint8Array, i: number): number {
  return bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
}

/** The value of 4 ASCII digits read as a little-endian word, or -1 when any byte is not a digit. */
function fourDigits(w: number): number {
  const v = w - 0x30303030;
  if (((w & 0xf0f0f0f0) | ((v + 0x76767676) & 0x80808080)) !== 0x30303030) return -1;
  const pairs = (Math.imul(v, 10) + (v >>> 8)) & 0x00ff00ff;
  return (Math.imul(pairs, 100) + (pairs >>> 16)) & 0xffff;
}

/** The integer written as 1–15 plain digits at `[s, e)`, or -1 for any other shape (callers fall back). */
export function parseDigits(view: DataView, s: number, e: number): number {
  const n = e - s;
  if (n < 1 || n > 15) return -1;
  let value = 0;
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const four = fourDigits(view.getInt32(i, true));
    if (four < 0) return -1;
    value = value * 10000 + four;
  }
  for (; i < e; i++) {
    const d = view.getUint8(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
