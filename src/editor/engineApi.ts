/**
 * The part of the core's LogEngine the explorer uses, as an interface: the document holds the real
 * engine, the message handler's unit tests a fake. Kept structurally in step with src/core/engine.
 */
import type { LogStats } from '../core/stats/types';

/** A sort the engine understands. */
export interface EngineSort {
  readonly column: string;
  readonly dir: 'asc' | 'desc';
}

/** One row of a query's answer: its index row and the values of the summary fields. */
export interface EngineRow {
  readonly row: number;
  readonly [field: string]: unknown;
}

/** A query language error from the engine. */
export interface EngineQueryError {
  readonly position: number;
  readonly length: number;
  readonly message: string;
  readonly expected?: readonly string[];
}

/** Top values of one column. */
export interface EngineFacet {
  readonly column: string;
  readonly values: readonly { readonly value: string; readonly count: number }[];
}

/** Completion proposals from the engine. */
export interface EngineCompletions {
  readonly from: number;
  readonly to: number;
  readonly items: readonly { readonly label: string; readonly insertText: string; readonly kind: 'field' | 'value' | 'keyword'; readonly detail?: string }[];
}

/** What the index knows about its file. */
export interface EngineSummary {
  readonly records: number;
  readonly bytes: number;
  readonly format: string;
  readonly badLines: number;
  readonly timeRange?: readonly [number, number];
  readonly complete: boolean;
}

/** The engine calls the explorer makes. Query errors reject with an error carrying `queryError`. */
export interface ExplorerEngine {
  summary(): EngineSummary;
  query(req: { query: string; offset: number; limit: number; sort?: EngineSort }): Promise<{ total: number; rows: readonly EngineRow[] }>;
  stats(req: { query: string; buckets?: number; topN?: number }): Promise<LogStats>;
  facets(req: { query: string; columns: readonly string[]; topN: number }): Promise<readonly EngineFacet[]>;
  record(row: number): Promise<{ fields: Record<string, unknown>; line: number }>;
  findRequestId(id: string): Promise<readonly number[]>;
  completions(text: string, cursor: number): Promise<EngineCompletions>;
}

/** The query error carried by a rejection, if it is one. */
export function queryErrorOf(e: unknown): EngineQueryError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const q = (e as { queryError?: unknown }).queryError;
  if (typeof q === 'object' && q !== null && typeof (q as EngineQueryError).position === 'number') return q as EngineQueryError;
  return undefined;
}
