/**
 * Streaming reader for JSON arrays and QueryRequestLogs responses (compact or pretty, several back to back).
 * A small state machine tracks nesting outside records; each record object is found by depth and parsed alone.
 */
import { ByteCarry, asBuffer, isJsonSpace, parseJsonObject } from './bytes';
import { scanObject, type ObjectScanState } from './jsonScan';
import type { ReaderStats, RecordReader, RecordReaderOptions } from './types';

const OBJ = 0;
const ARR = 1;
/** An array whose object elements are records. */
const REC_ARR = 2;

/** Keys whose array value holds records (QueryRequestLogs: RequestLogs.RequestLog; also a bare RequestLogs array). */
const RECORD_KEYS = new Set(['requestlog', 'requestlogs']);

/** Reason for a record cut off by the end of the input. */
export const TORN_RECORD = 'input ended inside a record';

/** True for the bytes of a UTF-8 BOM at the very start of the stream (which may arrive split across chunks). */
function isBomByte(b: number, at: number): boolean {
  return (at === 0 && b === 0xef) || (at === 1 && b === 0xbb) || (at === 2 && b === 0xbf);
}

interface Span {
  offset: number;
  line: number;
}

/** Reads records out of JSON arrays (`jsonArray`) or QueryRequestLogs responses (`queryResponse`). */
export class StructReader implements RecordReader {
  readonly stats: ReaderStats = { records: 0, problems: 0, blankLines: 0, bytes: 0 };
  readonly columns = undefined;
  private readonly stack: number[] = [];
  private offset: number;
  private line: number;
  private inString = false;
  private escaped = false;
  private expectKey = false;
  private key: number[] | undefined;
  private lastKey = '';
  private record: (Span & { scan: ObjectScanState }) | undefined;
  private readonly carry = new ByteCarry();
  private junk: (Span & { last: number }) | undefined;
  private topLevel: (Span & { records: number }) | undefined;

  constructor(private readonly mode: 'jsonArray' | 'queryResponse', private readonly options: RecordReaderOptions) {
    this.offset = options.startOffset ?? 0;
    this.line = options.startLine ?? 1;
  }

  /** Feeds the next chunk. */
  push(chunk: Uint8Array): void {
    const buf = asBuffer(chunk);
    this.stats.bytes += buf.length;
    const base = this.offset;
    let i = 0;
    while (i < buf.length) {
      if (this.record === undefined) {
        this.step(buf, i, base);
        i++;
        if (this.record === undefined) continue;
      }
      // A record that has just opened may end with this chunk: continueRecord then carries its bytes.
      i = this.continueRecord(buf, i, base);
      if (i < 0) break;
    }
    this.offset = base + buf.length;
  }

  /** Reports a record or junk cut off by the end of input. */
  end(): void {
    const top = this.topLevel;
    if (this.record !== undefined) {
      this.carry.take();
      this.problem(this.record, this.offset - this.record.offset, TORN_RECORD);
      this.record = undefined;
    } else if (top !== undefined && this.stats.records === top.records) {
      // An unclosed value that held no record (a broken quote or key swallowed the rest): say so, never nothing.
      this.problem(top, this.offset - top.offset, 'input ended inside a JSON value without records');
    }
    this.topLevel = undefined;
    this.endJunk();
  }

  private continueRecord(buf: Buffer, from: number, base: number): number {
    const rec = this.record!;
    const linesBefore = rec.scan.newlines;
    const end = scanObject(buf, from, rec.scan);
    this.line += rec.scan.newlines - linesBefore;
    if (end < 0) {
      this.carry.add(buf, Math.max(0, rec.offset - base), buf.length);
      return -1;
    }
    const startInChunk = rec.offset - base;
    const bytes = startInChunk >= 0 ? buf.subarray(startInChunk, end) : this.carry.take(buf, 0, end);
    this.record = undefined;
    this.emitRecord(rec, bytes);
    return end;
  }

  private emitRecord(at: Span, bytes: Buffer): void {
    const parsed = parseJsonObject(bytes, 0, bytes.length);
    if (typeof parsed === 'string') {
      this.problem(at, bytes.length, parsed === 'invalid JSON' ? 'invalid JSON record' : parsed);
      return;
    }
    this.stats.records++;
    this.options.onRecord({ line: at.line, offset: at.offset, length: bytes.length, fields: parsed });
  }

  private problem(at: Span, length: number, reason: string): void {
    this.stats.problems++;
    this.options.onProblem?.({ line: at.line, offset: at.offset, length, reason });
  }

  /** One byte outside any record. */
  private step(buf: Buffer, i: number, base: number): void {
    const b = buf[i];
    if (this.inString) {
      this.stringByte(b);
    } else if (this.junk !== undefined) {
      this.junkByte(b, base + i);
    } else if (!isJsonSpace(b) && !isBomByte(b, base + i)) {
      this.structuralByte(b, base + i);
    }
    if (b === 0x0a) this.line++;
  }

  private stringByte(b: number): void {
    if (this.escaped) {
      this.escaped = false;
      this.key?.push(b);
    } else if (b === 0x5c) {
      this.escaped = true;
    } else if (b === 0x22) {
      this.inString = false;
      if (this.key !== undefined) this.lastKey = Buffer.from(this.key).toString('utf8').toLowerCase();
      this.key = undefined;
    } else if (this.key !== undefined && this.key.length < 64) {
      this.key.push(b);
    }
  }

  private structuralByte(b: number, at: number): void {
    const depth = this.stack.length;
    const top = depth > 0 ? this.stack[depth - 1] : -1;
    if (b === 0x7b && (top === REC_ARR || (depth === 0 && this.mode === 'jsonArray'))) {
      this.record = { offset: at, line: this.line, scan: { depth: 1, inString: false, escapeNext: false, newlines: 0 } };
    } else if (b === 0x7b || b === 0x5b) {
      this.open(b, at, top);
    } else if ((b === 0x7d || b === 0x5d) && depth > 0) {
      this.close(at);
    } else if (depth === 0 || (top === REC_ARR && b !== 0x2c)) {
      this.junk = { offset: at, line: this.line, last: at };
    } else if (b === 0x22) {
      this.inString = true;
      this.key = top === OBJ && this.expectKey ? [] : undefined;
      this.expectKey = false;
    } else if (b === 0x2c || b === 0x3a) {
      this.expectKey = b === 0x2c && top === OBJ;
    }
  }

  private open(b: number, at: number, top: number): void {
    const depth = this.stack.length;
    if (depth === 0) this.topLevel = { offset: at, line: this.line, records: this.stats.records };
    if (b === 0x7b) {
      this.stack.push(OBJ);
      this.expectKey = true;
      return;
    }
    // Arrays nested in a record array (pages of pages) hold records too.
    const isRecordArray = (depth === 0 && this.mode === 'jsonArray') || top === REC_ARR || (top === OBJ && RECORD_KEYS.has(this.lastKey));
    this.stack.push(isRecordArray ? REC_ARR : ARR);
  }

  private close(at: number): void {
    this.stack.pop();
    this.expectKey = false;
    const top = this.topLevel;
    if (this.stack.length > 0 || top === undefined) return;
    this.topLevel = undefined;
    if (this.stats.records === top.records) this.problem(top, at + 1 - top.offset, 'JSON value without records');
  }

  /** Junk runs until a line end or something that can start a value. */
  private junkByte(b: number, at: number): void {
    if (b === 0x0a || b === 0x7b || b === 0x5b || (this.stack.length > 0 && (b === 0x2c || b === 0x5d))) {
      this.endJunk();
      if (b !== 0x0a) this.structuralByte(b, at);
    } else if (!isJsonSpace(b)) {
      this.junk!.last = at;
    }
  }

  private endJunk(): void {
    const junk = this.junk;
    if (junk === undefined) return;
    this.junk = undefined;
    this.problem(junk, junk.last + 1 - junk.offset, 'unexpected text between records');
  }
}
