/**
 * The part of the core's LogEngine the explorer uses, as an interface mirroring the engine protocol
 * (src/core/engine/protocol.ts): the document holds the real engine, the handler's unit tests a fake.
 */
import type { BatchMode, BatchRows, RecordBatch, RecordDetail as EngineRecord, RowSummary, SortSpec } from '../core/engine/protocol';
import type { DictColumn } from '../core/fields/ids';
import type { QueryError } from '../core/query/ast';
import type { Facet } from '../core/stats/facets';
import type { LogStats } from '../core/stats/types';

export type { BatchMode, BatchRows, EngineRecord, RecordBatch, RowSummary, SortSpec };

/** The engine calls the explorer makes. Query errors reject with an error carrying the QueryError. */
export interface ExplorerEngine {
  query(p: { query: string; offset: number; limit: number; sort?: SortSpec }): Promise<{ total: number; rows: readonly RowSummary[] }>;
  stats(p: { query: string; buckets?: number; topN?: number }): Promise<LogStats>;
  facets(p: { query: string; columns: DictColumn[]; topN: number }): Promise<{ facets: readonly Facet[] }>;
  /** Row summaries of the given rows, in the order asked. */
  rows(rows: number[]): Promise<readonly RowSummary[]>;
  record(row: number): Promise<EngineRecord>;
  /** Many records per round trip (rows listed, or a page of a query's rows); see the engine's `recordsBatch`. */
  recordsBatch(p: BatchRows & { mode: BatchMode }): Promise<RecordBatch>;
  findRequestId(id: string): Promise<readonly RowSummary[]>;
}

/** The query error carried by a rejection (`detail` of a QuerySyntaxError, or `queryError`), if it is one. */
export function queryErrorOf(e: unknown): QueryError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  for (const key of ['queryError', 'detail'] as const) {
    const q = (e as Record<string, unknown>)[key];
    if (typeof q === 'object' && q !== null && typeof (q as QueryError).position === 'number' && typeof (q as QueryError).message === 'string') {
      const err = q as QueryError;
      return { position: err.position, length: err.length ?? 0, message: err.message, expected: Array.isArray(err.expected) ? err.expected : [] };
    }
  }
  return undefined;
}
