/**
 * Typed messages between the log explorer's extension host side (src/editor) and its webview
 * (src/webview). Both sides import this file; it imports nothing, so it type-checks under both the
 * Node and the DOM configurations.
 *
 * Shape: the webview sends `ready`, then asks questions with `request` messages (a method name from
 * `HostMethods`, a sequence number, params); the host answers each with exactly one `response`
 * (result or error) and pushes `init`, `progress`, `indexed`, `grew` and `reveal` on its own.
 * The host never sends the whole file: only pages of rows and aggregates.
 */

/** Sort direction of the table. */
export type SortDir = 'asc' | 'desc';

/** The table's sort: a column id and a direction. */
export interface SortSpec {
  readonly column: string;
  readonly dir: SortDir;
}

/** A time window in epoch ms, `to` exclusive. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** What every question is asked over: the query text and an optional time window. */
export interface Filter {
  readonly query: string;
  readonly range?: TimeRange;
}

/** A query language error, placed at its position in the query text. */
export interface QueryErrorInfo {
  readonly position: number;
  readonly length: number;
  readonly message: string;
  readonly expected: readonly string[];
}

/** A table cell: a number, a string, or null when the record has no such field. */
export type CellValue = string | number | null;

/** One row of the table: its index row number and the values of the table's columns. */
export interface TableRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, CellValue>>;
}

/** A column the table can show. */
export interface ColumnDef {
  readonly id: string;
  readonly title: string;
  readonly kind: 'time' | 'status' | 'ms' | 'bytes' | 'text' | 'id';
  /** Default width in CSS pixels. */
  readonly width: number;
  readonly sortable: boolean;
}

/** A page of the filtered, sorted rows. */
export type RowsResult =
  | { readonly ok: true; readonly total: number; readonly rows: readonly TableRow[] }
  | { readonly ok: false; readonly error: QueryErrorInfo };

/** Counts of one time bucket, split by HTTP status class. */
export interface TimelineBucket {
  readonly start: number;
  readonly end: number;
  readonly byClass: Readonly<Record<StatusClass, number>>;
}

/** HTTP status classes as the histogram stacks them; `other` holds missing or odd statuses. */
export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'other';

/** Every status class, bottom of the stack first. */
export const STATUS_CLASSES: readonly StatusClass[] = ['2xx', '3xx', '4xx', '5xx', 'other'];

/** The histogram over a filter. */
export type HistogramResult =
  | { readonly ok: true; readonly total: number; readonly buckets: readonly TimelineBucket[] }
  | { readonly ok: false; readonly error: QueryErrorInfo };

/** A value of a facet and how many filtered records carry it. */
export interface FacetValue {
  readonly value: string;
  readonly count: number;
  /** The query clause selecting this value (`field:value`, quoted as the query language wants). */
  readonly clause: string;
}

/** The top values of one column. */
export interface Facet {
  readonly column: string;
  readonly title: string;
  readonly values: readonly FacetValue[];
}

/** Latency percentiles in ms. */
export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
}

/** One point of the dashboard's timelines. */
export interface DashboardBucket {
  readonly start: number;
  readonly end: number;
  readonly total: number;
  readonly failures: number;
  readonly byClass: Readonly<Record<StatusClass, number>>;
  /** Total latency percentiles of the bucket (p90 when the engine computes it). */
  readonly latency: Omit<Percentiles, 'p90'> & { readonly p90?: number };
  /** Distinct calling apps in the bucket, when the engine counts them. */
  readonly apps?: number;
}

/** A ranked entry of a dashboard table. */
export interface RankedEntry {
  readonly name: string;
  readonly count: number;
  /** Extra figures shown next to the count (p95 latency, failure rate…), already labelled. */
  readonly detail?: string;
  readonly value?: number;
  /** The query clause selecting this entry, when it can be filtered on. */
  readonly clause?: string;
}

/** A slow request of the dashboard's "top latency" table. */
export interface SlowRequest {
  readonly row: number;
  readonly requestId: string;
  readonly api: string;
  readonly latency: number;
  readonly status: string;
  readonly time: number;
}

/** The Log Service preset report over a filter. */
export interface DashboardData {
  readonly total: number;
  readonly successRate: number;
  readonly failureRate: number;
  readonly distinctApps: number;
  readonly latency: { readonly total: Percentiles; readonly backend: Percentiles; readonly overhead: Percentiles };
  readonly timeline: readonly DashboardBucket[];
  readonly topGroups: readonly RankedEntry[];
  readonly topApis: readonly RankedEntry[];
  readonly topApps: readonly RankedEntry[];
  readonly topClientIps: readonly RankedEntry[];
  readonly topErrorCodes: readonly RankedEntry[];
  readonly slowestApis: readonly RankedEntry[];
  readonly slowestRequests: readonly SlowRequest[];
}

/** The dashboard over a filter. */
export type DashboardResult =
  | { readonly ok: true; readonly data: DashboardData }
  | { readonly ok: false; readonly error: QueryErrorInfo };

/** One decoded field of the detail panel. */
export interface DetailField {
  readonly name: string;
  readonly raw: string;
  /** Human reading of the value (status text, error code meaning, formatted time…), if any. */
  readonly decoded?: string;
  /** Pretty-printed JSON or header block, if the field holds one. */
  readonly pretty?: string;
  readonly description?: string;
  readonly group: 'request' | 'outcome' | 'timing' | 'content' | 'other';
}

/** One phase of the timing waterfall; offsets and widths in percent of the whole request. */
export interface WaterfallPhase {
  readonly label: string;
  readonly ms: number;
  readonly startPct: number;
  readonly widthPct: number;
  readonly kind: 'client' | 'gateway' | 'backend';
}

/** The timing waterfall of one request. */
export interface Waterfall {
  readonly totalMs: number;
  readonly phases: readonly WaterfallPhase[];
  /** Inconsistencies found (missing or out-of-order stamps). */
  readonly warnings: readonly string[];
}

/** Everything the detail panel shows for one request. */
export interface RecordDetail {
  readonly row: number;
  readonly requestId: string;
  readonly initialRequestId?: string;
  /** Row of the initial request in this file, when it is there. */
  readonly initialRow?: number;
  readonly line: number;
  readonly fields: readonly DetailField[];
  readonly waterfall?: Waterfall;
  readonly json: string;
  readonly curl?: string;
}

/** A completion proposal for the query bar: the text replaces [from, to) of the query. */
export interface CompletionProposal {
  readonly label: string;
  readonly insert: string;
  readonly from: number;
  readonly to: number;
  readonly detail?: string;
  readonly kind: 'field' | 'value' | 'keyword';
}

/** Summary of the indexed file, shown in the status line. */
export interface FileSummary {
  readonly fileName: string;
  readonly records: number;
  readonly bytes: number;
  readonly format: string;
  readonly badLines: number;
  /** The first unreadable lines: 1-based line and why (fixed phrases, never the line's content). */
  readonly problems?: readonly { readonly line: number; readonly reason: string }[];
  readonly timeRange?: TimeRange;
  readonly complete: boolean;
}

/** Export formats. */
export type ExportFormat = 'jsonl' | 'csv';

/** The questions the webview asks and what the host answers (params → result). */
export interface HostMethods {
  /** A page of filtered, sorted rows. */
  rows: { params: { filter: Filter; sort?: SortSpec; offset: number; limit: number }; result: RowsResult };
  /** Volume over time stacked by status class. */
  histogram: { params: { filter: Filter; buckets: number }; result: HistogramResult };
  /** Top values of the facet columns. */
  facets: { params: { filter: Filter; topN: number }; result: readonly Facet[] };
  /** The Log Service preset report. */
  dashboard: { params: { filter: Filter; buckets: number }; result: DashboardResult };
  /** One request in full, decoded. */
  detail: { params: { row: number }; result: RecordDetail };
  /** Completion proposals at the cursor. */
  complete: { params: { text: string; cursor: number }; result: readonly CompletionProposal[] };
  /** Row of a request ID in this file, if there. */
  findRequest: { params: { requestId: string }; result: { row?: number } };
  /** Export the filtered rows to a file the user picks; resolves with the number written (0 if cancelled). */
  export: { params: { filter: Filter; sort?: SortSpec; format: ExportFormat; columns: readonly string[] }; result: { written: number; path?: string } };
  /** Fetch a request's full log from the cloud (apigwLogs.fetchRequestLog). */
  fetchLog: { params: { requestId: string }; result: void };
  /** Put text on the clipboard. */
  copy: { params: { text: string; what: string }; result: void };
  /** Open the file as text at the row's line. */
  openSource: { params: { row: number }; result: void };
  /** Turn follow mode on or off; answers the mode now in force. */
  setFollow: { params: { on: boolean }; result: { following: boolean } };
}

/** A method name of HostMethods. */
export type HostMethod = keyof HostMethods;

/** The params of a method. */
export type ParamsOf<M extends HostMethod> = HostMethods[M]['params'];

/** The result of a method. */
export type ResultOf<M extends HostMethod> = HostMethods[M]['result'];

/** A question from the webview: method, params, and a sequence number the answer repeats. */
export type RequestMessage = {
  [M in HostMethod]: { readonly type: 'request'; readonly seq: number; readonly method: M; readonly params: ParamsOf<M> };
}[HostMethod];

/** Messages the webview sends. */
export type WebviewToHost =
  /** The webview has loaded and listens: the host answers with `init`. */
  | { readonly type: 'ready' }
  /** A question; answered by exactly one `response`. */
  | RequestMessage;

/** Options the host passes at start. */
export interface ExplorerOptions {
  readonly columns: readonly ColumnDef[];
  readonly defaultColumns: readonly string[];
  readonly following: boolean;
}

/** Messages the host sends. */
export type HostToWebview =
  /** Answer to `ready`: what the webview needs to draw its frame. */
  | { readonly type: 'init'; readonly summary: FileSummary; readonly options: ExplorerOptions }
  /** Indexing progress (throttled); rows already indexed can be asked for. */
  | { readonly type: 'progress'; readonly bytesRead: number; readonly totalBytes: number; readonly records: number }
  /** Indexing finished. */
  | { readonly type: 'indexed'; readonly summary: FileSummary }
  /** The followed file grew (records appended) or was replaced: every view refreshes. */
  | { readonly type: 'grew'; readonly summary: FileSummary }
  /** Select this row and show its detail (apigwLogs.revealInExplorer). */
  | { readonly type: 'reveal'; readonly row: number }
  /** Indexing failed. */
  | { readonly type: 'failed'; readonly message: string }
  /** Answer to a `request` with the same seq. */
  | { readonly type: 'response'; readonly seq: number; readonly ok: true; readonly result: unknown }
  | { readonly type: 'response'; readonly seq: number; readonly ok: false; readonly error: string };

/** Exhaustiveness check for switches over message unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
