/**
 * The fast path for one JSON-lines record: walks the top-level keys of the object in place, looks
 * each key up by its bytes, and writes indexed values straight into the index (numbers parsed from
 * digits, dictionary values interned from bytes, request IDs packed from hex). Free-text fields are
 * skipped by jumping to their closing quote. Anything unusual (escapes in a key, a duplicate indexed
 * field, invalid structure) makes `parse` return false, and the caller falls back to JSON.parse.
 *
 * Most files repeat one key order, so the parser remembers the previous record's keys by position
 * (with the bytes up to the value, `"key":`) and recognises a repeat by comparing bytes.
 *
 * Known leniency: the contents of skipped string values are not validated (a raw control character
 * or a bad escape inside a body is accepted, where JSON.parse would reject the line).
 */
import type { LogIndex } from '../store';
import { Act, FieldActionTable, SLOT_COUNT, type FieldAction } from './fieldActions';
import { QuoteCursor } from './quoteCursor';
import type { ScanMemory } from './quoteScan';
import { ValueWriter } from './valueWriter';
import { BytePattern, hashPlain, NOT_PLAIN } from './wordOps';

/** True for JSON whitespace. */
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** A key seen at one position of the previous record: its action, and its bytes from the separator to the value. */
class ShapeEntry {
  constructor(readonly action: FieldAction, readonly pattern: BytePattern) {}
}

/** Parses records of one window of lines into the index. */
export class LineParser {
  private bytes: Buffer;
  private view: DataView;
  private readonly cursor: QuoteCursor;
  private readonly keys: FieldActionTable;
  private readonly values: ValueWriter;
  private readonly seen = new Int32Array(SLOT_COUNT);
  private readonly shape: (ShapeEntry | undefined)[] = [];
  private generation = 0;

  constructor(private readonly index: LogIndex, private readonly mem: ScanMemory) {
    this.bytes = mem.bytes;
    this.view = mem.view;
    this.cursor = new QuoteCursor(mem);
    this.keys = new FieldActionTable(index);
    this.values = new ValueWriter(index, this.cursor);
  }

  /** Starts a window of complete lines (call again after the memory grew). */
  beginWindow(): void {
    this.bytes = this.mem.bytes;
    this.view = this.mem.view;
    this.values.setMemory(this.mem.bytes, this.mem.view);
    this.cursor.reset();
  }

  /** Indexes the line `[start, end)` as a record; false when the fast path cannot (nothing written). */
  parse(start: number, end: number, line: number, offset: number): boolean {
    const b = this.bytes;
    let p = start;
    while (p < end && isWs(b[p])) p++;
    if (p >= end || b[p] !== 123) return false;
    const row = this.index.beginRowAt(line, offset, end - start);
    this.values.beginRecord();
    this.generation = (this.generation + 1) | 0;
    p = this.members(p + 1, end, row);
    while (p >= 0 && p < end && isWs(b[p])) p++;
    if (p !== end) {
      this.index.clearRow(row);
      return false;
    }
    this.values.finishRecord(row);
    this.index.commitRow(row);
    return true;
  }

  /**
   * Walks `"key": value` pairs after `{`; returns the position after `}`, or -1. A remembered key is
   * recognised with the bytes before it (`,` or `{` side whitespace) and after it (`":` and spaces),
   * so the usual record costs one comparison per key besides its value.
   */
  private members(p: number, end: number, row: number): number {
    const b = this.bytes;
    const view = this.view;
    for (let k = 0; ; k++) {
      const entry = this.shape[k];
      let action: FieldAction;
      if (entry !== undefined && entry.pattern.matches(view, p, end)) {
        action = entry.action;
        p += entry.pattern.length;
      } else {
        const learned = this.learnKey(p, end, k === 0);
        if (learned === undefined) return k === 0 ? this.emptyObject(p, end) : -1;
        this.shape[k] = learned;
        action = learned.action;
        p += learned.pattern.length;
      }
      if (b[p] !== 34 && isWs(b[p])) while (p < end && isWs(b[p])) p++;
      if (action.act === Act.Skip && b[p] === 34) {
        // A free-text field (body, headers, message): jump to its closing quote.
        const close = this.cursor.closing(p + 1, end);
        if (close < 0 || close >= end) return -1;
        p = close + 1;
      } else {
        if (!this.claim(action)) return -1;
        p = this.values.write(action, p, end, row);
        if (p < 0 || p >= end) return -1;
      }
      let c = b[p];
      if (c !== 44 && isWs(c)) {
        while (p < end && isWs(b[p])) p++;
        c = b[p];
      }
      if (c === 125) return p + 1;
      if (c !== 44) return -1;
    }
  }

  /** `{}` (with whitespace): the position after `}`, else -1. */
  private emptyObject(p: number, end: number): number {
    const b = this.bytes;
    while (p < end && isWs(b[p])) p++;
    return p < end && b[p] === 125 ? p + 1 : -1;
  }

  /**
   * Reads the separator (`,` unless `first`), the key and the colon up to the value, from `start`;
   * the pattern remembered is all those bytes.
   */
  private learnKey(start: number, end: number, first: boolean): ShapeEntry | undefined {
    const b = this.bytes;
    let p = start;
    if (!first) {
      if (b[p] !== 44) return undefined;
      p++;
    }
    while (p < end && isWs(b[p])) p++;
    if (p >= end || b[p] !== 34) return undefined;
    const keyStart = p + 1;
    const close = this.cursor.closing(keyStart, end);
    if (close < 0 || close >= end) return undefined;
    const h = hashPlain(this.view, keyStart, close);
    if (h === NOT_PLAIN) return undefined;
    p = close + 1;
    while (p < end && isWs(b[p])) p++;
    if (p >= end || b[p] !== 58) return undefined;
    p++;
    while (p < end && isWs(b[p])) p++;
    if (p >= end) return undefined;
    return new ShapeEntry(this.keys.lookup(b, keyStart, close, h), new BytePattern(b.subarray(start, p)));
  }

  /** Marks an indexed field as written for this record; false when it was already (a duplicate key). */
  private claim(action: FieldAction): boolean {
    if (action.slot < 0) return true;
    if (this.seen[action.slot] === this.generation) return false;
    this.seen[action.slot] = this.generation;
    return true;
  }
}
