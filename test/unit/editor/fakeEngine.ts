/** A tiny in-memory engine implementing ExplorerEngine, for the message handler's unit tests only. */
import type { LogStats } from '../../../src/core/stats/types';
import type { EngineRow, ExplorerEngine } from '../../../src/editor/engineApi';

/** Records as field maps; the fake "query language" is: '' (all), or a substring of the JSON, or '(((' for an error. */
export class FakeEngine implements ExplorerEngine {
  readonly queries: string[] = [];

  constructor(readonly records: Record<string, unknown>[]) {}

  summary() {
    return { records: this.records.length, bytes: 1000, format: 'jsonl', badLines: 0, complete: true, timeRange: [0, 1] as const };
  }

  private match(query: string): number[] {
    this.queries.push(query);
    const q = query.replace(/__time__ >= \d+ and __time__ < \d+( and )?/, '').replace(/^\((.*)\)$/, '$1');
    const broken = q.indexOf('(((');
    if (broken >= 0) throw Object.assign(new Error('syntax'), { queryError: { position: query.indexOf('((('), length: 3, message: 'unexpected (' } });
    return this.records.map((_, i) => i).filter((i) => q === '' || JSON.stringify(this.records[i]).includes(q));
  }

  async query(req: { query: string; offset: number; limit: number }) {
    const rows = this.match(req.query);
    const page = rows.slice(req.offset, req.offset + req.limit).map((row): EngineRow => ({ row, ...this.records[row] }));
    return { total: rows.length, rows: page };
  }

  async stats(req: { query: string }): Promise<LogStats> {
    const rows = this.match(req.query);
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

  async facets(req: { query: string; columns: readonly string[] }) {
    const rows = this.match(req.query);
    return req.columns.map((column) => {
      const counts = new Map<string, number>();
      for (const r of rows) {
        const v = String(this.records[r][column] ?? '');
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return { column, values: [...counts].map(([value, count]) => ({ value, count })) };
    });
  }

  async record(row: number) {
    if (!this.records[row]) throw new Error(`no row ${row}`);
    return { fields: this.records[row], line: row + 1 };
  }

  async findRequestId(id: string) {
    return this.records.flatMap((r, i) => (r.requestId === id ? [i] : []));
  }

  async completions(text: string, cursor: number) {
    return { from: 0, to: cursor, items: [{ label: 'apiName', insertText: `apiName:${text.length}`, kind: 'field' as const }] };
  }
}
