/** Shared shapes of the formats layer: what was detected, what a reader emits. */

/** The file shapes the readers understand. `unknown` when none fits. */
export type FormatKind = 'jsonl' | 'jsonArray' | 'queryResponse' | 'csv' | 'unknown';

/** The line terminator a file uses (the first one found). */
export type LineEnding = 'lf' | 'crlf';

/** What `detectFormat` learned from the first bytes of a stream. */
export interface DetectedFormat {
  /** `jsonArray` also covers pretty-printed objects written back to back (records are top-level objects). */
  readonly kind: FormatKind;
  /** CSV cell delimiter: `,`, `\t`, `|`, `;` or a space. */
  readonly delimiter?: string;
  /** CSV header row, when the head held it whole. */
  readonly columns?: readonly string[];
  readonly hasBom: boolean;
  /** Gzip magic bytes: the caller gunzips (see gzip.ts) and detects again. */
  readonly isGzip: boolean;
  readonly lineEnding: LineEnding;
}

/** One record: where its bytes are in the (decompressed) stream and its parsed fields. */
export interface LogRecord {
  /** 1-based line of the record's first byte. */
  readonly line: number;
  /** Byte offset (UTF-8) of the record's first byte in the stream. */
  readonly offset: number;
  /** Length in bytes, line terminator excluded. */
  readonly length: number;
  /** Field name (as written in the file) → value; CSV values are strings. */
  readonly fields: Record<string, unknown>;
}

/** Bytes that are not a record: counted and reported, never fatal. */
export interface RecordProblem {
  readonly line: number;
  readonly offset: number;
  readonly length: number;
  /** A fixed phrase; never echoes the (untrusted) content. */
  readonly reason: string;
}

/** Running totals of a reader. */
export interface ReaderStats {
  records: number;
  problems: number;
  blankLines: number;
  /** Bytes pushed so far. */
  bytes: number;
}

/** Where the reader sends what it finds, and where in the stream the first pushed byte sits. */
export interface RecordReaderOptions {
  readonly onRecord: (record: LogRecord) => void;
  readonly onProblem?: (problem: RecordProblem) => void;
  /** CSV column names when the stream does not start with the header (e.g. resuming a growing file). */
  readonly columns?: readonly string[];
  /** Byte offset of the first pushed byte (default 0); must be the start of a line or record. */
  readonly startOffset?: number;
  /** Line number of the first pushed byte (default 1). */
  readonly startLine?: number;
}

/** A push-style streaming reader: feed chunks, then `end()`. Chunks may be reused by the caller after `push` returns. */
export interface RecordReader {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly stats: Readonly<ReaderStats>;
  /** CSV column names once the header has been read. */
  readonly columns: readonly string[] | undefined;
}
