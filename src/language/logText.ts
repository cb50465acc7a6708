/**
 * One version of an access-log document's text, read lazily: its shape, its records, and the field under
 * an offset. Hovers parse only the record under the cursor; whole-document passes (record spans, CSV
 * record starts) run once per version and are cached here.
 */
import { readCsvRecord, csvRecordStarts, cellIndexAt, recordIndexAt, recordStartAt, type CsvRecord } from './csvLocate';
import { documentRecordSpans, memberAt, objectFields, memberValue, readObject } from './jsonLocate';
import { shapeOfText, type DocShape } from './shape';
import { canonicalFieldId } from '../core/fields/ids';

/** The field under an offset: on its name or its value, with the record it belongs to. */
export interface FieldHit {
  readonly part: 'key' | 'value';
  /** The field name as written in the document (JSON key or CSV header cell). */
  readonly name: string;
  /** The value (strings decoded; numbers and nested JSON as their text). */
  readonly value: string;
  /** Span of the hovered key or value in the text. */
  readonly start: number;
  readonly end: number;
  readonly record: LogRecordView;
}

/** A record of the document: its span and its fields. */
export interface LogRecordView {
  readonly start: number;
  readonly end: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** The requestId of a record (either naming scheme, any case of the key). */
export function requestIdOf(record: LogRecordView): string | undefined {
  for (const [key, value] of Object.entries(record.fields)) if (canonicalFieldId(key) === 'requestId') return value;
  return undefined;
}

function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  return [start, nl < 0 ? text.length : nl];
}

/** A document version's text with lazily computed structure. */
export class LogText {
  private _shape: DocShape | undefined;
  private _spans: Array<[number, number]> | undefined;
  private _csvStarts: number[] | undefined;
  private _header: CsvRecord | undefined;

  constructor(readonly text: string) {}

  /** The document's shape, from its head. */
  get shape(): DocShape {
    this._shape ??= shapeOfText(this.text);
    return this._shape;
  }

  /** The field (name or value) under an offset, or undefined. */
  hitAt(offset: number): FieldHit | undefined {
    if (this.shape.kind === 'csv') return this.csvHitAt(offset);
    const span = this.jsonRecordSpanAt(offset);
    if (!span) return undefined;
    const obj = readObject(this.text, span[0], span[1]);
    const at = memberAt(obj, offset);
    if (!at) return undefined;
    const { member, part } = at;
    const record = { start: obj.start, end: obj.end, fields: objectFields(this.text, obj) };
    const [start, end] = part === 'key' ? [member.keyStart, member.keyEnd] : [member.valueStart, member.valueEnd];
    return { part, name: member.key, value: memberValue(this.text, member), start, end, record };
  }

  /** The record containing an offset, or undefined (between records, on a CSV header). */
  recordAt(offset: number): LogRecordView | undefined {
    if (this.shape.kind === 'csv') {
      const start = recordStartAt(this.csvStarts(), offset);
      return start === undefined ? undefined : this.csvRecordView(readCsvRecord(this.text, start, this.shape.delimiter));
    }
    const span = this.jsonRecordSpanAt(offset);
    if (!span) return undefined;
    const obj = readObject(this.text, span[0], span[1]);
    return { start: obj.start, end: obj.end, fields: objectFields(this.text, obj) };
  }

  /** Every record, in order (a whole-document pass; callers cap the document size). */
  *records(): Generator<LogRecordView> {
    if (this.shape.kind === 'csv') {
      for (const s of this.csvStarts()) yield this.csvRecordView(readCsvRecord(this.text, s, this.shape.delimiter));
      return;
    }
    const spans = this.shape.kind === 'jsonLines' ? this.lineSpans() : this.jsonSpans();
    for (const [s, e] of spans) {
      const obj = readObject(this.text, s, e);
      if (obj.members.length > 0) yield { start: obj.start, end: obj.end, fields: objectFields(this.text, obj) };
    }
  }

  /** The record whose requestId is `requestId` (any case), found by searching the text for the ID. */
  findRequest(requestId: string): LogRecordView | undefined {
    for (const form of new Set([requestId.toUpperCase(), requestId.toLowerCase(), requestId])) {
      let checked = 0;
      for (let at = this.text.indexOf(form); at >= 0 && checked < 50; at = this.text.indexOf(form, at + 1), checked++) {
        const record = this.recordAt(at);
        if (record && requestIdOf(record)?.toUpperCase() === requestId.toUpperCase()) return record;
      }
    }
    return undefined;
  }

  /** CSV records overlapping [start, end) with their cells (empty for JSON documents). */
  csvRecordsIn(start: number, end: number): CsvRecord[] {
    if (this.shape.kind !== 'csv') return [];
    const starts = this.csvStarts();
    const out: CsvRecord[] = [];
    let i = Math.max(0, recordIndexAt(starts, start));
    for (; i < starts.length && starts[i] < end; i++) out.push(readCsvRecord(this.text, starts[i], this.shape.delimiter));
    return out;
  }

  private *lineSpans(): Generator<[number, number]> {
    for (let p = 0; p < this.text.length;) {
      const [s, e] = lineBounds(this.text, p);
      const brace = this.text.indexOf('{', s);
      if (brace >= 0 && brace < e) yield [brace, e];
      p = e + 1;
    }
  }

  private jsonSpans(): Array<[number, number]> {
    this._spans ??= documentRecordSpans(this.text);
    return this._spans;
  }

  private jsonRecordSpanAt(offset: number): [number, number] | undefined {
    if (this.shape.kind === 'jsonLines') {
      const [s, e] = lineBounds(this.text, offset);
      const brace = this.text.indexOf('{', s);
      return brace >= 0 && brace < e ? [brace, e] : undefined;
    }
    const spans = this.jsonSpans();
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][1] <= offset) lo = mid + 1;
      else if (spans[mid][0] > offset) hi = mid - 1;
      else return spans[mid];
    }
    return undefined;
  }

  private csvStarts(): number[] {
    if (this.shape.kind !== 'csv') return [];
    this._csvStarts ??= csvRecordStarts(this.text, this.shape.delimiter);
    return this._csvStarts;
  }

  /** The CSV header record (column names). */
  private header(): CsvRecord {
    const delimiter = this.shape.kind === 'csv' ? this.shape.delimiter : ',';
    this._header ??= readCsvRecord(this.text, 0, delimiter);
    return this._header;
  }

  /** Column names of a CSV document (empty for JSON). */
  columns(): string[] {
    return this.shape.kind === 'csv' ? this.header().cells.map((c) => c.value.trim().replace(/^\uFEFF/, '')) : [];
  }

  private csvRecordView(rec: CsvRecord): LogRecordView {
    const columns = this.columns();
    const fields = Object.create(null) as Record<string, string>;
    rec.cells.forEach((c, i) => {
      const name = columns[i] || `column ${i + 1}`;
      if (!Object.hasOwn(fields, name)) fields[name] = c.value;
    });
    return { start: rec.start, end: rec.end, fields };
  }

  private csvHitAt(offset: number): FieldHit | undefined {
    if (this.shape.kind !== 'csv') return undefined;
    const header = this.header();
    const onHeader = offset < header.next;
    const rec = onHeader ? header : readCsvRecord(this.text, recordStartAt(this.csvStarts(), offset) ?? header.next, this.shape.delimiter);
    const i = cellIndexAt(rec, offset);
    if (i < 0) return undefined;
    const cell = rec.cells[i];
    const name = this.columns()[i] || `column ${i + 1}`;
    const record = onHeader ? { start: rec.start, end: rec.end, fields: {} } : this.csvRecordView(rec);
    return { part: onHeader ? 'key' : 'value', name, value: onHeader ? '' : cell.value, start: cell.start, end: cell.end, record };
  }
}
