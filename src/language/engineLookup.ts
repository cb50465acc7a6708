/** Request lookups over the log engines already open (explorer, tree): files far too big to open as text. */
import { basename } from 'node:path';
import type { RowSummary } from '../core/engine/protocol';
import type { RequestLookup, RequestSummary } from './hoverRequest';

/** What this lookup needs of the shared engine registry. */
export interface OpenEngines {
  openFiles(): string[];
  peek(file: string): Promise<{ findRequestId(id: string): Promise<RowSummary[]> } | undefined>;
}

/** A row summary as a hover summary (0-based line). */
export function summaryFromRow(row: RowSummary, source: string): RequestSummary {
  const text = (n: number | null) => (n === null ? undefined : String(n));
  return {
    requestId: row.requestId,
    source,
    line: row.line > 0 ? row.line - 1 : undefined,
    time: row.time === null ? undefined : new Date(row.time).toISOString().replace('.000Z', 'Z'),
    apiName: row.apiName || undefined,
    httpMethod: row.httpMethod || undefined,
    path: row.path || undefined,
    statusCode: row.statusCode || undefined,
    errorCode: row.errorCode || undefined,
    totalLatency: text(row.totalLatency),
  };
}

/** Finds a request ID in every open engine except files `skip` says are covered elsewhere (open as text). */
export class EngineLookup implements RequestLookup {
  constructor(private readonly engines: OpenEngines, private readonly skip: (file: string) => boolean) {}

  /** Summaries of the rows carrying this request ID, across open engines. */
  async find(requestId: string): Promise<RequestSummary[]> {
    const files = this.engines.openFiles().filter((f) => !this.skip(f));
    const answers = await Promise.all(files.map((f) => this.findIn(f, requestId)));
    return answers.flat();
  }

  private async findIn(file: string, requestId: string): Promise<RequestSummary[]> {
    const engine = await this.engines.peek(file);
    if (!engine) return [];
    const rows = await engine.findRequestId(requestId);
    return rows.filter((r) => r.requestId.toUpperCase() === requestId.toUpperCase()).map((r) => summaryFromRow(r, basename(file)));
  }
}
