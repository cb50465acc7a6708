/**
 * The typed protocol between a LogEngine (host side) and its engine worker. Every request carries an
 * id and gets exactly one reply; the worker also sends progress and the end of the build.
 */
import type { DictColumn, NumericColumn } from '../fields/ids';
import type { FormatKind } from '../formats/types';
import type { QueryError } from '../query/ast';
import type { Facet } from '../stats/facets';
import type { GroupSort } from '../stats/groupRows';
import type { LogStats } from '../stats/types';

/** One line of the source that is not a record. Line numbers are 1-based, offsets in bytes. */
export interface Problem {
  line: number;
  offset: number;
  length: number;
  reason: string;
}

/** Where building stands. */
export interface IndexProgress {
  phase: 'decompressing' | 'indexing' | 'merging' | 'done';
  /** Source bytes handled so far (compressed bytes while decompressing) and in total. */
  bytesRead: number;
  bytesTotal: number;
  records: number;
  problems: number;
}

/** What the finished (or partial) index holds. */
export interface IndexSummary {
  records: number;
  problems: number;
  /** The first 100 problems. */
  firstProblems: Problem[];
  format: FormatKind;
  gzip: boolean;
  /** Bytes of the (decompressed) source indexed. */
  bytes: number;
  /** Earliest and latest request time (epoch ms), when any record has one. */
  timeRange: [number, number] | undefined;
  /** Field names seen that are not in the catalog. */
  extraFields: string[];
  /** Wall time of the build in ms, and the index's approximate size in bytes. */
  buildMs: number;
  /** Where the build's time went: when the engine worker's own range and the index workers' were done (ms from start), and merge time. */
  timings: { ownRangeMs: number; otherRangesMs: number; mergeMs: number };
  indexBytes: number;
  /** Records indexed by the JSON-lines fast path (the rest by JSON.parse or the format readers). */
  fastRecords: number;
}

/** A row as the tree, hovers and the explorer's table show it (null for a missing number). */
export interface RowSummary {
  row: number;
  line: number;
  offset: number;
  time: number | null;
  requestId: string;
  httpMethod: string;
  path: string;
  statusCode: string;
  errorCode: string;
  apiName: string;
  apiGroupName: string;
  apiStageName: string;
  appName: string;
  clientIp: string;
  totalLatency: number | null;
  serviceLatency: number | null;
  requestSize: number | null;
  responseSize: number | null;
}

/** Ordering of query results. */
export interface SortSpec {
  column: NumericColumn | DictColumn;
  descending?: boolean;
}

/** Answers computed during the build cover only what is indexed so far. */
export interface Coverage {
  /** False while the index is still being built (the answer covers `indexed` records). */
  complete: boolean;
  indexed: number;
}

/** A page of matching rows. */
export interface QueryPage extends Coverage {
  total: number;
  rows: RowSummary[];
}

/** A group of the tree, with its first rows when it is the last level. */
export interface GroupNode {
  column: DictColumn;
  value: string;
  count: number;
  failures: number;
  p95: number | null;
  children?: GroupNode[];
  /** The group's rows (row numbers, in file order), at most `rowLimit` of them. */
  rows?: number[];
}

/** One record read back from the source, every field included. */
export interface RecordDetail {
  row: number;
  line: number;
  offset: number;
  length: number;
  /** Parsed fields as written in the file; undefined when the bytes no longer parse. */
  fields: Record<string, unknown> | undefined;
  /** The record's source text. */
  text: string;
}

/** Which rows a batch of records covers: listed rows, or a page of a query's matching rows. */
export type BatchRows = { rows: number[] } | { query: string; sort?: SortSpec; offset: number; limit: number };

/**
 * How a batch hands records over: `raw` copies each JSON-lines record's bytes when they are one valid
 * JSON object (parsing only the others); `fields` parses every record.
 */
export type BatchMode = 'raw' | 'fields';

/** Many records read back at once, in the order asked. */
export interface RecordBatch {
  /** Rows asked for (listed rows that do not exist are left out), or the query's total matching rows. */
  total: number;
  /** The rows of this batch, in order: those asked, or the first of them when their bytes exceed 64 MB. */
  rows: number[];
  /** Every row's source bytes followed by a line feed, back to back (row i ends at `ends[i]`, line feed included). */
  bytes: Uint8Array;
  ends: Uint32Array;
  /** 1 when row i's bytes are one valid JSON object on one line, fit to be copied as they are (raw mode only). */
  verbatim: Uint8Array;
  /** Parsed fields of the rows that are not verbatim (undefined for verbatim rows and bytes that do not parse). */
  fields: (Record<string, unknown> | undefined)[];
}

/** Request kinds with their parameters and results. */
export interface EngineCalls {
  query: { params: { query: string; offset: number; limit: number; sort?: SortSpec }; result: QueryPage };
  stats: { params: { query: string; buckets?: number; topN?: number }; result: LogStats & Coverage };
  facets: { params: { query: string; columns: DictColumn[]; topN: number }; result: { facets: Facet[] } & Coverage };
  groups: {
    params: { query: string; keys: DictColumn[]; failuresOnly?: boolean; sort?: GroupSort; rowLimit?: number };
    result: { groups: GroupNode[] } & Coverage;
  };
  rows: { params: { rows: number[] }; result: RowSummary[] };
  record: { params: { row: number }; result: RecordDetail };
  recordsBatch: { params: BatchRows & { mode: BatchMode }; result: RecordBatch & Coverage };
  findRequestId: { params: { id: string }; result: RowSummary[] };
  append: { params: Record<string, never>; result: { records: number; added: number; problems: number } };
  summary: { params: Record<string, never>; result: IndexSummary & Coverage };
  cancel: { params: Record<string, never>; result: { cancelled: boolean } };
}

/** A request kind. */
export type EngineCall = keyof EngineCalls;

/** Host → worker: a request. */
export interface RequestMessage<K extends EngineCall = EngineCall> {
  type: 'request';
  id: number;
  call: K;
  params: EngineCalls[K]['params'];
}

/** Worker → host messages. */
export type WorkerMessage =
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string; queryError?: QueryError }
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'ready'; summary: IndexSummary }
  | { type: 'buildFailed'; error: string };

/** What the engine worker is started with (workerData). */
export interface EngineWorkerData {
  role: 'engine';
  path: string;
  /** Script of the worker itself, to start index workers from. */
  workerPath: string;
  tempDir: string;
  parallelism: number;
  /** Smallest byte range worth a thread of its own. */
  minRangeBytes: number;
  /** Extra execArgv for index workers (e.g. a TypeScript loader in tests). */
  execArgv?: string[];
  /** Where gzip input is decompressed to (deleted by the host on dispose). */
  tempFile: string;
}

/** One byte range of a file to index; `number` is its position among all ranges. */
export interface ByteRange {
  number: number;
  start: number;
  end: number;
  /** True when the range ends the file. */
  toEnd: boolean;
}

/** What an index worker is started with (workerData): the ranges it indexes, in order. */
export interface IndexWorkerData {
  role: 'index';
  path: string;
  ranges: ByteRange[];
  /** Throttle for progress messages, in bytes. */
  progressEvery: number;
}

/** Index worker → engine worker. */
export type IndexWorkerMessage =
  | { type: 'progress'; bytes: number; records: number; problems: number }
  | { type: 'done'; range: number; parts: import('../index/transfer').IndexParts; lines: number; problems: Problem[]; problemCount: number;
      fastRecords: number; tornTail: import('../index/jsonl/jsonlScanner').TornTail | undefined }
  | { type: 'failed'; error: string };

/** The error text of a query that does not parse. */
export class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(`query error at ${detail.position}: ${detail.message}`);
    this.name = 'QuerySyntaxError';
  }
}
