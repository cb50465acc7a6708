import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { JsonlScanner } from '../../../src/core/index/jsonl/jsonlScanner';
import { LogIndex } from '../../../src/core/index/store';
import { buildIndex, snapshot, utf8 } from './indexHelpers';

const KEYS = [
  'apiName', 'APINAME', 'ApiName', 'GroupName', 'apiGroupName', 'statusCode', 'StatusCode', 'errorCode', 'httpMethod',
  'path', 'HttpPath', 'clientIp', 'requestId', 'RequestId', 'initialRequestId', 'totalLatency', 'Servicelatency',
  'Responsesize', 'requestSize', 'requestHandleTime', 'RequestTime', '__time__', '__topic__', '__source__',
  '__tag__:__receive_time__', 'frontRequestStart', 'FrontResponseEnd', 'backendRequestEnd', 'responseBody',
  'requestHeaders', 'jwtClaims', 'plugin', 'errorMessage', 'customField', 'other', 'appName', 'region', 'domain',
];

const stringValue = fc.oneof(
  fc.constantFrom('', 'OK', 'X500ER', '200', '503', '12', '0.5', '-7', '007', ' 42', '1e3', 'abc', 'GET', 'café', '北京',
    '2024-11-13T07:59:59Z', '2024-02-31T23:59:59Z', '2024-13-01T00:00:00Z', '0099-01-01T00:00:00Z', '2024-11-13T07:59:59.123Z',
    'A10E1F4B-8756-42E7-BE3B-9B4A9470D6B1', 'a10e1f4b-8756-42e7-be3b-9b4a9470d6b1', '1731484799791', '1731484799791.5'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const jsonValue = fc.oneof(
  { weight: 6, arbitrary: stringValue },
  fc.integer({ min: -1e6, max: 2e12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, false, 0, -0, 1e21, 200),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
);
const record = fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, fc.string({ maxLength: 6 })), jsonValue), { maxLength: 14 });
const spacing = fc.constantFrom('compact', 'python', 'pretty-ish');

/** Writes pairs as one JSON object line; duplicate keys are kept (JSON.parse keeps the last). */
function line(pairs: [string, unknown][], style: string): string {
  const sep = style === 'compact' ? [',', ':'] : style === 'python' ? [', ', ': '] : [' ,\t', ' : '];
  return '{' + pairs.map(([k, v]) => JSON.stringify(k) + sep[1] + JSON.stringify(v)).join(sep[0]) + '}';
}

describe('JSON-lines scanner', () => {
  it('fast path and JSON.parse fallback build identical indexes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(record, spacing), { minLength: 1, maxLength: 12 }), (records) => {
        const text = records.map(([pairs, style]) => line(pairs, style)).join('\n') + '\n';
        const fast = buildIndex(utf8(text));
        const slow = buildIndex(utf8(text), { fastPath: false });
        assert.deepEqual(snapshot(fast.index), snapshot(slow.index));
        assert.equal(fast.problemCount, slow.problemCount);
      }),
      { numRuns: 120 },
    );
  });

  it('gives the same index whatever the chunk boundaries (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 }), (records, sizes) => {
        const bytes = utf8(records.map((pairs) => line(pairs, 'compact')).join('\r\n'));
        assert.deepEqual(snapshot(buildIndex(bytes, {}, sizes).index), snapshot(buildIndex(bytes).index));
      }),
      { numRuns: 80 },
    );
  });

  it('takes the fast path for ordinary records', () => {
    const text = Array.from({ length: 50 }, (_, i) => line([['apiName', `a${i % 3}`], ['statusCode', '200'], ['requestId', 'A10E1F4B-8756-42E7-BE3B-9B4A9470D6B1'], ['totalLatency', String(i)], ['requestBody', '{"x":"\\"}']], i % 2 ? 'compact' : 'python')).join('\n');
    const index = new LogIndex();
    const scanner = new JsonlScanner(index);
    scanner.push(utf8(text));
    scanner.finish();
    assert.equal(scanner.fastRecords, 50);
    assert.equal(index.count, 50);
  });

  it('also agrees without WebAssembly (JavaScript quote scan)', () => {
    const text = '{"apiName":"a\\"b","path":"/x","responseBody":"{\\"k\\":\\"v\\\\\\"\\"}","statusCode":"500"}\n';
    assert.deepEqual(snapshot(buildIndex(utf8(text), { wasm: false }).index), snapshot(buildIndex(utf8(text), { fastPath: false }).index));
    assert.equal(buildIndex(utf8(text), { wasm: false }).index.str('apiName', 0), 'a"b');
  });

  it('counts lines that are not records, with their line numbers, and keeps going', () => {
    const text = '\uFEFF{"apiName":"a"}\r\n\r\n   \nnot json\n[1,2]\n{"apiName":"b",}\n\u0000\u00ff\u0001garbage\n{"apiName":"c"}\n{"apiName":"torn';
    const { index, problems, problemCount } = buildIndex(utf8(text), {}, [5, 3, 17]);
    assert.deepEqual([0, 1].map((r) => index.str('apiName', r)), ['a', 'c']);
    assert.equal(problemCount, 5);
    assert.deepEqual(problems.map((p) => [p.line, p.reason]), [
      [4, 'not valid JSON'], [5, 'not a JSON object'], [6, 'not valid JSON'], [7, 'not valid JSON'],
      [9, 'incomplete last line (no newline at the end)'],
    ]);
    assert.deepEqual(index.location(0), { line: 1, offset: 3, length: 15 });
    assert.equal(index.lineOf(1), 8);
  });

  it('indexes a 10 MB line and reads values around it', () => {
    const body = 'x\\"'.repeat(3_500_000);
    const text = `{"apiName":"before"}\n{"apiName":"big","responseBody":"${body}","statusCode":"200"}\n{"apiName":"after"}\n`;
    const { index, problemCount } = buildIndex(utf8(text), {}, [1 << 20]);
    assert.equal(problemCount, 0);
    assert.deepEqual([0, 1, 2].map((r) => index.str('apiName', r)), ['before', 'big', 'after']);
    assert.equal(index.num('status', 1), 200);
    assert.ok(index.location(1).length > 10_000_000);
  });

  it('decodes escapes in indexed values and keeps unknown fields listed', () => {
    const text = '{"apiName":"caf\\u00e9","ApiName2":1,"__tag__:x":"y","requestTime":"2022-10-29T03:59:59Z","frontRequestStart":"1667015999123"}\n';
    const { index } = buildIndex(utf8(text));
    assert.equal(index.str('apiName', 0), 'café');
    assert.deepEqual([...index.extraFields], ['ApiName2']);
    assert.equal(index.num('time', 0), Date.parse('2022-10-29T03:59:59Z'));
    assert.equal(index.num('frontRequestStart', 0), 1667015999123);
  });
});
