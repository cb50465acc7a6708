import { strict as assert } from 'node:assert';
import { EngineQueryError, type LogEngine } from '../../../src/core/engine/logEngine';
import type { EngineCalls, IndexProgress } from '../../../src/core/engine/protocol';
import { rowSummary } from '../../../src/core/engine/rowReader';
import { parseQuery } from '../../../src/core/query/parser';
import { filterRows } from '../../../src/core/query/evaluate';
import { groupRows, type RowGroup } from '../../../src/core/stats/groupRows';
import { engineBackend } from '../../../src/tree/engineBackend';
import { buildSyntheticIndex } from '../stats/syntheticIndex';

const index = buildSyntheticIndex(3000, 3);

/** The engine calls the backend makes, answered over an in-memory index; records each groups call's row limit. */
function fakeEngine() {
  const groupCalls: number[] = [];
  const progress = new Set<(p: IndexProgress) => void>();
  const engine = {
    ready: Promise.resolve({ records: index.count, bytes: 1000 }),
    onProgress: (listener: (p: IndexProgress) => void) => {
      progress.add(listener);
      return { dispose: () => progress.delete(listener) };
    },
    groups: (q: EngineCalls['groups']['params']) => {
      groupCalls.push(q.rowLimit ?? 200);
      const parsed = parseQuery(q.query);
      if (!parsed.ok) return Promise.reject(new EngineQueryError('bad query', parsed.error));
      const convert = (g: RowGroup): unknown => ({ ...g, p95: g.p95, children: g.children?.map(convert), rows: g.rows ? [...g.rows.subarray(0, q.rowLimit)] : undefined });
      return Promise.resolve({ groups: groupRows(index, filterRows(index, parsed.ast), q.keys, q).map(convert), complete: true, indexed: index.count });
    },
    rows: (rows: number[]) => Promise.resolve(rows.map((r) => rowSummary(index, r))),
    findRequestId: (id: string) => Promise.resolve(index.findId(id).map((r) => rowSummary(index, r))),
    record: (row: number) => Promise.resolve({ row, fields: { requestId: index.id('requestId', row) } }),
  };
  return { engine: engine as unknown as LogEngine, groupCalls, progress };
}

describe('engineBackend', () => {
  it('answers groups from the engine with their counts and p95', async () => {
    const { engine } = fakeEngine();
    const backend = engineBackend(engine);
    await backend.ready;
    assert.equal(backend.state().complete, true);
    const groups = await backend.groups({ query: '', failuresOnly: false, keys: ['statusCode'], sort: 'count' });
    assert.equal(groups.reduce((s, g) => s + g.count, 0), index.count);
    assert.ok(groups.every((g) => typeof g.p95 === 'number'));
    assert.equal(groups[0].children, undefined);
  });

  it('pages a group from the rows of the last groups call, asking again only past them', async () => {
    const { engine, groupCalls } = fakeEngine();
    const backend = engineBackend(engine);
    const [big] = await backend.groups({ query: '', failuresOnly: false, keys: ['statusCode'], sort: 'count' });
    const path = [{ column: big.column, value: big.value }];
    const first = await backend.requests({ query: '', failuresOnly: false, path, offset: 0, limit: 100 });
    assert.equal(first.total, big.count);
    assert.equal(first.rows.length, 100);
    assert.deepEqual(groupCalls, [100], 'the first page came with the groups');
    const second = await backend.requests({ query: '', failuresOnly: false, path, offset: 100, limit: 100 });
    assert.equal(second.rows.length, 100);
    assert.ok(second.rows[0].row > first.rows[99].row, 'continues in log order');
    assert.equal(groupCalls.length, 2);
    assert.ok(groupCalls[1] >= 200);
    for (const r of second.rows) assert.equal(String(r.statusCode), big.value);
  });

  it('turns the engine query error into the tree\'s shape', async () => {
    const { engine } = fakeEngine();
    await assert.rejects(engineBackend(engine).groups({ query: 'status:(', failuresOnly: false, keys: ['apiName'], sort: 'count' }),
      (e: { queryError?: { position: number } }) => typeof e.queryError?.position === 'number');
  });

  it('finds a request by ID and reads its record', async () => {
    const { engine } = fakeEngine();
    const backend = engineBackend(engine);
    const id = index.id('requestId', 42);
    const found = await backend.findRequest(` ${id} `);
    assert.equal(found?.row, 42);
    assert.equal(found?.line, 43);
    assert.equal((await backend.record(42)).requestId, id);
    assert.equal(await backend.findRequest('NOPE'), undefined);
  });

  it('reports progress while indexing', () => {
    const { engine, progress } = fakeEngine();
    const backend = engineBackend(engine);
    const seen: number[] = [];
    const stop = backend.onProgress((s) => seen.push(s.records));
    for (const p of progress) p({ phase: 'indexing', bytesRead: 10, bytesTotal: 100, records: 7, problems: 0 });
    stop();
    assert.deepEqual(seen, [7]);
    assert.equal(backend.state().records, 7);
  });
});
