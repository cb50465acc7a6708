/**
 * Finds the closing quote of a JSON string from just after its opening quote: short strings with a
 * byte loop, the rest (bodies, headers) with the SIMD quote scan from there, so bytes outside long
 * strings are read once, by the parser, and not scanned ahead of it.
 */
import type { ScanMemory } from './quoteScan';

/** Bytes looked at one by one before handing a string to the SIMD scan. */
const SHORT_STRING = 48;

/** Closing quotes within one window of complete lines. */
export class QuoteCursor {
  private bytes: Uint8Array;
  private view: DataView;

  constructor(private readonly mem: ScanMemory) {
    this.bytes = mem.bytes;
    this.view = mem.view;
  }

  /** Starts a new window (call again after the memory grew). */
  reset(): void {
    this.bytes = this.mem.bytes;
    this.view = this.mem.view;
  }

  /**
   * The first unescaped quote in `[pos, end)`, or -1; `pos` must be just after an opening quote (a
   * backslash escapes the byte after it, which is exact inside a JSON string).
   */
  closing(pos: number, end: number): number {
    const b = this.bytes;
    const view = this.view;
    const stop = Math.min(end, pos + SHORT_STRING);
    let i = pos;
    while (i < stop) {
      // Four bytes at a time while none is a quote or a backslash (the memory is padded past `end`).
      if (i + 4 <= end && !hasQuoteOrBackslash(view.getInt32(i, true))) {
        i += 4;
        continue;
      }
      const c = b[i];
      if (c === 34) return i;
      i += c === 92 ? 2 : 1;
    }
    return i >= end ? -1 : this.far(i, end);
  }

  private far(from: number, end: number): number {
    return this.mem.scan(from, end, 1) === 0 ? -1 : this.mem.quotes[0];
  }
}

/** True when a 32-bit word holds a quote (0x22) or a backslash (0x5C). */
function hasQuoteOrBackslash(w: number): boolean {
  const q = w ^ 0x22222222;
  const s = w ^ 0x5c5c5c5c;
  return (((q - 0x01010101) & ~q) | ((s - 0x01010101) & ~s)) & 0x80808080 ? true : false;
}
