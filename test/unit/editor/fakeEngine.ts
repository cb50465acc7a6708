/** A tiny in-memory engine implementing ExplorerEngine, for the explorer's host-side unit tests only. */
import type { DictColumn } from '../../../src/core/fields/ids';
import type { LogStats } from '../../../src/core/stats/types';
import type { BatchMode, BatchRows, EngineRecord, ExplorerEngine, RecordBatch, RowSummary, SortSpec } from '../../../src/editor/engineApi';

/** Records as field maps; the fake "query language": '' (all), a substring of the JSON, or '(((' for an error. */
export class FakeEngine implements ExplorerEngine {
  readonly queries: string[] = [];
  readonly sorts: (SortSpec | undefined)[] = [];

  constructor(readonly records: Record<string, unknown>[]) {}

  private match(query: string): number[] {
    this.queries.push(query);
    const q = query.replace(/__time__ >= \d+ and __time__ < \d+( and )?/, '').replace(/^\((.*)\)$/, '$1');
    if (q.includes('(((')) {
      throw Object.assign(new Error('syntax'), { detail: { position: query.indexOf('((('), length: 3, message: 'unexpected (', expected: ['value'] } });
    }
    return this.records.map((_, i) => i).filter((i) => q === '' || JSON.stringify(this.records[i]).includes(q));
  }

  summaryOf(row: number): RowSummary {
    const r = this.records[row];
    const s = (k: string): string => (r[k] === undefined ? '' : String(r[k]));
    const n = (k: string): number | null => (r[k] === undefined ? null : Number(r[k]));
    return {
      row, line: row + 1, offset: row * 100, time: n('time'), requestId: s('requestId'), httpMethod: s('httpMethod'), path: s('path'),
      statusCode: s('statusCode'), errorCode: s('errorCode'), apiName: s('apiName'), apiGroupName: s('apiGroupName'),
      apiStageName: s('apiStageName'), appName: s('appName'), clientIp: s('clientIp'), totalLatency: n('totalLatency'),
      serviceLatency: n('serviceLatency'), requestSize: n('requestSize'), responseSize: n('responseSize'),
    };
  }

  async query(p: { query: string; offset: number; limit: number; sort?: SortSpec }) {
    this.sorts.push(p.sort);
    const rows = this.match(p.query);
    return { total: rows.length, rows: rows.slice(p.offset, p.offset + p.limit).map((row) => this.summaryOf(row)) };
  }

  async rows(rows: number[]) {
    return rows.map((row) => this.summaryOf(row));
  }

  async stats(p: { query: string }): Promise<LogStats> {
    const rows = this.match(p.query);
    const byClass = { '2xx': rows.length, '3xx': 0, '4xx': 0, '5xx': 0, other: 0 };
    const lat = { count: rows.length, p50: 10, p90: 20, p95: 30, p99: 40, avg: 12, max: 50 };
    return {
      total: rows.length, timeRange: [0, 60_000], bucketMs: 60_000,
      timeline: [{ start: 0, count: rows.length, byClass, failures: 0, p50: 10, p95: 30, p99: 40 }],
      byClass, failures: 0, successRate: 1, failureRate: 0, latency: { total: lat, backend: lat, overhead: lat },
      distinctApps: 1, columns: { group: 'apiGroupName', api: 'apiName', app: 'appName' },
      topGroups: [], topApis: [{ value: 'GetUser', count: rows.length, failures: 0, p95: 30 }], topApps: [], topClientIps: [], topErrorCodes: [],
      slowestApis: [], slowestRequests: rows.slice(0, 2),
    };
  }

  async facets(p: { query: string; columns: DictColumn[]; topN: number }) {
    const rows = this.match(p.query);
    const facets = p.columns.map((column) => {
      const counts = new Map<string, number>();
      for (const r of rows) {
        const v = String(this.records[r][column] ?? '');
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count).slice(0, p.topN);
      return { column, values, distinct: counts.size, others: 0 };
    });
    return { facets };
  }

  async record(row: number): Promise<EngineRecord> {
    if (!this.records[row]) throw new Error(`no row ${row}`);
    const text = JSON.stringify(this.records[row]);
    return { row, line: row + 1, offset: row * 100, length: text.length, fields: this.records[row], text };
  }

  /** Records as their JSON text; in raw mode every row is verbatim, in fields mode none is. */
  async recordsBatch(p: BatchRows & { mode: BatchMode }): Promise<RecordBatch> {
    const all = 'rows' in p ? p.rows.filter((r) => this.records[r] !== undefined) : this.match(p.query);
    const rows = 'rows' in p ? all : all.slice(p.offset, p.offset + p.limit);
    const texts = rows.map((r) => `${JSON.stringify(this.records[r])}\n`);
    const bytes = Buffer.from(texts.join(''));
    let end = 0;
    const ends = Uint32Array.from(texts, (t) => (end += Buffer.byteLength(t)));
    const raw = p.mode === 'raw';
    return { total: all.length, rows, bytes, ends, verbatim: new Uint8Array(rows.length).fill(raw ? 1 : 0), fields: rows.map((r) => (raw ? undefined : this.records[r])) };
  }

  async findRequestId(id: string) {
    return this.records.flatMap((r, i) => (r.requestId === id ? [this.summaryOf(i)] : []));
  }
}
