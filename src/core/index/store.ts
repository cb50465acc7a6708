/**
 * The columnar index of one access log: one row per record, numbers in typed arrays, repeated strings
 * dictionary-encoded, request IDs packed, and each row's line and byte range in the source so free
 * text (bodies, headers, messages) is read back lazily from the file.
 */
import {
  DICT_COLUMNS, ID_COLUMNS, NUMERIC_COLUMNS, TIMING_FIELDS,
  type DictColumn, type IdColumn, type NumericColumn,
} from '../fields/ids';
import { DictColumnStore, Float64Column, Int32Column, Uint32Column } from './columns';
import { IdColumnStore } from './idColumn';
import { TimingColumn } from './timingColumn';

/** Where a record came from in its (decompressed) source: 1-based line, byte offset and byte length. */
export interface RecordLocation {
  line: number;
  offset: number;
  length: number;
}

/** A timing stamp column name. */
export type TimingField = (typeof TIMING_FIELDS)[number];

/** Numeric columns kept as Int32 (times need Float64; timing stamps have their own store). */
const INT_COLUMNS = new Set<NumericColumn>(['status', 'requestSize', 'responseSize', 'serviceLatency', 'totalLatency']);
/** Rows marked missing ahead of writing, at a time. */
const FILL_BLOCK = 1 << 16;
const TIMING_SLOT = new Map<NumericColumn, number>(TIMING_FIELDS.map((f, i) => [f, i]));

/** The index: read side used by query, stats and views; write side used by the builders. */
export class LogIndex {
  /** Number of rows (records). */
  count = 0;
  /** @internal Columns, exposed to the index's own helpers (transfer, merge). */
  readonly numeric = new Map<NumericColumn, Float64Column | Int32Column>();
  /** @internal */ readonly timings: TimingColumn[] = TIMING_FIELDS.map(() => new TimingColumn());
  /** @internal */ readonly dicts = new Map<DictColumn, DictColumnStore>();
  /** @internal */ readonly ids = new Map<IdColumn, IdColumnStore>();
  /** @internal */ readonly lines = new Uint32Column();
  /** @internal */ readonly offsets = new Float64Column();
  /** @internal */ readonly lengths = new Uint32Column();
  /** Field names seen that are not in the catalog (kept in the source, listed here). */
  readonly extraFields = new Set<string>();
  private readonly pendingStamps = new Float64Array(TIMING_FIELDS.length).fill(NaN);
  /** Rows [0, filledRows) of the numeric columns hold values or missing markers; beyond is zeroed capacity. */
  private filledRows = 0;
  private readonly timeColumn: Float64Column;
  private materialized: { count: number; data: Map<number, Float64Array> } = { count: -1, data: new Map() };

  constructor() {
    for (const c of NUMERIC_COLUMNS) {
      if (TIMING_SLOT.has(c)) continue;
      this.numeric.set(c, INT_COLUMNS.has(c) ? new Int32Column() : new Float64Column());
    }
    for (const c of DICT_COLUMNS) this.dicts.set(c, new DictColumnStore());
    for (const c of ID_COLUMNS) this.ids.set(c, new IdColumnStore());
    for (const t of this.timings) t.timeSource = () => this.timeData();
    this.timeColumn = this.numeric.get('time') as Float64Column;
  }

  /** The number in `col` at `row`, NaN when missing. */
  num(col: NumericColumn, row: number): number {
    const slot = TIMING_SLOT.get(col);
    if (slot !== undefined) return this.timings[slot].get(row, this.timeData()[row]);
    return this.numeric.get(col)!.get(row);
  }

  /**
   * The typed array behind a numeric column, at least `count` long (Int32 columns use MISSING_INT for
   * missing, Float64 columns NaN). Timing stamps are materialized as Float64 on demand (cached until
   * the index grows).
   */
  numericData(col: NumericColumn): Float64Array | Int32Array {
    const slot = TIMING_SLOT.get(col);
    if (slot === undefined) return this.numeric.get(col)!.data;
    if (this.materialized.count !== this.count) this.materialized = { count: this.count, data: new Map() };
    let data = this.materialized.data.get(slot);
    if (data === undefined) {
      data = this.timings[slot].materialize(this.count, this.timeData());
      this.materialized.data.set(slot, data);
    }
    return data;
  }

  /** A dictionary column: per-row codes (0 = missing) and the dictionary. */
  dict(col: DictColumn): DictColumnStore {
    return this.dicts.get(col)!;
  }

  /** The string in dictionary column `col` at `row` ('' when missing). */
  str(col: DictColumn, row: number): string {
    return this.dicts.get(col)!.get(row);
  }

  /** The identifier in `col` at `row` ('' when missing). */
  id(col: IdColumn, row: number): string {
    return this.ids.get(col)!.get(row);
  }

  /** Rows whose request ID (or initial request ID) equals `id`. */
  findId(id: string, col: IdColumn = 'requestId'): number[] {
    return this.ids.get(col)!.find(id, this.count);
  }

  /** Where row `row` came from in the source. */
  location(row: number): RecordLocation {
    return { line: this.lines.get(row), offset: this.offsets.get(row), length: this.lengths.get(row) };
  }

  /** Byte offset of row `row` in the source. */
  offsetOf(row: number): number {
    return this.offsets.get(row);
  }

  /** 1-based line of row `row` in the source. */
  lineOf(row: number): number {
    return this.lines.get(row);
  }

  // ---- write side ----

  /** Starts row `this.count` at `loc`; returns the row number. Call setters, then `commitRow`. */
  beginRow(loc: RecordLocation): number {
    return this.beginRowAt(loc.line, loc.offset, loc.length);
  }

  /** `beginRow` without a location object (the scanner's hot path). */
  beginRowAt(line: number, offset: number, length: number): number {
    const row = this.count;
    if (row >= this.filledRows) this.fillAhead(row + FILL_BLOCK, row);
    this.lines.set(row, line);
    this.offsets.set(row, offset);
    this.lengths.set(row, length);
    const stamps = this.pendingStamps;
    for (let k = 0; k < stamps.length; k++) stamps[k] = NaN;
    return row;
  }

  /** Sets a numeric cell of the row being built. */
  setNum(col: NumericColumn, row: number, value: number): void {
    const slot = TIMING_SLOT.get(col);
    if (slot !== undefined) this.pendingStamps[slot] = value;
    else this.numeric.get(col)!.set(row, value);
  }

  /** Sets timing stamp `slot` (index into TIMING_FIELDS) of the row being built. */
  setStamp(slot: number, value: number): void {
    this.pendingStamps[slot] = value;
  }

  /** Sets a dictionary cell of the row being built. */
  setStr(col: DictColumn, row: number, value: string): void {
    this.dicts.get(col)!.set(row, value);
  }

  /** Sets an identifier cell of the row being built. */
  setId(col: IdColumn, row: number, value: string): void {
    this.ids.get(col)!.set(row, value);
  }

  /** Finishes the row begun by `beginRow`, filling derived columns. */
  commitRow(row: number): void {
    const time = this.deriveTime(row);
    for (let k = 0; k < this.timings.length; k++) this.timings[k].set(row, this.pendingStamps[k], time, row);
    this.count = row + 1;
  }

  /** Room for exactly `capacity` rows in every column (avoids growth slack when the size is known). */
  reserve(capacity: number): void {
    for (const c of this.numeric.values()) c.reserve(capacity);
    for (const c of this.timings) c.reserve(capacity);
    for (const c of this.dicts.values()) c.reserve(capacity);
    for (const c of this.ids.values()) c.reserve(capacity);
    this.lines.reserve(capacity);
    this.offsets.reserve(capacity);
    this.lengths.reserve(capacity);
  }

  /** Releases spare capacity once building ends (the index stays appendable). */
  trim(): void {
    for (const c of this.numeric.values()) c.trim(this.count);
    for (const c of this.timings) c.trim(this.count);
    for (const c of this.dicts.values()) c.trim(this.count);
    for (const c of this.ids.values()) c.trim(this.count);
    this.lines.trim(this.count);
    this.offsets.trim(this.count);
    this.lengths.trim(this.count);
  }

  /** Forgets rows from `count` on (used to re-read a torn last line when the file grows). */
  truncate(count: number): void {
    for (let row = count; row < this.count; row++) this.clearRow(row);
    this.count = Math.min(this.count, count);
  }

  /** Empties every cell of `row` (a row begun but abandoned, or forgotten by `truncate`). */
  clearRow(row: number): void {
    for (const c of this.numeric.values()) c.set(row, NaN);
    for (const c of this.timings) c.set(row, NaN, NaN, row);
    for (const c of this.dicts.values()) c.setCode(row, 0);
    for (const c of this.ids.values()) c.set(row, '');
    this.pendingStamps.fill(NaN);
  }

  /** Approximate bytes held by the index (arrays plus dictionary strings). */
  byteSize(): number {
    let n = this.lines.data.byteLength + this.offsets.data.byteLength + this.lengths.data.byteLength;
    for (const c of this.numeric.values()) n += c.data.byteLength;
    for (const c of this.timings) n += c.byteSize();
    for (const c of this.dicts.values()) n += c.byteSize();
    return n + this.count * 17 * this.ids.size;
  }

  /** @internal Marks numeric cells missing up to row `to` (exclusive), growing only as far as row `need`. */
  fillAhead(to: number, need = to - 1): void {
    if (to <= this.filledRows) return;
    let end = to;
    for (const c of this.numeric.values()) end = Math.min(end, c.fillMissing(this.filledRows, need, to));
    this.filledRows = end;
  }

  /** @internal Declares rows [0, to) written by a bulk copy (the merge). */
  markFilled(to: number): void {
    this.filledRows = Math.max(this.filledRows, to);
  }

  /** @internal The request-time column's array. */
  timeData(): Float64Array {
    return this.timeColumn.data;
  }

  /** `time` falls back to the first timing stamp when the record had no request time; returns it. */
  private deriveTime(row: number): number {
    const time = this.timeColumn;
    const t = time.get(row);
    if (!Number.isNaN(t)) return t;
    for (let k = 0; k < this.pendingStamps.length; k++) {
      const v = this.pendingStamps[k];
      if (!Number.isNaN(v)) {
        time.set(row, v);
        return v;
      }
    }
    return NaN;
  }
}
