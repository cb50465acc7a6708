import { strict as assert } from 'node:assert';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LogEngine, EngineQueryError } from '../../../src/core/engine/logEngine';
import type { IndexProgress } from '../../../src/core/engine/protocol';
import { buildWorkerBundle, type WorkerBundle } from './workerBundle';

/** A record line; `i` varies the fields. */
function record(i: number, extra: Record<string, unknown> = {}): string {
  const hex = i.toString(16).toUpperCase().padStart(12, '0');
  return JSON.stringify({
    apiName: `api${i % 3}`, statusCode: String(i % 5 === 0 ? 503 : 200), errorCode: i % 5 === 0 ? 'X503BZ' : 'OK',
    requestId: `95657ED9-2F6F-426F-BD99-${hex}`, totalLatency: String(10 * i), requestHandleTime: '2024-11-13T07:59:59Z',
    responseBody: `{"n":${i},"text":"line \\"${i}\\""}`, requestHeaders: 'host: x\nuser-agent: y', ...extra,
  });
}

describe('LogEngine (real worker)', function () {
  this.timeout(60_000);
  let bundle: WorkerBundle;
  const engines: LogEngine[] = [];
  const open = (path: string, parallelism = 2): LogEngine => {
    const engine = LogEngine.open(path, { workerPath: bundle.workerPath, tempDir: bundle.tempDir, parallelism, minRangeBytes: 1 << 20 });
    engines.push(engine);
    return engine;
  };

  before(() => {
    bundle = buildWorkerBundle();
  });
  afterEach(() => {
    for (const e of engines.splice(0)) e.dispose();
  });
  after(() => bundle.cleanup());

  it('indexes a file, answers queries, and reads a record back with its bodies', async () => {
    const path = join(bundle.tempDir, 'small.jsonl');
    writeFileSync(path, Array.from({ length: 50 }, (_, i) => record(i)).join('\n') + '\nnot a record\n');
    const engine = open(path);
    const progress: IndexProgress[] = [];
    engine.onProgress((p) => progress.push(p));
    const summary = await engine.ready;
    assert.equal(summary.records, 50);
    assert.equal(summary.problems, 1);
    assert.equal(summary.firstProblems[0].line, 51);
    assert.equal(progress.at(-1)?.phase, 'done');
    const page = await engine.query({ query: 'statusCode >= 500', offset: 1, limit: 2 });
    assert.equal(page.total, 10);
    assert.deepEqual(page.rows.map((r) => r.row), [5, 10]);
    assert.equal(page.rows[0].errorCode, 'X503BZ');
    assert.equal(page.complete, true);
    const detail = await engine.record(7);
    assert.equal(detail.line, 8);
    assert.equal(detail.fields?.responseBody, '{"n":7,"text":"line \\"7\\""}');
    assert.equal(detail.fields?.requestHeaders, 'host: x\nuser-agent: y');
    const found = await engine.findRequestId('95657ed9-2f6f-426f-bd99-000000000007');
    assert.deepEqual(found.map((r) => r.row), [7]);
    const sorted = await engine.query({ query: '', offset: 0, limit: 1, sort: { column: 'totalLatency', descending: true } });
    assert.equal(sorted.rows[0].totalLatency, 490);
  });

  it('answers stats, facets and groups', async () => {
    const path = join(bundle.tempDir, 'stats.jsonl');
    writeFileSync(path, Array.from({ length: 30 }, (_, i) => record(i)).join('\n') + '\n');
    const engine = open(path);
    await engine.ready;
    const stats = await engine.stats({ query: 'apiName:api1' });
    assert.equal(stats.total, 10);
    const { facets } = await engine.facets({ query: '', columns: ['apiName'], topN: 2 });
    assert.equal(facets[0].values.length, 2);
    const { groups } = await engine.groups({ query: '', keys: ['apiName', 'statusCode'], rowLimit: 2 });
    const api0 = groups.find((g) => g.value === 'api0')!;
    assert.equal(api0.count, 10);
    assert.ok(api0.children!.every((c) => c.rows!.length <= 2));
  });

  it('splits a file across index workers with the same answers as one worker', async () => {
    const path = join(bundle.tempDir, 'split.jsonl');
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 997 === 5 ? '{broken' : record(i)));
    writeFileSync(path, '\uFEFF' + lines.join('\r\n') + '\r\n{"apiName":"last"}');
    const one = open(path, 1);
    const two = open(path, 4);
    const interleaved = open(path, 2);
    const [a, b, c] = await Promise.all([one.ready, two.ready, interleaved.ready]);
    assert.ok(a.bytes > 4 << 20);
    assert.equal(a.records, 20_000 - 21 + 1);
    assert.deepEqual(a.firstProblems.map((p) => p.line).slice(0, 3), [6, 1003, 2000]);
    const same = { buildMs: 0, indexBytes: 0, timings: { ownRangeMs: 0, otherRangesMs: 0, mergeMs: 0 } };
    assert.deepEqual({ ...b, ...same }, { ...a, ...same });
    assert.deepEqual({ ...c, ...same }, { ...a, ...same });
    assert.deepEqual(await interleaved.rows([3_500, 19_979]), await one.rows([3_500, 19_979]));
    const rows = [0, 1, 7_000, 12_345, 19_979];
    assert.deepEqual(await two.rows(rows), await one.rows(rows));
    assert.equal((await two.rows([19_979]))[0].apiName, 'last');
    assert.deepEqual((await two.record(15_000)).fields, (await one.record(15_000)).fields);
    const query = { query: 'statusCode >= 500 and totalLatency > 1000', offset: 0, limit: 5000 };
    assert.deepEqual(await two.query(query), await one.query(query));
  });

  it('follows a growing file, re-reading a torn last line once it completes', async () => {
    const path = join(bundle.tempDir, 'grow.jsonl');
    const torn = record(2);
    writeFileSync(path, `${record(0)}\n${record(1)}\n${torn.slice(0, 20)}`);
    const engine = open(path);
    const summary = await engine.ready;
    assert.equal(summary.records, 2);
    assert.equal(summary.problems, 1);
    appendFileSync(path, `${torn.slice(20)}\n${record(3)}\n`);
    const grown = await engine.append();
    assert.deepEqual(grown, { records: 4, added: 2, problems: 0 });
    const rows = await engine.rows([2, 3]);
    assert.deepEqual(rows.map((r) => [r.line, r.apiName]), [[3, 'api2'], [4, 'api0']]);
    assert.deepEqual((await engine.append()).added, 0);
  });

  it('reads gzip input through a decompressed copy', async () => {
    const path = join(bundle.tempDir, 'logs.jsonl.gz');
    writeFileSync(path, gzipSync(Array.from({ length: 20 }, (_, i) => record(i)).join('\n') + '\n'));
    const engine = open(path);
    const summary = await engine.ready;
    assert.equal(summary.gzip, true);
    assert.equal(summary.records, 20);
    assert.match(String((await engine.record(19)).fields?.responseBody), /"n":19/);
  });

  it('reads JSON arrays, QueryRequestLogs responses and CSV through the format readers', async () => {
    const records = Array.from({ length: 5 }, (_, i) => JSON.parse(record(i)) as Record<string, unknown>);
    const files: [string, string][] = [
      ['array.json', JSON.stringify(records, null, 2)],
      ['response.json', JSON.stringify({ RequestId: 'X', RequestLogs: { RequestLog: records.map((r) => ({ ApiName: r.apiName, StatusCode: r.statusCode })) } })],
      ['table.csv', 'apiName,statusCode,totalLatency\r\napi0,200,5\r\n"api,1",503,7\r\n'],
    ];
    const answers = [];
    for (const [name, text] of files) {
      const path = join(bundle.tempDir, name);
      writeFileSync(path, text);
      const engine = open(path);
      const summary = await engine.ready;
      const page = await engine.query({ query: 'statusCode >= 500', offset: 0, limit: 5 });
      answers.push([summary.format, summary.records, page.total, (await engine.record(page.rows[0].row)).fields?.[name === 'response.json' ? 'ApiName' : 'apiName']]);
    }
    assert.deepEqual(answers, [['jsonArray', 5, 1, 'api0'], ['queryResponse', 5, 1, 'api0'], ['csv', 2, 1, 'api,1']]);
  });

  it('copes with an empty file, a file of junk, and a missing file', async () => {
    const empty = join(bundle.tempDir, 'empty.jsonl');
    const junk = join(bundle.tempDir, 'junk.log');
    writeFileSync(empty, '');
    writeFileSync(junk, Buffer.from([0, 255, 10, 1, 2, 3, 10, 0x7b, 10]));
    const [a, b] = await Promise.all([open(empty).ready, open(junk).ready]);
    assert.deepEqual([a.records, a.problems, b.records, b.problems], [0, 0, 0, 3]);
    await assert.rejects(open(join(bundle.tempDir, 'missing.jsonl')).ready, /ENOENT/);
  });

  it('rejects a query that does not parse with its position', async () => {
    const path = join(bundle.tempDir, 'q.jsonl');
    writeFileSync(path, record(1) + '\n');
    const engine = open(path);
    await engine.ready;
    await assert.rejects(engine.query({ query: 'statusCode >= ', offset: 0, limit: 1 }), (e: unknown) => e instanceof EngineQueryError && e.detail.position >= 0);
  });

  it('cancels a build: ready rejects and queries answer over what was indexed', async () => {
    const path = join(bundle.tempDir, 'cancel.jsonl');
    writeFileSync(path, Array.from({ length: 200_000 }, (_, i) => record(i)).join('\n') + '\n');
    const engine = open(path, 1);
    const first = await new Promise<IndexProgress>((resolve) => engine.onProgress(resolve));
    assert.equal(first.phase, 'indexing');
    assert.deepEqual(await engine.cancel(), { cancelled: true });
    await assert.rejects(engine.ready, /cancelled/);
    const page = await engine.query({ query: '', offset: 0, limit: 1 });
    assert.ok(page.indexed < 200_000);
    assert.equal(page.rows[0]?.apiName, 'api0');
  });

  it('rejects pending calls and ready when the worker dies', async () => {
    const path = join(bundle.tempDir, 'crash.jsonl');
    writeFileSync(path, Array.from({ length: 200_000 }, (_, i) => record(i)).join('\n') + '\n');
    const engine = open(path, 1);
    const pending = engine.query({ query: 'apiName:api1', offset: 0, limit: 1 });
    (engine as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate().catch(() => undefined);
    await assert.rejects(pending, /stopped/);
    await assert.rejects(engine.ready, /stopped/);
    await assert.rejects(engine.summary(), /stopped/);
  });
});
