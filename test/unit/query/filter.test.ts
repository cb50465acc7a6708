import { strict as assert } from 'node:assert';
import { filterRows, type FilterOptions } from '../../../src/core/query/evaluate';
import { parseQuery } from '../../../src/core/query/parser';
import { textMatches, tokenize } from '../../../src/core/query/textMatch';
import { SAMPLE, indexOf } from './fixtures';

const index = indexOf(SAMPLE);
const raw = SAMPLE.map((r) => JSON.stringify(r));
const rawText = (row: number) => raw[row];

function rows(query: string, options?: FilterOptions): number[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) assert.fail(`${query}: ${parsed.error.message}`);
  return [...filterRows(index, parsed.ast, options)];
}

describe('text matching', () => {
  it('splits tokens at Log Service delimiters, keeping dots and dashes', () => {
    assert.deepEqual(tokenize('/api/users/7?x=1'), ['api', 'users', '7', 'x', '1']);
    assert.deepEqual(tokenize('10.0.0.1'), ['10.0.0.1']);
  });

  it('matches whole values and runs of tokens, case-insensitively', () => {
    assert.ok(textMatches('GetUser', 'getuser', false));
    assert.ok(textMatches('/api/users/7', '/api/users', false));
    assert.ok(textMatches('/api/users/7', 'users', false));
    assert.ok(!textMatches('/api/users/7', 'user', false));
    assert.ok(!textMatches('/api/users/7', '/users/api', false));
    assert.ok(textMatches('Backend timeout', 'backend timeout', false));
  });

  it('matches wildcards against the whole value or one token', () => {
    assert.ok(textMatches('GetUser', 'get*', true));
    assert.ok(textMatches('/api/users/7', '/api/*', true));
    assert.ok(textMatches('/api/users/7', 'use*', true));
    assert.ok(textMatches('/api/users/7', '*sers', true));
    assert.ok(!textMatches('/api/users/7', 'ord*', true));
    assert.ok(textMatches('x', '*', true));
    assert.ok(!textMatches('', '*', true));
  });
});

describe('filterRows', () => {
  it('returns every row for no query and for *', () => {
    assert.deepEqual([...filterRows(index, undefined)], [0, 1, 2, 3, 4]);
    assert.deepEqual(rows('*'), [0, 1, 2, 3, 4]);
  });

  it('filters by field values through either naming scheme', () => {
    assert.deepEqual(rows('apiName:GetUser'), [0, 3]);
    assert.deepEqual(rows('api:getuser'), [0, 3]);
    assert.deepEqual(rows('api:"search items"'), [4]);
    assert.deepEqual(rows('group:orders'), [1, 2]);
    assert.deepEqual(rows('status:200'), [0, 3]);
    assert.deepEqual(rows('status:5*'), [1]);
    assert.deepEqual(rows('path:/api/orders'), [1, 2]);
    assert.deepEqual(rows('path:users'), [0, 3]);
    assert.deepEqual(rows('ip:10.0.0.1'), [0, 2]);
  });

  it('treats field:* as present and field:"" as missing', () => {
    assert.deepEqual(rows('appName:*'), [0, 1, 3]);
    assert.deepEqual(rows('appName:""'), [2, 4]);
    assert.deepEqual(rows('serviceLatency:*'), [0, 1, 3]);
    assert.deepEqual(rows('initialRequestId:*'), [3]);
    assert.deepEqual(rows('initialRequestId:""'), [0, 1, 2, 4]);
  });

  it('compares numbers, never matching missing values', () => {
    assert.deepEqual(rows('totalLatency > 500'), [1, 3]);
    assert.deepEqual(rows('latency >= 700'), [1, 3]);
    assert.deepEqual(rows('latency < 15'), [2]);
    assert.deepEqual(rows('latency <= 15'), [2, 4]);
    assert.deepEqual(rows('latency = 43'), [0]);
    assert.deepEqual(rows('latency:43'), [0]);
    assert.deepEqual(rows('serviceLatency < 100'), [0]);
    assert.deepEqual(rows('status:>=400'), [1, 2]);
    assert.deepEqual(rows('not serviceLatency < 100'), [1, 2, 3, 4]);
  });

  it('applies ranges with inclusive and exclusive ends', () => {
    assert.deepEqual(rows('statusCode in [500 599]'), [1]);
    assert.deepEqual(rows('status in [200 404]'), [0, 2, 3, 4]);
    assert.deepEqual(rows('status in [200 404)'), [0, 3, 4]);
    assert.deepEqual(rows('latency in (43 *]'), [1, 3]);
  });

  it('compares times given as ISO, epoch seconds or epoch ms', () => {
    assert.deepEqual(rows('time >= 2024-01-01T00:01:00Z'), [2, 3, 4]);
    assert.deepEqual(rows('__time__ < 1704067205'), [0]);
    assert.deepEqual(rows('__time__ <= 1704067205000'), [0, 1]);
    assert.deepEqual(rows('time:2024-01-01T00:00:05Z'), [1]);
    assert.deepEqual(rows('time:1704067500'), [4], 'epoch seconds match the whole second');
    assert.deepEqual(rows('time:2024-01-01T00:0*'), [0, 1, 2, 3, 4]);
  });

  it('finds request IDs exactly (any case) and by prefix', () => {
    assert.deepEqual(rows('requestId:95657ed9-2f6f-426f-bd99-79c8d8f1a2b3'), [0]);
    assert.deepEqual(rows('initialRequestId:95657ED9-2F6F-426F-BD99-79C8D8F1A2B3'), [3]);
    assert.deepEqual(rows('requestId:C2AFA9F3*'), [1]);
    assert.deepEqual(rows('95657ED9-2F6F-426F-BD99-79C8D8F1A2B3'), [0, 3], 'full text covers both ID columns');
    assert.deepEqual(rows('AAAAAAAA*'), [3]);
  });

  it('matches full-text terms over dictionary columns', () => {
    assert.deepEqual(rows('orders'), [1, 2]);
    assert.deepEqual(rows('X500ER'), [1]);
    assert.deepEqual(rows('"search items"'), [4]);
    assert.deepEqual(rows('getuser 10.0.0.1'), [0]);
    assert.deepEqual(rows('List*'), [1]);
  });

  it('reads what the index does not hold only through rawText', () => {
    assert.deepEqual(rows('timeout'), []);
    assert.deepEqual(rows('timeout', { rawText }), [1]);
    assert.deepEqual(rows('"backend timeout"', { rawText }), [1]);
    assert.deepEqual(rows('errorMessage:timeout'), []);
    assert.deepEqual(rows('errorMessage:timeout', { rawText }), [1]);
    assert.deepEqual(rows('errorMessage:time*', { rawText }), [1]);
    assert.deepEqual(rows('exception:timeout', { rawText }), [], 'the term must be in that field');
    assert.deepEqual(rows('not errorMessage:*', { rawText }), [0, 2, 3, 4]);
  });

  it('combines with and, or, not and parentheses', () => {
    assert.deepEqual(rows('api:GetUser and latency > 100'), [3]);
    assert.deepEqual(rows('api:GetUser latency > 100'), [3]);
    assert.deepEqual(rows('status:500 or status:404'), [1, 2]);
    assert.deepEqual(rows('not group:orders'), [0, 3, 4]);
    assert.deepEqual(rows('group:orders and not (status:500 or method:GET)'), [2]);
    assert.deepEqual(rows('api:GetUser or group:orders and latency < 10'), [0, 2, 3]);
    assert.deepEqual(rows('(api:GetUser or group:orders) and latency < 100'), [0, 2]);
  });

  it('restricts to given rows and a time range', () => {
    assert.deepEqual(rows('*', { rows: Uint32Array.of(4, 1, 3) }), [1, 3, 4]);
    assert.deepEqual(rows('api:GetUser', { rows: Uint32Array.of(3, 4) }), [3]);
    const from = Date.parse('2024-01-01T00:00:05Z');
    const to = Date.parse('2024-01-01T00:02:00Z');
    assert.deepEqual(rows('*', { timeRange: [from, to] }), [1, 2], 'from inclusive, to exclusive');
    assert.deepEqual(rows('status:>=400', { timeRange: [from, to], rows: Uint32Array.of(2, 3) }), [2]);
  });
});
