/**
 * Values read straight from UTF-8 bytes, agreeing exactly with the string functions the fallback
 * uses (`Number`, `Date.parse`): each fast reader answers only the plain shapes it is sure of and
 * returns NaN otherwise, so the caller can fall back to the string function.
 */

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written as `-?digits(.digits)?` (at most 15 digits) in `b[start, end)`, or NaN when the
 * text has any other shape (then use `Number` on the string). Division of two exact doubles is
 * correctly rounded, so the result equals `Number(text)`.
 */
export function parseSimpleDecimal(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = b[i] === 45;
  if (negative) i++;
  let value = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0 && digits > 0) {
      fraction = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  if (fraction > 0) value /= POW10[fraction];
  return negative ? -value : value;
}

/** True when `b[start, end)` is a number token in JSON's grammar. */
export function isJsonNumber(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (b[i] === 45) i++;
  if (i >= end) return false;
  if (b[i] === 48) i++;
  else if (b[i] >= 49 && b[i] <= 57) while (i < end && b[i] >= 48 && b[i] <= 57) i++;
  else return false;
  if (i < end && b[i] === 46) {
    const at = ++i;
    while (i < end && b[i] >= 48 && b[i] <= 57) i++;
    if (i === at) return false;
  }
  if (i < end && (b[i] === 101 || b[i] === 69)) {
    i++;
    if (i < end && (b[i] === 43 || b[i] === 45)) i++;
    const at = i;
    while (i < end && b[i] >= 48 && b[i] <= 57) i++;
    if (i === at) return false;
  }
  return i === end;
}

/** True when the number token `b[start, end)` is spelled exactly as `String(Number(token))` would. */
export function isCanonicalInteger(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (b[i] === 45) {
    i++;
    if (b[i] === 48) return false;
  }
  const digits = end - i;
  if (digits < 1 || digits > 15 || (b[i] === 48 && digits > 1)) return false;
  for (; i < end; i++) if (b[i] < 48 || b[i] > 57) return false;
  return true;
}

function twoDigits(b: Uint8Array, at: number): number {
  const hi = b[at] - 48;
  const lo = b[at + 1] - 48;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/** Converts `YYYY-MM-DDTHH:MM:SSZ` bytes to epoch ms, caching the day; NaN for any other shape. */
export class IsoTimeReader {
  private lastDay = -1;
  private lastDayMs = 0;

  /** Epoch ms of the 20-byte time at `b[start]`, or NaN when it is not the plain shape (use Date.parse). */
  read(b: Uint8Array, start: number, end: number): number {
    if (end - start !== 20 || b[start + 4] !== 45 || b[start + 7] !== 45 || b[start + 10] !== 84) return NaN;
    if (b[start + 13] !== 58 || b[start + 16] !== 58 || b[start + 19] !== 90) return NaN;
    const century = twoDigits(b, start);
    const yy = twoDigits(b, start + 2);
    const month = twoDigits(b, start + 5);
    const day = twoDigits(b, start + 8);
    const h = twoDigits(b, start + 11);
    const m = twoDigits(b, start + 14);
    const s = twoDigits(b, start + 17);
    if (century < 10 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31) return NaN;
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return NaN;
    const key = ((century * 100 + yy) * 100 + month) * 100 + day;
    if (key !== this.lastDay) {
      this.lastDay = key;
      this.lastDayMs = Date.UTC(century * 100 + yy, month - 1, day);
    }
    return this.lastDayMs + h * 3600000 + m * 60000 + s * 1000;
  }
}
