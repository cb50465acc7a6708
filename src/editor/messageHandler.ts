/**
 * Answers the webview's questions from the engine. Free of the editor API (services are injected), so
 * it is unit-tested in plain Node with a fake engine. Every request gets exactly one response.
 */
import type {
  CompletionProposal, ExportFormat, Facet, Filter, HostToWebview, ParamsOf, RecordDetail,
  ResultOf, SlowRequest, SortSpec, TableRow, WebviewToHost,
} from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import type { Lang } from '../core/fields/lang';
import { fieldClause } from '../core/query/completions';
import { FACETS, sortColumnOf } from './columns';
import { completeQuery } from './completionAdapter';
import { dashboardData, timelineBuckets } from './dashboardAdapter';
import { buildDetail } from './detailBuilder';
import { queryErrorOf, type ExplorerEngine, type RowSummary, type SortSpec as EngineSort } from './engineApi';
import { combineFilter, errorInUserText } from './filterQuery';
import { tableRow } from './rowCells';

/** What the handler needs from the editor (clipboard, commands, dialogs, files). */
export interface HostServices {
  copy(text: string, what: string): Promise<void>;
  fetchLog(requestId: string): Promise<void>;
  openSource(line: number): Promise<void>;
  exportRows(filter: Filter, sort: SortSpec | undefined, format: ExportFormat, columns: readonly string[]): Promise<{ written: number; path?: string }>;
  setFollow(on: boolean): Promise<boolean>;
}

/** Most rows one page may ask for. */
const MAX_PAGE = 2000;

type Answer = Extract<HostToWebview, { type: 'response' }>;

/** The webview's questions, answered. */
export class MessageHandler {
  constructor(private readonly engine: () => ExplorerEngine, private readonly services: HostServices, private readonly lang: () => Lang = () => 'en') {}

  /** Answers a request (or returns undefined for messages that need none, such as `ready`). */
  async handle(message: WebviewToHost): Promise<Answer | undefined> {
    if (message.type !== 'request') return undefined;
    try {
      const result = await this.dispatch(message);
      return { type: 'response', seq: message.seq, ok: true, result };
    } catch (e) {
      return { type: 'response', seq: message.seq, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private dispatch(m: Extract<WebviewToHost, { type: 'request' }>): Promise<unknown> {
    switch (m.method) {
      case 'rows': return this.rows(m.params);
      case 'histogram': return this.histogram(m.params);
      case 'facets': return this.facets(m.params);
      case 'dashboard': return this.dashboard(m.params);
      case 'detail': return this.detail(m.params.row);
      case 'complete': return this.complete(m.params);
      case 'findRequest': return this.findRequest(m.params.requestId);
      case 'export': return this.services.exportRows(m.params.filter, m.params.sort, m.params.format, m.params.columns);
      case 'fetchLog': return this.services.fetchLog(m.params.requestId);
      case 'copy': return this.services.copy(m.params.text, m.params.what);
      case 'openSource': return this.openSource(m.params.row);
      case 'setFollow': return this.services.setFollow(m.params.on).then((following) => ({ following }));
      default: return assertNever(m);
    }
  }

  /** A page of rows, or the query's error placed on the user's text. */
  async rows(p: ParamsOf<'rows'>): Promise<ResultOf<'rows'>> {
    const combined = combineFilter(p.filter);
    try {
      const limit = Math.max(0, Math.min(MAX_PAGE, p.limit));
      const answer = await this.engine().query({ query: combined.query, offset: Math.max(0, p.offset), limit, sort: engineSort(p.sort) });
      return { ok: true, total: answer.total, rows: answer.rows.map((r: RowSummary): TableRow => tableRow(r)) };
    } catch (e) {
      const q = queryErrorOf(e);
      if (!q) throw e;
      return { ok: false, error: errorInUserText(q, combined, p.filter.query) };
    }
  }

  /** Volume over time by status class. */
  async histogram(p: ParamsOf<'histogram'>): Promise<ResultOf<'histogram'>> {
    const combined = combineFilter(p.filter);
    try {
      const stats = await this.engine().stats({ query: combined.query, buckets: p.buckets, topN: 1 });
      return { ok: true, total: stats.total, buckets: timelineBuckets(stats) };
    } catch (e) {
      const q = queryErrorOf(e);
      if (!q) throw e;
      return { ok: false, error: errorInUserText(q, combined, p.filter.query) };
    }
  }

  /** Top values of the facet columns; empty when the query is invalid (the table shows the error). */
  async facets(p: ParamsOf<'facets'>): Promise<readonly Facet[]> {
    const combined = combineFilter(p.filter);
    try {
      const answer = await this.engine().facets({ query: combined.query, columns: FACETS.map((f) => f.column), topN: p.topN });
      return FACETS.map((f) => ({
        ...f,
        values: (answer.facets.find((a) => a.column === f.column)?.values ?? []).map((v) => ({ ...v, clause: fieldClause(f.column, v.value) })),
      }));
    } catch (e) {
      if (queryErrorOf(e)) return [];
      throw e;
    }
  }

  /** The Log Service preset report. */
  async dashboard(p: ParamsOf<'dashboard'>): Promise<ResultOf<'dashboard'>> {
    const combined = combineFilter(p.filter);
    try {
      const stats = await this.engine().stats({ query: combined.query, buckets: p.buckets, topN: 10 });
      const slowest = await this.slowRequests(stats.slowestRequests.slice(0, 10));
      return { ok: true, data: dashboardData(stats, slowest) };
    } catch (e) {
      const q = queryErrorOf(e);
      if (!q) throw e;
      return { ok: false, error: errorInUserText(q, combined, p.filter.query) };
    }
  }

  /** One request in full, with the row of its initial request when this file has it. */
  async detail(row: number): Promise<RecordDetail> {
    const record = await this.engine().record(row);
    const d = buildDetail(record.fields ?? { unreadable: record.text }, { row, line: record.line }, this.lang());
    if (!d.initialRequestId) return d;
    const [initial] = await this.engine().findRequestId(d.initialRequestId);
    return initial === undefined ? d : { ...d, initialRow: initial.row };
  }

  private async slowRequests(rows: readonly number[]): Promise<SlowRequest[]> {
    const found = rows.length === 0 ? [] : await this.engine().rows([...rows]);
    return found.map((r) => ({
      row: r.row, requestId: r.requestId, api: r.apiName || r.path, latency: r.totalLatency ?? NaN, status: r.statusCode, time: r.time ?? NaN,
    }));
  }

  private complete(p: ParamsOf<'complete'>): Promise<readonly CompletionProposal[]> {
    return completeQuery(this.engine(), p.text, p.cursor);
  }

  private async findRequest(requestId: string): Promise<{ row?: number }> {
    const [found] = await this.engine().findRequestId(requestId);
    return found === undefined ? {} : { row: found.row };
  }

  private async openSource(row: number): Promise<void> {
    const record = await this.engine().record(row);
    await this.services.openSource(record.line);
  }
}

/** The engine's sort for a table sort, or undefined (file order) when the column cannot sort. */
export function engineSort(sort: SortSpec | undefined): EngineSort | undefined {
  const column = sort ? sortColumnOf(sort.column) : undefined;
  return sort && column ? { column, descending: sort.dir === 'desc' } : undefined;
}
