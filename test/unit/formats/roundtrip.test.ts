import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { delimitedHeader, delimitedRow, queryResponse, slsJson, type WriteOptions } from '../../../scripts/generator/writers';
import { canonicalFieldId } from '../../../src/core/fields/ids';
import { detectFormat, gunzipChunks } from '../../../src/core/formats/index';
import { fmt, readSplit, readText } from './helpers';
import { generated } from './inputs';

const FULL: WriteOptions = { bodies: true, asciiOnly: false, pythonStyle: false };
const DUMP: WriteOptions = { bodies: true, asciiOnly: true, pythonStyle: true };

async function gunzipAll(chunks: Uint8Array[]): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const c of gunzipChunks(chunks)) out.push(c);
  return Buffer.concat(out);
}

describe('formats: the same records in every shape', () => {
  const recs = generated(200, 99);
  const jsonl = readText(recs.map((r) => slsJson(r, FULL) + '\n').join(''));

  it('JSON lines and CSV parse to the same field values', () => {
    const csv = readText([delimitedHeader(FULL, ','), ...recs.map((r) => delimitedRow(r, FULL, ','))].join('\r\n') + '\r\n');
    assert.equal(csv.format.kind, 'csv');
    assert.equal(csv.problems.length + jsonl.problems.length, 0);
    assert.equal(csv.records.length, recs.length);
    assert.equal(jsonl.records.length, recs.length);
    recs.forEach((_r, i) => {
      for (const col of csv.columns!) assert.equal(csv.records[i].fields[col], String(jsonl.records[i].fields[col]), `record ${i} ${col}`);
    });
  });

  it('pull_log_dump style (\\uXXXX, Python separators) parses to the same values as raw JSON lines', () => {
    const dump = readText(recs.map((r) => slsJson(r, DUMP) + '\n').join(''));
    assert.ok(dump.records.some((r) => /[^\x00-\x7f]/.test(JSON.stringify(r.fields))), 'non-ASCII text present');
    assert.deepEqual(dump.records.map((r) => r.fields), jsonl.records.map((r) => r.fields));
  });

  it('QueryRequestLogs records carry the same values under their PascalCase names', () => {
    const query = readText(queryResponse('A', recs, FULL, true));
    assert.equal(query.format.kind, 'queryResponse');
    query.records.forEach((q, i) => {
      for (const [name, value] of Object.entries(q.fields)) {
        const id = canonicalFieldId(name)!;
        assert.equal(String(value), jsonl.records[i].fields[id], `${name} → ${id}`);
      }
    });
  });
});

describe('formats: gzip', () => {
  const plain = readFileSync(join(__dirname, '../../../samples/access.apigw.log'));

  it('gunzips a stream in small chunks to the original bytes', async () => {
    const gz = gzipSync(plain);
    const chunks = Array.from({ length: Math.ceil(gz.length / 100) }, (_v, i) => gz.subarray(i * 100, i * 100 + 100));
    assert.deepEqual(await gunzipAll(chunks), plain);
  });

  it('reads concatenated gzip members as one stream', async () => {
    const half = plain.length >> 1;
    assert.deepEqual(await gunzipAll([Buffer.concat([gzipSync(plain.subarray(0, half)), gzipSync(plain.subarray(half))])]), plain);
  });

  it('yields what a truncated archive holds; the reader then reports the torn last line', async () => {
    const gz = gzipSync(plain);
    const partial = await gunzipAll([gz.subarray(0, Math.floor(gz.length * 0.6))]);
    assert.ok(partial.length > 0 && partial.length < plain.length);
    assert.deepEqual(partial, plain.subarray(0, partial.length));
    const { records, problems } = readSplit(fmt('jsonl'), partial);
    assert.ok(records.length > 0);
    assert.ok(problems.length <= 1);
  });

  it('the committed .gz sample detects as gzip, then as JSON lines once gunzipped', async () => {
    const gz = readFileSync(join(__dirname, '../../../samples/access.apigw.log.gz'));
    assert.equal(detectFormat(gz).isGzip, true);
    const bytes = await gunzipAll([gz]);
    assert.equal(detectFormat(bytes).kind, 'jsonl');
    assert.equal(readSplit(fmt('jsonl'), bytes).records.length, 150);
  });
});
