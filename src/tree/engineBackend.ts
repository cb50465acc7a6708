/**
 * Adapts the core's LogEngine to the tree's backend: groups are computed in the engine's worker;
 * a last-level group's requests are paged from the row numbers the groups call returns (asked again
 * with a larger row limit when the user pages past them) and summarized by the engine's `rows` call.
 */
import type { DictColumn } from '../core/fields/ids';
import { EngineQueryError, type LogEngine } from '../core/engine/logEngine';
import type { GroupNode as EngineGroup, IndexProgress, RowSummary } from '../core/engine/protocol';
import type { GroupSort } from '../core/stats/groupRows';
import type { GroupData, GroupsRequest, IndexState, RequestsPage, RequestsRequest, TreeBackend } from './backend';
import type { RequestFigures } from './labels';
import { PAGE_SIZE } from './nodes';

const backends = new WeakMap<LogEngine, EngineBackend>();

/** The tree backend of an engine (one per engine, so its caches are shared by every model). */
export function engineBackend(engine: LogEngine): TreeBackend {
  let backend = backends.get(engine);
  if (!backend) {
    backend = new EngineBackend(engine);
    backends.set(engine, backend);
  }
  return backend;
}

/** One groups call: for which filter and keys, with how many rows per last-level group. */
interface GroupsAnswer {
  readonly filterKey: string;
  readonly sort: GroupSort;
  readonly rowLimit: number;
  readonly groups: Promise<EngineGroup[]>;
}

/** The adapter. */
class EngineBackend implements TreeBackend {
  readonly ready: Promise<void>;
  private indexState: IndexState = { records: 0, bytesRead: 0, totalBytes: 0, complete: false };
  /** The last groups call (always fresh for groups(); reused by requests() while it has the rows wanted). */
  private last: GroupsAnswer | undefined;

  constructor(private readonly engine: LogEngine) {
    engine.onProgress((p) => (this.indexState = stateOf(p)));
    this.ready = engine.ready.then(
      (s) => {
        this.indexState = { records: s.records, bytesRead: s.bytes, totalBytes: s.bytes, complete: true };
      },
      (e: unknown) => {
        this.indexState = { ...this.indexState, error: e instanceof Error ? e.message : String(e) };
        throw e;
      },
    );
    this.ready.catch(() => undefined);
  }

  state(): IndexState {
    return this.indexState;
  }

  onProgress(listener: (state: IndexState) => void): () => void {
    const sub = this.engine.onProgress((p) => listener(stateOf(p)));
    return () => sub.dispose();
  }

  async groups(request: GroupsRequest): Promise<readonly GroupData[]> {
    const answer = this.call(filterKeyOf(request.query, request.failuresOnly, request.keys), request, request.sort, PAGE_SIZE);
    return (await answer.groups).map(toGroupData);
  }

  async requests(request: RequestsRequest): Promise<RequestsPage> {
    const keys = request.path.map((s) => s.column);
    const filterKey = filterKeyOf(request.query, request.failuresOnly, keys);
    const wanted = request.offset + request.limit;
    const last = this.last?.filterKey === filterKey ? this.last : undefined;
    let leaf = last && findLeaf(await last.groups, request.path);
    if (!leaf || (leaf.rows?.length ?? 0) < Math.min(wanted, leaf.count)) {
      const rowLimit = Math.max(wanted, 2 * (last?.rowLimit ?? 0));
      leaf = findLeaf(await this.call(filterKey, { ...request, keys }, last?.sort ?? 'count', rowLimit).groups, request.path);
    }
    if (!leaf) return { total: 0, rows: [] };
    const rows = (leaf.rows ?? []).slice(request.offset, wanted);
    const summaries = rows.length > 0 ? await this.engine.rows(rows) : [];
    return { total: leaf.count, rows: summaries.map(toFigures) };
  }

  async findRequest(requestId: string): Promise<RequestFigures | undefined> {
    const id = requestId.trim();
    const rows = await this.engine.findRequestId(id);
    const own = rows.find((r) => r.requestId.toUpperCase() === id.toUpperCase()) ?? rows[0];
    return own && toFigures(own);
  }

  async record(row: number): Promise<Readonly<Record<string, unknown>>> {
    return (await this.engine.record(row)).fields ?? {};
  }

  /** Asks the engine's worker for groups with up to `rowLimit` rows per last-level group; remembers the answer. */
  private call(filterKey: string, filter: { query: string; failuresOnly: boolean; keys: readonly DictColumn[] }, sort: GroupSort, rowLimit: number): GroupsAnswer {
    const groups = this.engine.groups({ query: filter.query, keys: [...filter.keys], failuresOnly: filter.failuresOnly, sort, rowLimit })
      .then((r) => r.groups, rethrowQueryError);
    const answer: GroupsAnswer = { filterKey, sort, rowLimit, groups };
    this.last = answer;
    groups.catch(() => this.last === answer && (this.last = undefined));
    return answer;
  }
}

function filterKeyOf(query: string, failuresOnly: boolean, keys: readonly DictColumn[]): string {
  return JSON.stringify([query, failuresOnly, keys]);
}

/** The tree's query-error shape (`queryError`) from the engine's. */
function rethrowQueryError(e: unknown): never {
  if (e instanceof EngineQueryError) throw Object.assign(new Error(e.detail.message), { queryError: e.detail });
  throw e;
}

function stateOf(p: IndexProgress): IndexState {
  return { records: p.records, bytesRead: p.bytesRead, totalBytes: p.bytesTotal, complete: p.phase === 'done' };
}

function toGroupData(g: EngineGroup): GroupData {
  const base = { column: g.column, value: g.value, count: g.count, failures: g.failures, p95: g.p95 ?? NaN };
  return g.children ? { ...base, children: g.children.map(toGroupData) } : base;
}

function findLeaf(groups: readonly EngineGroup[], path: RequestsRequest['path']): EngineGroup | undefined {
  let list = groups;
  let found: EngineGroup | undefined;
  for (const step of path) {
    found = list.find((g) => g.column === step.column && g.value === step.value);
    if (!found) return undefined;
    list = found.children ?? [];
  }
  return found;
}

/** A row summary as the tree shows it (null numbers become undefined). */
export function toFigures(r: RowSummary): RequestFigures {
  return {
    row: r.row, line: r.line, time: r.time ?? undefined, requestId: r.requestId, httpMethod: r.httpMethod, path: r.path,
    statusCode: r.statusCode, errorCode: r.errorCode, totalLatency: r.totalLatency ?? undefined, apiName: r.apiName, apiGroupName: r.apiGroupName,
  };
}
