/** Walks forward through the unescaped quote positions of a window of bytes, scanning more as needed. */
import { QUOTE_CAPACITY, type ScanMemory } from './quoteScan';

/** The quote positions of one window of complete lines, consumed in increasing order. */
export class QuoteCursor {
  private quotes: Int32Array;
  private next = 0;
  private count = 0;
  private scanPos = 0;
  private scanEnd = 0;

  constructor(private readonly mem: ScanMemory) {
    this.quotes = mem.quotes;
  }

  /** Starts a new window `[start, end)` (which must begin at a line start). */
  reset(start: number, end: number): void {
    this.quotes = this.mem.quotes;
    this.next = 0;
    this.count = 0;
    this.scanPos = start;
    this.scanEnd = end;
  }

  /** The first unescaped quote at or after `pos`, or -1 when the window has none. */
  closing(pos: number): number {
    for (;;) {
      const q = this.quotes;
      const count = this.count;
      let next = this.next;
      while (next < count && q[next] < pos) next++;
      this.next = next;
      if (next < count) return q[next];
      if (this.scanPos >= this.scanEnd) return -1;
      this.refill(pos);
    }
  }

  private refill(pos: number): void {
    const from = Math.max(this.scanPos, pos);
    const n = this.mem.scan(from, this.scanEnd, QUOTE_CAPACITY);
    this.next = 0;
    this.count = n;
    this.scanPos = n === QUOTE_CAPACITY ? this.quotes[n - 1] + 1 : this.scanEnd;
  }
}
