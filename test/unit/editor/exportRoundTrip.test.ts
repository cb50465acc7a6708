import { strict as assert } from 'node:assert';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS, generateFile } from '../../../scripts/generator/file';
import { LogEngine } from '../../../src/core/engine/logEngine';
import { exportRows, jsonLines } from '../../../src/editor/exporter';
import { buildWorkerBundle, type WorkerBundle } from '../engine/workerBundle';

describe('export round trip (real engine, generated file)', function () {
  this.timeout(120_000);
  let bundle: WorkerBundle;
  let engine: LogEngine;
  let source: string[];

  before(async () => {
    bundle = buildWorkerBundle();
    const path = join(bundle.tempDir, 'gen.jsonl');
    await generateFile({ ...DEFAULTS, records: 20_000, format: 'jsonl', out: path });
    source = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
    engine = LogEngine.open(path, { workerPath: bundle.workerPath, tempDir: bundle.tempDir, parallelism: 1 });
    assert.equal((await engine.ready).records, source.length);
  });
  after(() => {
    engine.dispose();
    bundle.cleanup();
  });

  const exportTo = async (name: string, query: string, extra: { batchRows?: number; cancelAfter?: number } = {}): Promise<{ written: number; lines: string[]; progress: number[] }> => {
    const out = join(bundle.tempDir, name);
    const progress: number[] = [];
    const written = await exportRows(engine, {
      query, format: 'jsonl', columns: [], out: createWriteStream(out), batchRows: extra.batchRows,
      onProgress: (w) => progress.push(w), isCancelled: () => extra.cancelAfter !== undefined && progress.length >= extra.cancelAfter,
    });
    const text = readFileSync(out, 'utf8');
    assert.ok(text === '' || text.endsWith('\n'));
    return { written, lines: text.split('\n').slice(0, -1), progress };
  };

  it('writes every record of a query byte for byte, in order, as the one-record-at-a-time export did', async () => {
    const page = await engine.query({ query: 'statusCode >= 400', offset: 0, limit: source.length });
    assert.ok(page.total > 100 && page.total < source.length, `filter keeps some rows (${page.total})`);
    const { written, lines, progress } = await exportTo('filtered.jsonl', 'statusCode >= 400', { batchRows: 700 });
    assert.equal(written, page.total);
    assert.deepEqual(lines, page.rows.map((r) => source[r.row]));
    assert.equal(progress.at(-1), page.total);
    assert.equal(progress.length, Math.ceil(page.total / 700));
    for (const row of [page.rows[0].row, page.rows.at(-1)!.row]) {
      const old = JSON.stringify((await engine.record(row)).fields);
      assert.equal(lines[page.rows.findIndex((r) => r.row === row)], old, 'same text as JSON.stringify of the parsed record');
    }
  });

  it('exports all rows and stops after the batch in which it was cancelled', async () => {
    const all = await exportTo('all.jsonl', '');
    assert.equal(all.written, source.length);
    assert.deepEqual(all.lines, source);
    const cut = await exportTo('cut.jsonl', '', { batchRows: 3000, cancelAfter: 2 });
    assert.equal(cut.written, 6000);
    assert.deepEqual(cut.lines, source.slice(0, 6000));
  });

  it('writes records that are not verbatim as JSON of their fields, unreadable ones with their text', () => {
    const text = '{"a":1}\n{"b":"x"}\n{"c":2}\nbad\n';
    const ends = Uint32Array.from([8, 18, 26, 30]);
    const out = jsonLines({
      total: 4, rows: [0, 1, 2, 3], bytes: Buffer.from(text), ends, verbatim: Uint8Array.from([1, 0, 1, 0]),
      fields: [undefined, { b: 'y' }, undefined, undefined],
    });
    assert.equal(out.toString(), '{"a":1}\n{"b":"y"}\n{"c":2}\n{"unreadable":"bad"}\n');
  });
});
