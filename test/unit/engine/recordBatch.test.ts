import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LogEngine } from '../../../src/core/engine/logEngine';
import type { RecordBatch } from '../../../src/core/engine/protocol';
import type { EngineState } from '../../../src/core/engine/engineState';
import { isCopyableJson, rowsWithinBytes } from '../../../src/core/engine/recordBatch';
import { buildWorkerBundle, type WorkerBundle } from './workerBundle';

/** A record line; `i` varies the fields and the size (bodies up to ~40 KB, so some rows are far apart). */
function line(i: number): string {
  return JSON.stringify({
    apiName: `api${i % 4}`, statusCode: String(i % 6 === 0 ? 503 : 200), requestId: `95657ED9-2F6F-426F-BD99-${i.toString(16).toUpperCase().padStart(12, '0')}`,
    totalLatency: String(i * 7), responseBody: `{"n":${i},"s":"${'é"\\'.repeat(i % 9 === 0 ? 9000 : 3)}"}`, extraField: i % 5 === 0 ? 1e21 : i,
  });
}

/** Row i's bytes (line feed removed) and, for a verbatim row, its parsed bytes, else its fields. */
function rowOf(batch: RecordBatch, i: number): { text: string; fields: unknown } {
  const bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const start = i === 0 ? 0 : batch.ends[i - 1];
  assert.equal(bytes[batch.ends[i] - 1], 10, 'each record is followed by a line feed');
  const text = bytes.toString('utf8', start, batch.ends[i] - 1);
  return { text, fields: batch.verbatim[i] === 1 ? JSON.parse(text) : batch.fields[i] };
}

describe('LogEngine.recordsBatch (real worker)', function () {
  this.timeout(60_000);
  let bundle: WorkerBundle;
  let engine: LogEngine;
  let count = 0;

  before(async () => {
    bundle = buildWorkerBundle();
    const path = join(bundle.tempDir, 'batch.jsonl');
    const lines = Array.from({ length: 300 }, (_, i) => line(i));
    lines[10] = lines[10].replace('\\"n\\":10', '\\"n\\":10\u0001'); // raw control character in a body: indexed, not JSON as it stands
    lines[11] = lines[11].replace('\\"n\\":11', '\\"n\\":\\q11'); // a bad escape inside a skipped body
    lines[12] = ` ${lines[12]}\r`; // leading blank and CRLF
    lines[13] = lines[13].replace('\\"n\\":13', '\\"n\\":\\u00e9\\/13'); // valid escapes: copied as they are
    lines.splice(40, 0, 'not a record', '');
    writeFileSync(path, `\ufeff${lines.join('\n')}`); // a BOM, and a torn last line (no final newline)
    engine = LogEngine.open(path, { workerPath: bundle.workerPath, tempDir: bundle.tempDir, parallelism: 1 });
    count = (await engine.ready).records;
  });
  after(() => {
    engine.dispose();
    bundle.cleanup();
  });

  it('answers the same records as record(row) for random row sets, in the order asked', async () => {
    assert.equal(count, 300);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.nat(count - 1), { minLength: 1, maxLength: 60 }), fc.constantFrom('raw' as const, 'fields' as const),
      async (picked, mode) => {
        const rows = [...picked, count - 1];
        const batch = await engine.recordsBatch({ rows, mode });
        assert.deepEqual(batch.rows, rows);
        assert.equal(batch.total, rows.length);
        for (let i = 0; i < rows.length; i++) {
          const single = await engine.record(rows[i]);
          const got = rowOf(batch, i);
          assert.equal(got.text, single.text, `row ${rows[i]} bytes`);
          assert.deepEqual(got.fields, single.fields, `row ${rows[i]} fields`);
          if (mode === 'fields') assert.equal(batch.verbatim[i], 0);
        }
      },
    ), { numRuns: 40, seed: 7 });
  });

  it('copies valid records verbatim and parses the others', async () => {
    const batch = await engine.recordsBatch({ rows: [9, 10, 11, 12, 13, 14, 299], mode: 'raw' });
    assert.deepEqual(Array.from(batch.verbatim), [1, 0, 0, 0, 1, 1, 1]);
    assert.match(String(batch.fields[1]?.responseBody), /10\u0001/, 'a raw control character is parsed leniently, as with record()');
    assert.equal(batch.fields[2], undefined, 'the bad escape in row 11 does not parse, as with record()');
    assert.equal((batch.fields[3] as { totalLatency?: string }).totalLatency, '84');
    assert.ok(rowOf(batch, 4).text.includes('\\u00e9\\/13'), 'escapes kept as written');
  });

  it('pages a query like query() does, and leaves out rows that do not exist', async () => {
    const page = await engine.query({ query: 'statusCode >= 500', offset: 5, limit: 20, sort: { column: 'totalLatency', descending: true } });
    const batch = await engine.recordsBatch({ query: 'statusCode >= 500', offset: 5, limit: 20, sort: { column: 'totalLatency', descending: true }, mode: 'raw' });
    assert.equal(batch.total, page.total);
    assert.deepEqual(batch.rows, page.rows.map((r) => r.row));
    const missing = await engine.recordsBatch({ rows: [-1, count, 2.5, 3], mode: 'raw' });
    assert.deepEqual(missing.rows, [3]);
  });

  it('parses records of other formats (CSV) into fields, never verbatim', async () => {
    const path = join(bundle.tempDir, 'batch.csv');
    writeFileSync(path, 'apiName,statusCode,totalLatency\nA,200,5\n"B,""x""",503,7\nC,404,9\n');
    const csv = LogEngine.open(path, { workerPath: bundle.workerPath, tempDir: bundle.tempDir, parallelism: 1 });
    try {
      await csv.ready;
      const batch = await csv.recordsBatch({ rows: [2, 0, 1], mode: 'raw' });
      assert.deepEqual(Array.from(batch.verbatim), [0, 0, 0]);
      for (let i = 0; i < 3; i++) assert.deepEqual(batch.fields[i], (await csv.record(batch.rows[i])).fields);
      assert.equal((batch.fields[2] as { apiName: string }).apiName, 'B,"x"');
    } finally {
      csv.dispose();
    }
  });
});

describe('isCopyableJson', () => {
  const ok = (s: string): boolean => isCopyableJson(Buffer.from(s), 0, Buffer.byteLength(s));
  it('accepts objects with valid escapes and rejects control characters and bad escapes', () => {
    assert.equal(ok('{"a":"x\\"y\\\\\\/\\b\\f\\n\\r\\t\\u00E9"}'), true);
    assert.equal(ok('{"a":"long text without anything odd in it at all, really"}'), true);
    assert.equal(ok('{"a":"tab\there"}'), false);
    assert.equal(ok(`{"a":"${'x'.repeat(37)}\u001f${'y'.repeat(21)}"}`), false);
    assert.equal(ok('{"a":"\\x"}'), false);
    assert.equal(ok('{"a":"\\u12G4"}'), false);
    assert.equal(ok('{"a":"\\u12"}'), false);
    assert.equal(ok('["a"]'), false);
    assert.equal(ok(' {"a":1}'), false);
  });
});

describe('rowsWithinBytes', () => {
  it('cuts a batch at the byte limit, keeping at least one row', () => {
    const state = { index: { location: (row: number) => ({ line: row + 1, offset: row * 100, length: row === 0 ? 500 : 9 }) } } as unknown as EngineState;
    assert.deepEqual(rowsWithinBytes(state, [1, 2, 3, 4], 30), [1, 2, 3]);
    assert.deepEqual(rowsWithinBytes(state, [0, 1], 30), [0]);
    assert.deepEqual(rowsWithinBytes(state, [1, 2], 30), [1, 2]);
  });
});
