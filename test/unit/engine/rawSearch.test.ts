/**
 * The raw-byte prefilter for full-text terms: the SIMD finder agrees with a plain search, and filtering
 * with the prefilter gives exactly the rows of the per-row path, on generated JSON-lines files whose
 * bodies hold the terms in any case, escaped, next to non-ASCII look-alikes, with chunks smaller and larger than rows.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createCaseScanner, prepareNeedle } from '../../../src/core/engine/caseScan';
import { EngineState } from '../../../src/core/engine/engineState';
import { RawSearch } from '../../../src/core/engine/rawSearch';
import { SourceReader, decodeUnicodeEscapes } from '../../../src/core/engine/rowReader';
import { JsonlScanner } from '../../../src/core/index/jsonl/jsonlScanner';
import { filterRows } from '../../../src/core/query/evaluate';
import { parseQuery } from '../../../src/core/query/parser';
import { rawTermAnchor } from '../../../src/core/query/rawMatch';

const FRAGMENTS = [
  'timeout', 'TimeOut', 'TIMEOUT', 'time out', 'timeouts', 'xtimeout', '\\u0074imeout', 'time\\"out', '\\\\timeout', '"timeout"',
  'connect failed', 'Connect  FAILED', 'connect\\nfailed', 'connect\\tfailed', 'connectfailed', 'connect, failed',
  'NullPointerException', 'java.lang.NullPointerException:', 'nullpointerexception', 'Null\\u0050ointerException',
  '\u212aelvin', 'kelvin', '\u017fecret', 'secret', 'caf\u00e9', 'CAF\u00c9', '\\u00e9t\u00e9', '\u8d85\u65f6', '(ok)', '@ok', ' ', ', ', '/', '\\\\',
];
const QUERY_TERMS = [
  'timeout', 'TIMEOUT', 'Timeout', 'time', 'out', 'timeout*', '*out', 'ti*ut', '"connect failed"', '"CONNECT failed"', 'connect',
  'NullPointerException', 'nullpointer*', 'java.lang.NullPointerException', 'kelvin', 'Kelvin', 'secret', 'caf\u00e9', 'CAF\u00c9', '\u00e9t\u00e9',
  '\u8d85\u65f6', 'ok', 'OK', 'u0074imeout', '"time\\"out"', 'zzqx', 'ab', '*', 'errorMessage:timeout', 'responseBody:"connect failed"',
  'statusCode:500 and timeout', 'not timeout', 'timeout or secret', 'errorMessage:*', 'responseBody:time*',
];

const bodyArb = fc.array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40, unit: fc.constantFrom('a', ' ', 'x', '.', '-', '=') })), { maxLength: 6 })
  .map((parts) => parts.map(([fragment, filler]) => filler + fragment).join(''));
const lineArb = fc.record({ status: fc.constantFrom('200', '500'), body: bodyArb, message: bodyArb, broken: fc.integer({ min: 0, max: 15 }) })
  .map(({ status, body, message, broken }) => (broken === 0 ? `{"statusCode": "${status}", "responseBody": "${body}` : broken === 1 ? ''
    : `{"apiName":"Get","statusCode":"${status}","responseBody":"${body}","errorMessage":"${message}"}`));

/** Writes `lines` to a temp file and indexes it as the engine would. */
function indexedFile(dir: string, lines: string[], crlf: boolean): EngineState {
  const path = join(dir, `log-${Math.random().toString(36).slice(2)}.jsonl`);
  const bytes = Buffer.from(lines.join(crlf ? '\r\n' : '\n'), 'utf8');
  writeFileSync(path, bytes);
  const state = new EngineState(path);
  const scanner = new JsonlScanner(state.index);
  scanner.push(bytes);
  scanner.finish();
  state.building = false;
  return state;
}

describe('caseScan', () => {
  it('finds the same first position as a plain case-insensitive search, with and without SIMD', () => {
    const simd = createCaseScanner(4096);
    const js = createCaseScanner(4096, false);
    fc.assert(fc.property(
      fc.string({ maxLength: 600, unit: fc.constantFrom('a', 'A', 'b', 'B', '@', '`', '[', '{', 'z', ' ') }),
      fc.string({ minLength: 1, maxLength: 5, unit: fc.constantFrom('a', 'B', '@', '{', 'z') }),
      fc.nat(50),
      (text, needleText, from) => {
        const needle = prepareNeedle(needleText)!;
        simd.data.write(text, 'latin1');
        js.data.write(text, 'latin1');
        const end = Math.max(0, text.length - needleText.length + 1);
        const expected = from >= end ? -1 : text.toLowerCase().indexOf(needleText.toLowerCase(), from);
        const want = expected >= end ? -1 : expected;
        assert.equal(simd.find(needle, from, end), want);
        assert.equal(js.find(needle, from, end), want);
      },
    ), { numRuns: 300 });
  });

  it('prepares ASCII needles only', () => {
    assert.equal(prepareNeedle('caf\u00e9'), undefined);
    assert.equal(prepareNeedle(''), undefined);
    assert.deepEqual([...prepareNeedle('Ab-')!.lower], [97, 98, 45]);
  });
});

describe('rawTermAnchor', () => {
  it('takes the longest ASCII run of the literal parts, or nothing', () => {
    assert.equal(rawTermAnchor('connect failed', false), 'connect');
    assert.equal(rawTermAnchor('ti*meout', true), 'meout');
    assert.equal(rawTermAnchor('caf\u00e9s', false), 'caf');
    assert.equal(rawTermAnchor('*', true), undefined);
    assert.equal(rawTermAnchor('\u8d85\u65f6', false), undefined);
    assert.equal(rawTermAnchor('a', false), undefined);
  });
});

describe('RawSearch prefilter', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'apigw-rawsearch-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives exactly the rows of the per-row path for every query', () => {
    fc.assert(fc.property(
      fc.array(lineArb, { maxLength: 30 }), fc.boolean(), fc.integer({ min: 40, max: 3000 }), fc.boolean(), fc.constantFrom(...QUERY_TERMS),
      (lines, crlf, chunkBytes, preferWasm, query) => {
        const state = indexedFile(dir, lines, crlf);
        const reader = new SourceReader(state);
        const search = new RawSearch(state, { chunkBytes, preferWasm });
        const parsed = parseQuery(query);
        assert.ok(parsed.ok);
        const rawText = (row: number): string => reader.searchText(row);
        const old = filterRows(state.index, parsed.ast, { rawText });
        const fast = filterRows(state.index, parsed.ast, { rawText, rawCandidates: (text, mask) => search.rowsContaining(text, mask) });
        reader.close();
        assert.deepEqual([...fast], [...old], `query ${query}`);
      },
    ), { numRuns: 400 });
  });

  it('reads no row text for a term no row holds, and still finds terms in rows longer than a chunk', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `{"statusCode":"200","responseBody":"${'x'.repeat(i * 7)} TimeOut ${'y'.repeat(i)}"}`);
    const state = indexedFile(dir, lines, false);
    const reader = new SourceReader(state);
    let reads = 0;
    const rawText = (row: number): string => { reads++; return reader.text(row); };
    const withChunk = (chunkBytes: number) => {
      const search = new RawSearch(state, { chunkBytes });
      return { rawText, rawCandidates: (text: string, mask: Uint8Array) => search.rowsContaining(text, mask) };
    };
    const none = parseQuery('zzqx');
    assert.ok(none.ok);
    assert.equal(filterRows(state.index, none.ast, withChunk(1000)).length, 0);
    assert.equal(reads, 0);
    const some = parseQuery('timeout');
    assert.ok(some.ok);
    assert.equal(filterRows(state.index, some.ast, withChunk(1000)).length, 50);
    assert.equal(filterRows(state.index, some.ast, withChunk(200)).length, 50);
    reader.close();
  });
});

describe('full-text search over escaped text (pull_log_dump writes non-ASCII as \\uXXXX)', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'apigw-rawsearch-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decodes \\uXXXX escapes but keeps an escaped backslash before u', () => {
    assert.equal(decodeUnicodeEscapes('\\u8d85\\u65f6 ok'), '\u8d85\u65f6 ok');
    assert.equal(decodeUnicodeEscapes('C:\\\\users'), 'C:\\\\users');
    assert.equal(decodeUnicodeEscapes('plain'), 'plain');
  });

  it('finds a Chinese term and an escaped ASCII term in escaped records, with and without the prefilter', () => {
    const lines = [
      '{"statusCode":"504","errorMessage":"\\u540e\\u7aef \\u8d85\\u65f6","responseBody":"gateway \\u0074imeout"}',
      '{"statusCode":"200","errorMessage":"","responseBody":"ok"}',
      '{"statusCode":"200","errorMessage":"","responseBody":"C:\\\\u8d85"}',
    ];
    const state = indexedFile(dir, lines, false);
    const reader = new SourceReader(state);
    const search = new RawSearch(state, { chunkBytes: 1000 });
    const rawText = (row: number): string => reader.searchText(row);
    const rows = (query: string, prefilter: boolean): number[] => {
      const parsed = parseQuery(query);
      assert.ok(parsed.ok);
      return [...filterRows(state.index, parsed.ast, prefilter ? { rawText, rawCandidates: (t, m) => search.rowsContaining(t, m) } : { rawText })];
    };
    for (const prefilter of [false, true]) {
      assert.deepEqual(rows('\u8d85\u65f6', prefilter), [0], 'Chinese term');
      assert.deepEqual(rows('timeout', prefilter), [0], 'escaped ASCII letter');
    }
    reader.close();
  });
});

