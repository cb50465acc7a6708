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

/** Where a record came from in its (decompressed) source: 1-based line, byte offset and byte length. */
export interface RecordLocation {
  line: number;
  offset: number;
  length: number;
}

/** Numeric columns kept as Int32 (everything but epoch-ms times, which need Float64). */
const INT_COLUMNS = new Set<NumericColumn>(['status', 'requestSize', 'responseSize', 'serviceLatency', 'totalLatency']);

type NumericStore = Float64Column | Int32Column;

/** The index: read side used by query, stats and views; write side used by the builders. */
export class LogIndex {
  /** Number of rows (records). */
  count = 0;
  private readonly numeric = new Map<NumericColumn, NumericStore>();
  private readonly dicts = new Map<DictColumn, DictColumnStore>();
  private readonly ids = new Map<IdColumn, IdColumnStore>();
  private readonly lines = new Uint32Column();
  private readonly offsets = new Float64Column();
  private readonly lengths = new Uint32Column();
  /** Field names seen that are not in the catalog (kept in the source, listed here). */
  readonly extraFields = new Set<string>();

  constructor() {
    for (const c of NUMERIC_COLUMNS) this.numeric.set(c, INT_COLUMNS.has(c) ? new Int32Column() : new Float64Column());
    for (const c of DICT_COLUMNS) this.dicts.set(c, new DictColumnStore());
    for (const c of ID_COLUMNS) this.ids.set(c, new IdColumnStore());
  }

  /** The number in `col` at `row`, NaN when missing. */
  num(col: NumericColumn, row: number): number {
    return this.numeric.get(col)!.get(row);
  }

  /** The raw typed array behind a numeric column (Int32 columns use MISSING_INT for missing). */
  numericData(col: NumericColumn): Float64Array | Int32Array {
    return this.numeric.get(col)!.data;
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
    const row = this.count;
    this.lines.set(row, loc.line);
    this.offsets.set(row, loc.offset);
    this.lengths.set(row, loc.length);
    return row;
  }

  /** Sets a numeric cell of the row being built. */
  setNum(col: NumericColumn, row: number, value: number): void {
    this.numeric.get(col)!.set(row, value);
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
    this.deriveTime(row);
    this.count = row + 1;
  }

  /** Releases spare capacity once building ends (the index stays appendable). */
  trim(): void {
    for (const c of this.numeric.values()) c.trim(this.count);
    for (const c of this.dicts.values()) c.trim(this.count);
    for (const c of this.ids.values()) c.trim(this.count);
    this.lines.trim(this.count);
    this.offsets.trim(this.count);
    this.lengths.trim(this.count);
  }

  /** Approximate bytes held by the index's arrays (not counting dictionary strings). */
  byteSize(): number {
    let n = this.lines.data.byteLength + this.offsets.data.byteLength + this.lengths.data.byteLength;
    for (const c of this.numeric.values()) n += c.data.byteLength;
    for (const c of this.dicts.values()) n += c.codes.byteLength;
    return n + this.count * 17 * this.ids.size;
  }

  /** `time` falls back to the first timing stamp when the record had no request time. */
  private deriveTime(row: number): void {
    const time = this.numeric.get('time')!;
    if (!Number.isNaN(time.get(row))) return;
    for (const stamp of TIMING_FIELDS) {
      const v = this.numeric.get(stamp)!.get(row);
      if (!Number.isNaN(v)) {
        time.set(row, v);
        return;
      }
    }
  }
}
