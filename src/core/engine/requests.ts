/** The engine worker's answers to each request kind, over the index as it stands. */
import type { DictColumn } from '../fields/ids';
import { filterRows } from '../query/evaluate';
import { parseQuery } from '../query/parser';
import { computeStats } from '../stats/computeStats';
import { facets } from '../stats/facets';
import { groupRows, type RowGroup } from '../stats/groupRows';
import { sortRows } from '../stats/sortRows';
import { appendNewBytes } from './append';
import type { EngineState } from './engineState';
import { RawSearch } from './rawSearch';
import { readRecordBatch, rowsWithinBytes } from './recordBatch';
import { QuerySyntaxError, type Coverage, type EngineCall, type EngineCalls, type GroupNode, type SortSpec } from './protocol';
import { SourceReader, rowSummary } from './rowReader';

/** Answers requests for one state; caches the last query's rows for paging. */
export class RequestHandler {
  readonly reader: SourceReader;
  private readonly search: RawSearch;
  private cached: { key: string; count: number; rows: Uint32Array | undefined } | undefined;

  constructor(private readonly state: EngineState) {
    this.reader = new SourceReader(state);
    this.search = new RawSearch(state);
  }

  /** The result of `call` with `params`. */
  handle<K extends EngineCall>(call: K, params: EngineCalls[K]['params']): EngineCalls[K]['result'] {
    const p = params as never;
    const handlers: { [C in EngineCall]: (params: EngineCalls[C]['params']) => EngineCalls[C]['result'] } = {
      query: (q) => this.query(q),
      stats: (q) => ({ ...computeStats(this.state.index, this.matching(q.query), { buckets: q.buckets, topN: q.topN }), ...this.coverage() }),
      facets: (q) => ({ facets: facets(this.state.index, this.matching(q.query), q.columns, q.topN), ...this.coverage() }),
      groups: (q) => this.groups(q),
      rows: (q) => q.rows.filter((r) => r >= 0 && r < this.state.index.count).map((r) => rowSummary(this.state.index, r)),
      record: (q) => this.reader.record(q.row),
      recordsBatch: (q) => this.recordsBatch(q),
      findRequestId: (q) => this.findRequestId(q.id),
      append: () => this.append(),
      summary: () => ({ ...this.state.summary(), ...this.coverage() }),
      cancel: () => ({ cancelled: this.cancel() }),
    };
    return (handlers[call] as (params: never) => EngineCalls[K]['result'])(p);
  }

  private coverage(): Coverage {
    return { complete: !this.state.building, indexed: this.state.index.count };
  }

  /** Rows matching `query` (undefined = all rows), cached per query text and index size. */
  private matching(query: string, sort?: SortSpec): Uint32Array | undefined {
    const key = JSON.stringify([query, sort ?? null]);
    const count = this.state.index.count;
    if (this.cached?.key === key && this.cached.count === count) return this.cached.rows;
    const parsed = parseQuery(query);
    if (!parsed.ok) throw new QuerySyntaxError(parsed.error);
    const all = parsed.ast.type === 'all' && sort === undefined;
    let rows = all ? undefined : filterRows(this.state.index, parsed.ast, {
      rawText: (row) => this.reader.searchText(row),
      rawCandidates: (text, candidates) => this.search.rowsContaining(text, candidates),
    });
    if (sort) rows = sortRows(this.state.index, rows, sort.column, sort.descending ?? false);
    this.cached = { key, count, rows };
    return rows;
  }

  private query(q: EngineCalls['query']['params']): EngineCalls['query']['result'] {
    const rows = this.matching(q.query, q.sort);
    const total = rows ? rows.length : this.state.index.count;
    const from = Math.max(0, q.offset);
    const to = Math.min(total, from + Math.max(0, q.limit));
    const page: number[] = [];
    for (let i = from; i < to; i++) page.push(rows ? rows[i] : i);
    return { total, rows: page.map((r) => rowSummary(this.state.index, r)), ...this.coverage() };
  }

  private recordsBatch(q: EngineCalls['recordsBatch']['params']): EngineCalls['recordsBatch']['result'] {
    const count = this.state.index.count;
    let rows: number[];
    let total: number;
    if ('rows' in q) {
      rows = q.rows.filter((r) => Number.isInteger(r) && r >= 0 && r < count);
      total = rows.length;
    } else {
      const matching = this.matching(q.query, q.sort);
      total = matching ? matching.length : count;
      const from = Math.max(0, q.offset);
      const to = Math.min(total, from + Math.max(0, q.limit));
      rows = [];
      for (let i = from; i < to; i++) rows.push(matching ? matching[i] : i);
    }
    return { total, ...readRecordBatch(this.state, rowsWithinBytes(this.state, rows), q.mode), ...this.coverage() };
  }

  private groups(q: EngineCalls['groups']['params']): EngineCalls['groups']['result'] {
    const groups = groupRows(this.state.index, this.matching(q.query), q.keys, { sort: q.sort, failuresOnly: q.failuresOnly });
    const limit = q.rowLimit ?? 200;
    const convert = (g: RowGroup): GroupNode => ({
      column: g.column as DictColumn,
      value: g.value,
      count: g.count,
      failures: g.failures,
      p95: Number.isNaN(g.p95) ? null : g.p95,
      children: g.children?.map(convert),
      rows: g.rows ? Array.from(g.rows.subarray(0, limit)) : undefined,
    });
    return { groups: groups.map(convert), ...this.coverage() };
  }

  /** Rows whose requestId is `id`, then rows whose initialRequestId is `id` (calls made on its behalf). */
  private findRequestId(id: string): EngineCalls['findRequestId']['result'] {
    const index = this.state.index;
    const own = index.findId(id.trim(), 'requestId');
    const related = index.findId(id.trim(), 'initialRequestId').filter((r) => !own.includes(r));
    return [...own, ...related].map((r) => rowSummary(index, r));
  }

  private append(): EngineCalls['append']['result'] {
    if (this.state.building) throw new Error('the index is still being built');
    this.cached = undefined;
    return appendNewBytes(this.state);
  }

  private cancel(): boolean {
    if (!this.state.building) return false;
    this.state.cancelled = true;
    return true;
  }
}
