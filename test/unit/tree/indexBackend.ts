/** A TreeBackend over an in-memory LogIndex (the core's query and groupRows), counting the calls made. */
import { parseQuery } from '../../../src/core/query/parser';
import { filterRows } from '../../../src/core/query/evaluate';
import { groupRows, type RowGroup } from '../../../src/core/stats/groupRows';
import type { LogIndex } from '../../../src/core/index/store';
import type { GroupData, GroupsRequest, IndexState, RequestsPage, RequestsRequest, TreeBackend, TreeFilter } from '../../../src/tree/backend';
import type { RequestFigures } from '../../../src/tree/labels';

/** The backend; `calls` counts groups() and requests() calls. */
export class IndexBackend implements TreeBackend {
  readonly ready: Promise<void>;
  /** How many groups() and requests() calls were made. */
  readonly calls = { groups: 0, requests: 0 };

  constructor(private readonly index: LogIndex, ready: Promise<void> = Promise.resolve(), private readonly indexState?: () => IndexState,
    private readonly readRecord?: (row: number) => Promise<Readonly<Record<string, unknown>>>) {
    this.ready = ready;
  }

  state(): IndexState {
    return this.indexState?.() ?? { records: this.index.count, bytesRead: 1, totalBytes: 1, complete: true };
  }

  onProgress(): () => void {
    return () => undefined;
  }

  groups(request: GroupsRequest): Promise<readonly GroupData[]> {
    this.calls.groups++;
    return Promise.resolve(groupRows(this.index, this.rows(request), request.keys, request).map(strip));
  }

  requests(request: RequestsRequest): Promise<RequestsPage> {
    this.calls.requests++;
    let groups = groupRows(this.index, this.rows(request), request.path.map((s) => s.column), { failuresOnly: request.failuresOnly });
    let leaf: RowGroup | undefined;
    for (const step of request.path) {
      leaf = groups.find((g) => g.value === step.value);
      groups = leaf?.children ?? [];
    }
    const rows = [...(leaf?.rows ?? [])];
    return Promise.resolve({ total: rows.length, rows: rows.slice(request.offset, request.offset + request.limit).map((r) => this.figures(r)) });
  }

  findRequest(requestId: string): Promise<RequestFigures | undefined> {
    const [row] = this.index.findId(requestId);
    return Promise.resolve(row === undefined ? undefined : this.figures(row));
  }

  record(row: number): Promise<Readonly<Record<string, unknown>>> {
    return this.readRecord ? this.readRecord(row) : Promise.resolve({ ...this.figures(row) });
  }

  /** The summary of a row, as the engine gives it. */
  figures(row: number): RequestFigures {
    const i = this.index;
    return {
      row, line: i.lineOf(row), time: i.num('time', row), requestId: i.id('requestId', row), httpMethod: i.str('httpMethod', row),
      path: i.str('path', row), statusCode: i.str('statusCode', row), errorCode: i.str('errorCode', row),
      totalLatency: i.num('totalLatency', row), apiName: i.str('apiName', row), apiGroupName: i.str('apiGroupName', row),
    };
  }

  private rows(filter: TreeFilter): Uint32Array {
    const parsed = parseQuery(filter.query);
    if (!parsed.ok) throw Object.assign(new Error(parsed.error.message), { queryError: parsed.error });
    return filterRows(this.index, parsed.ast);
  }
}

function strip(group: RowGroup): GroupData {
  const { column, value, count, failures, p95 } = group;
  return group.children ? { column, value, count, failures, p95, children: group.children.map(strip) } : { column, value, count, failures, p95 };
}
