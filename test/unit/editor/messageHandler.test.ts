import { strict as assert } from 'node:assert';
import type { HostToWebview, WebviewToHost } from '../../../src/shared/protocol';
import { MessageHandler, type HostServices } from '../../../src/editor/messageHandler';
import { FakeEngine } from './fakeEngine';

const records = [
  { requestId: 'AAAAAAAA-0000-0000-0000-000000000001', apiName: 'GetUser', statusCode: '200', totalLatency: 12, requestHandleTime: '2022-10-29T03:59:59Z', domain: 'api.example.com', path: '/v1/users/1', httpMethod: 'GET' },
  { requestId: 'AAAAAAAA-0000-0000-0000-000000000002', apiName: 'Login', statusCode: '500', errorCode: 'D504TO', totalLatency: 3000, initialRequestId: 'AAAAAAAA-0000-0000-0000-000000000001', path: '/<script>alert(1)</script>' },
];

function setup() {
  const engine = new FakeEngine(records);
  const calls: string[] = [];
  const services: HostServices = {
    copy: async (text, what) => { calls.push(`copy:${what}:${text.length}`); },
    fetchLog: async (id) => { calls.push(`fetch:${id}`); },
    openSource: async (line) => { calls.push(`open:${line}`); },
    exportRows: async (_f, _s, format) => { calls.push(`export:${format}`); return { written: 2 }; },
    setFollow: async (on) => on,
  };
  return { engine, calls, handler: new MessageHandler(() => engine, services) };
}

let seq = 0;
async function ask(handler: MessageHandler, method: string, params: unknown): Promise<Extract<HostToWebview, { type: 'response' }>> {
  const answer = await handler.handle({ type: 'request', seq: ++seq, method, params } as WebviewToHost);
  assert.ok(answer, 'a request gets an answer');
  assert.equal(answer.seq, seq);
  return answer;
}

function ok(answer: Extract<HostToWebview, { type: 'response' }>): unknown {
  assert.equal(answer.ok, true, answer.ok ? '' : answer.error);
  return (answer as { result: unknown }).result;
}

describe('explorer message handler', () => {
  it('answers a page of rows with cells by column id', async () => {
    const { handler } = setup();
    const result = ok(await ask(handler, 'rows', { filter: { query: '' }, offset: 1, limit: 5 })) as { ok: true; total: number; rows: { row: number; cells: Record<string, unknown> }[] };
    assert.equal(result.total, 2);
    assert.equal(result.rows.length, 1);
    assert.equal(result.rows[0].row, 1);
    assert.equal(result.rows[0].cells.path, '/<script>alert(1)</script>');
    assert.equal(result.rows[0].cells.totalLatency, 3000);
    assert.equal(result.rows[0].cells.clientIp, '');
    assert.equal(result.rows[0].cells.responseSize, null);
  });

  it('places a query error on the user text even with a time range added', async () => {
    const { handler, engine } = setup();
    const result = ok(await ask(handler, 'rows', { filter: { query: 'a (((', range: { from: 1000, to: 2000 } }, offset: 0, limit: 10 })) as { ok: false; error: { position: number; length: number } };
    assert.equal(result.ok, false);
    assert.equal(result.error.position, 2);
    assert.equal(result.error.length, 3);
    assert.match(engine.queries[0], /^__time__ >= 1000 and __time__ < 2000 and \(a \(\(\(\)$/);
  });

  it('answers the histogram, facets and dashboard', async () => {
    const { handler } = setup();
    const hist = ok(await ask(handler, 'histogram', { filter: { query: 'Login' }, buckets: 10 })) as { ok: true; total: number; buckets: { end: number }[] };
    assert.equal(hist.total, 1);
    assert.equal(hist.buckets[0].end, 60_000);
    const facets = ok(await ask(handler, 'facets', { filter: { query: '' }, topN: 5 })) as { column: string; values: { value: string; count: number }[] }[];
    assert.equal(facets.find((f) => f.column === 'apiName')?.values.length, 2);
    assert.equal(facets.length, 8);
    const dash = ok(await ask(handler, 'dashboard', { filter: { query: '' }, buckets: 10 })) as { ok: true; data: { total: number; slowestRequests: { requestId: string; latency: number }[]; topApis: { name: string }[] } };
    assert.equal(dash.data.total, 2);
    assert.equal(dash.data.topApis[0].name, 'GetUser');
    assert.equal(dash.data.slowestRequests[1].latency, 3000);
  });

  it('builds a decoded detail with the initial request row and a curl command', async () => {
    const { handler } = setup();
    const d = ok(await ask(handler, 'detail', { row: 1 })) as { initialRow: number; fields: { name: string; decoded?: string }[]; waterfall?: { phases: unknown[] } };
    assert.equal(d.initialRow, 0);
    assert.ok(d.fields.find((f) => f.name === 'statusCode')?.decoded);
    assert.ok(d.waterfall && d.waterfall.phases.length > 0);
    const first = ok(await ask(handler, 'detail', { row: 0 })) as { curl: string };
    assert.match(first.curl, /^# Logged bodies are cut at 1024 bytes/);
    assert.match(first.curl, /curl -X 'GET' 'https:\/\/api\.example\.com\/v1\/users\/1'/);
  });

  it('routes actions to the services and maps sorts to index columns', async () => {
    const { handler, calls, engine } = setup();
    ok(await ask(handler, 'copy', { text: 'abc', what: 'JSON' }));
    ok(await ask(handler, 'fetchLog', { requestId: 'X' }));
    ok(await ask(handler, 'openSource', { row: 1 }));
    assert.deepEqual(ok(await ask(handler, 'export', { filter: { query: '' }, format: 'csv', columns: [] })), { written: 2 });
    assert.deepEqual(ok(await ask(handler, 'setFollow', { on: true })), { following: true });
    assert.deepEqual(calls, ['copy:JSON:3', 'fetch:X', 'open:2', 'export:csv']);
    assert.deepEqual(ok(await ask(handler, 'findRequest', { requestId: records[1].requestId })), { row: 1 });
    ok(await ask(handler, 'rows', { filter: { query: '' }, sort: { column: 'statusCode', dir: 'desc' }, offset: 0, limit: 1 }));
    ok(await ask(handler, 'rows', { filter: { query: '' }, sort: { column: 'requestId', dir: 'asc' }, offset: 0, limit: 1 }));
    assert.deepEqual(engine.sorts, [{ column: 'status', descending: true }, undefined]);
  });

  it('completes field names from the catalog and values from the engine', async () => {
    const { handler } = setup();
    const names = ok(await ask(handler, 'complete', { text: 'status:200 and apiN', cursor: 19 })) as { label: string; insert: string; from: number; to: number; kind: string }[];
    const apiName = names.find((n) => n.label === 'apiName');
    assert.deepEqual(apiName && { insert: apiName.insert, from: apiName.from, to: apiName.to, kind: apiName.kind }, { insert: 'apiName:', from: 15, to: 19, kind: 'field' });
    const values = ok(await ask(handler, 'complete', { text: 'api:lo', cursor: 6 })) as { label: string; insert: string; from: number; to: number }[];
    assert.deepEqual(values.map((v) => [v.label, v.from, v.to]), [['Login', 4, 6]]);
  });

  it('gives facet values and dashboard entries the clause that selects them', async () => {
    const { handler } = setup();
    const facets = ok(await ask(handler, 'facets', { filter: { query: '' }, topN: 5 })) as { column: string; values: { value: string; clause: string }[] }[];
    const paths = facets.find((f) => f.column === 'apiName')!.values.map((v) => v.clause);
    assert.deepEqual(paths.sort(), ['apiName:GetUser', 'apiName:Login']);
    const dash = ok(await ask(handler, 'dashboard', { filter: { query: '' }, buckets: 10 })) as { data: { topApis: { clause?: string }[] } };
    assert.equal(dash.data.topApis[0].clause, 'apiName:GetUser');
  });

  it('turns a failure into an error response and ignores ready', async () => {
    const { handler } = setup();
    const answer = await ask(handler, 'detail', { row: 99 });
    assert.equal(answer.ok, false);
    assert.match((answer as { error: string }).error, /no row 99/);
    assert.equal(await handler.handle({ type: 'ready' }), undefined);
  });
});
