/**
 * What the requests tree asks of a log's engine, as an interface: the real adapter (engineBackend.ts)
 * wraps the core's LogEngine; unit tests use a fake over an in-memory index.
 */
import type { DictColumn } from '../core/fields/ids';
import type { GroupSort } from '../core/stats/groupRows';
import type { GroupFigures, RequestFigures } from './labels';

/** Which requests the tree shows. */
export interface TreeFilter {
  /** Core query language text ('' = all). */
  readonly query: string;
  readonly failuresOnly: boolean;
}

/** A request for the tree's groups. */
export interface GroupsRequest extends TreeFilter {
  readonly keys: readonly DictColumn[];
  readonly sort: GroupSort;
}

/** One group with its subgroups (none at the last level). */
export interface GroupData extends GroupFigures {
  readonly children?: readonly GroupData[];
}

/** One step of the path to a group: the column and the value its rows share. */
export interface GroupStep {
  readonly column: DictColumn;
  readonly value: string;
}

/** A page of the requests of one last-level group, in log order. */
export interface RequestsRequest extends TreeFilter {
  readonly path: readonly GroupStep[];
  readonly offset: number;
  readonly limit: number;
}

/** The answer to a RequestsRequest. */
export interface RequestsPage {
  readonly total: number;
  readonly rows: readonly RequestFigures[];
}

/** How far indexing got. */
export interface IndexState {
  readonly records: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly complete: boolean;
  /** Why indexing failed, if it did. */
  readonly error?: string;
}

/** A query error with its position in the query text. */
export interface TreeQueryError {
  readonly position: number;
  readonly length: number;
  readonly message: string;
}

/** The engine calls the tree makes. Query errors reject with an error carrying `queryError`. */
export interface TreeBackend {
  /** Settles when the first full index is built (rejects when indexing failed). */
  readonly ready: Promise<void>;
  state(): IndexState;
  /** Calls back while indexing; returns the unsubscribe function. */
  onProgress(listener: (state: IndexState) => void): () => void;
  groups(request: GroupsRequest): Promise<readonly GroupData[]>;
  requests(request: RequestsRequest): Promise<RequestsPage>;
  /** The summary of the row holding a request ID (first match), if any. */
  findRequest(requestId: string): Promise<RequestFigures | undefined>;
  /** Every field of a record, as parsed from the log. */
  record(row: number): Promise<Readonly<Record<string, unknown>>>;
}
