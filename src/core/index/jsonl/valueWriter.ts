/**
 * Writes one value of a JSON-lines record into the index from its bytes. Plain values take the fast
 * road (bytes → dictionary code, digits → number, hex → packed ID); a value with escapes, or one that
 * is not a string, is parsed with JSON.parse and written by `writeCanonical`, as the fallback would.
 */
import { parseIsoTime, parseNumber, writeCanonical } from '../rowWriter';
import type { LogIndex } from '../store';
import { Act, type FieldAction } from './fieldActions';
import { IsoTimeReader, isCanonicalInteger, isJsonNumber, parseSimpleDecimal } from './byteValues';
import type { QuoteCursor } from './quoteCursor';
import { NOT_PLAIN, StringScan, hashPlain, parseDigits } from './wordOps';

const TRUE = [116, 114, 117, 101], FALSE = [102, 97, 108, 115, 101], NULL = [110, 117, 108, 108];

/** Value writing for the line parser. */
export class ValueWriter {
  private bytes!: Buffer;
  private view!: DataView;
  private readonly times = new IsoTimeReader();
  private epoch = NaN;
  private epochSeen = false;
  private readonly extras: string[] = [];
  private readonly scan = new StringScan();

  constructor(private readonly index: LogIndex, private readonly cursor: QuoteCursor) {}

  /** Points the writer at the scan memory (again after it grew). */
  setMemory(bytes: Buffer, view: DataView): void {
    this.bytes = bytes;
    this.view = view;
  }

  /** Resets per-record state. */
  beginRecord(): void {
    this.epochSeen = false;
    this.extras.length = 0;
  }

  /** Applies what waits for the record's end: `__time__` as a fallback time, unknown field names. */
  finishRecord(row: number): void {
    if (this.epochSeen && Number.isNaN(this.index.num('time', row))) this.index.setNum('time', row, this.epoch * 1000);
    for (const name of this.extras) this.index.extraFields.add(name);
  }

  /** Writes the value starting at `p` for `action`; returns the position after it, or -1. */
  write(action: FieldAction, p: number, end: number, row: number): number {
    if (action.act === Act.Extra) this.extras.push(action.name);
    if (this.bytes[p] !== 34) return this.token(action, p, end, row);
    if (action.last !== undefined) return this.dictString(action, p + 1, end, row);
    const known = this.knownShape(action, p, end, row);
    if (known >= 0) return known;
    const close = this.cursor.closing(p + 1, end);
    if (close < 0 || close >= end) return -1;
    if (action.act === Act.Skip || action.act === Act.Extra) return close + 1;
    return this.string(action, p + 1, close, row) ? close + 1 : -1;
  }

  /**
   * The common shapes whose closing quote is found while reading them: plain digits (sizes, latencies,
   * stamps), a plain ISO time, a packed UUID (neither holds a quote or backslash, so its closing quote
   * is at a fixed distance). Returns the position after the value when written, else -1 (nothing written).
   */
  private knownShape(action: FieldAction, p: number, end: number, row: number): number {
    const act = action.act;
    if (act === Act.Num || act === Act.Stamp) {
      const n = this.scan.digits(this.view, p + 1, end);
      if (n < 0) return -1;
      this.scalar(action, n, row);
      return this.scan.end + 1;
    }
    const b = this.bytes;
    if (act === Act.Id) return p + 37 < end && b[p + 37] === 34 && action.idStore!.trySetPacked(row, b, p + 1, p + 37) ? p + 38 : -1;
    if (act === Act.Time && p + 21 < end && b[p + 21] === 34) {
      const t = this.times.read(b, p + 1, p + 21);
      if (Number.isNaN(t)) return -1;
      action.numStore!.set(row, t);
      return p + 22;
    }
    return -1;
  }

  /** A string value without its quotes; false when the line must take the fallback. */
  private string(action: FieldAction, s: number, e: number, row: number): boolean {
    const b = this.bytes;
    const index = this.index;
    if (action.act !== Act.Id) return this.scalarString(action, s, e, row);
    if (action.idStore!.trySetPacked(row, b, s, e)) return true;
    if (!isPlain(b, s, e)) return this.escaped(action, s, e, row);
    index.setId(action.id!, row, b.toString('utf8', s, e));
    return true;
  }

  /** A dictionary value starting at `s` (after its quote); returns the position after its closing quote, or -1. */
  private dictString(action: FieldAction, s: number, end: number, row: number): number {
    const b = this.bytes;
    const cache = action.last!;
    let e: number;
    let code: number;
    if (cache.find(this.view, s, end)) {
      e = s + cache.length;
      code = cache.code;
    } else {
      const h = this.scan.plainHash(this.view, s, end);
      if (h === NOT_PLAIN) return this.escapedString(action, s, end, row);
      e = this.scan.end;
      code = action.dictStore!.internBytes(b, s, e, h);
      cache.remember(this.view, s, e, code);
    }
    action.dictStore!.setCode(row, code);
    if (action.act === Act.Status) action.numStore!.set(row, s === e ? NaN : this.number(s, e));
    return e + 1;
  }

  /** A string with a backslash or control character (or unterminated) from `s`: the position after it, or -1. */
  private escapedString(action: FieldAction, s: number, end: number, row: number): number {
    const e = this.cursor.closing(s, end);
    if (e < 0 || e >= end) return -1;
    return this.escaped(action, s, e, row) ? e + 1 : -1;
  }

  private scalarString(action: FieldAction, s: number, e: number, row: number): boolean {
    const b = this.bytes;
    if (action.act === Act.Time) {
      let t = this.times.read(b, s, e);
      if (Number.isNaN(t)) {
        if (!isPlain(b, s, e)) return this.escaped(action, s, e, row);
        t = parseIsoTime(b.toString('utf8', s, e));
      }
      action.numStore!.set(row, t);
      return true;
    }
    let n = s === e ? NaN : this.decimal(s, e);
    if (Number.isNaN(n) && s !== e) {
      if (!isPlain(b, s, e)) return this.escaped(action, s, e, row);
      n = parseNumber(b.toString('utf8', s, e));
    }
    this.scalar(action, n, row);
    return true;
  }

  private scalar(action: FieldAction, n: number, row: number): void {
    if (action.act === Act.Epoch) {
      this.epoch = n;
      this.epochSeen = true;
    } else if (action.act === Act.Stamp) {
      this.index.setStamp(action.stamp, n);
    } else {
      action.numStore!.set(row, n);
    }
  }

  /** A plain string's number (the fallback's `parseNumber`). */
  private number(s: number, e: number): number {
    const n = this.decimal(s, e);
    return Number.isNaN(n) ? parseNumber(this.bytes.toString('utf8', s, e)) : n;
  }

  /** Plain digits four at a time, else `parseSimpleDecimal` (NaN: use the string functions). */
  private decimal(s: number, e: number): number {
    const n = parseDigits(this.view, s, e);
    return n >= 0 ? n : parseSimpleDecimal(this.bytes, s, e);
  }

  /** A string with escapes (or control characters): JSON.parse of just the value. */
  private escaped(action: FieldAction, s: number, e: number, row: number): boolean {
    const value = parseJson(this.bytes.toString('utf8', s - 1, e + 1));
    if (value === INVALID) return false;
    this.generic(action, value, row);
    return true;
  }

  private generic(action: FieldAction, value: unknown, row: number): void {
    if (action.act === Act.Skip || action.act === Act.Extra) return;
    if (action.act === Act.Epoch) this.scalar(action, parseNumber(value), row);
    else writeCanonical(this.index, row, action.field!, value);
  }

  /** A non-string value: number, literal, object or array. */
  private token(action: FieldAction, p: number, end: number, row: number): number {
    const b = this.bytes;
    const c = b[p];
    if (c === 123 || c === 91) return this.composite(action, p, end, row);
    let e = p;
    while (e < end && b[e] !== 44 && b[e] !== 125 && b[e] !== 32 && b[e] !== 9 && b[e] !== 13 && b[e] !== 93) e++;
    if (c === 45 || (c >= 48 && c <= 57)) return this.numberToken(action, p, e, row) ? e : -1;
    const literal = e - p === 4 && same(b, p, TRUE) ? true : e - p === 5 && same(b, p, FALSE) ? false : e - p === 4 && same(b, p, NULL) ? null : INVALID;
    if (literal === INVALID) return -1;
    this.generic(action, literal, row);
    return e;
  }

  private numberToken(action: FieldAction, p: number, e: number, row: number): boolean {
    const b = this.bytes;
    if (!isJsonNumber(b, p, e)) return false;
    if (action.act === Act.Skip || action.act === Act.Extra) return true;
    let n = parseSimpleDecimal(b, p, e);
    if (Number.isNaN(n)) n = Number(b.toString('latin1', p, e));
    if ((action.act === Act.Dict || action.act === Act.Status) && isCanonicalInteger(b, p, e)) {
      const dict = action.dictStore!;
      dict.setCode(row, dict.internBytes(b, p, e, hashPlain(this.view, p, e)));
      if (action.act === Act.Status) action.numStore!.set(row, n);
      return true;
    }
    this.generic(action, n, row);
    return true;
  }

  private composite(action: FieldAction, p: number, end: number, row: number): number {
    const b = this.bytes;
    let depth = 0;
    for (let i = p; i < end; i++) {
      const c = b[i];
      if (c === 34) {
        i = this.cursor.closing(i + 1, end);
        if (i < 0 || i >= end) return -1;
      } else if (c === 123 || c === 91) {
        depth++;
      } else if ((c === 125 || c === 93) && --depth === 0) {
        const value = parseJson(b.toString('utf8', p, i + 1));
        if (value === INVALID) return -1;
        this.generic(action, value, row);
        return i + 1;
      }
    }
    return -1;
  }
}

const INVALID = Symbol('invalid');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

function same(b: Uint8Array, p: number, word: number[]): boolean {
  for (let k = 0; k < word.length; k++) if (b[p + k] !== word[k]) return false;
  return true;
}

function isPlain(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] === 92 || b[i] < 32) return false;
  return true;
}
