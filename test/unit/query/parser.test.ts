import { strict as assert } from 'node:assert';
import type { QueryNode } from '../../../src/core/query/ast';
import { parseQuery } from '../../../src/core/query/parser';

/** The tree of a query that must parse, spans left out, as a compact string. */
function tree(text: string): string {
  const result = parseQuery(text);
  if (!result.ok) assert.fail(`${text}: ${result.error.message}`);
  return show(result.ast);
}

function show(node: QueryNode): string {
  switch (node.type) {
    case 'all': return '*';
    case 'and': return `(and ${node.children.map(show).join(' ')})`;
    case 'or': return `(or ${node.children.map(show).join(' ')})`;
    case 'not': return `(not ${show(node.child)})`;
    case 'text': return `${node.field ?? ''}${node.field ? ':' : ''}${node.quoted ? JSON.stringify(node.value) : node.value}${node.wildcard ? '~' : ''}`;
    case 'compare': return `${node.field}${node.op}${node.value}`;
    case 'range': return `${node.field}${node.lowInclusive ? '[' : '('}${node.low},${node.high}${node.highInclusive ? ']' : ')'}`;
  }
}

function error(text: string) {
  const result = parseQuery(text);
  if (result.ok) assert.fail(`${text} should not parse`);
  return result.error;
}

describe('query parser', () => {
  it('treats empty, blank and * as everything', () => {
    assert.equal(tree(''), '*');
    assert.equal(tree('   '), '*');
    assert.equal(tree('*'), '*');
  });

  it('reads full-text terms, phrases and wildcards', () => {
    assert.equal(tree('timeout'), 'timeout');
    assert.equal(tree('"Backend timeout"'), '"Backend timeout"');
    assert.equal(tree('Get*'), 'Get*~');
    assert.equal(tree('*User*'), '*User*~');
    assert.equal(tree('"a*b"'), '"a*b"', 'a * inside quotes is literal');
    assert.equal(tree('"say \\"hi\\""'), '"say \\"hi\\""');
  });

  it('resolves field names through both schemes and short aliases, any case', () => {
    assert.equal(tree('apiName:GetUser'), 'apiName:GetUser');
    assert.equal(tree('ApiName:GetUser'), 'apiName:GetUser');
    assert.equal(tree('API:GetUser'), 'apiName:GetUser');
    assert.equal(tree('GroupName:users'), 'apiGroupName:users');
    assert.equal(tree('status:500'), 'statusCode:500');
    assert.equal(tree('ip:10.0.0.1'), 'clientIp:10.0.0.1');
    assert.equal(tree('method:GET'), 'httpMethod:GET');
    assert.equal(tree('Servicelatency > 10'), 'serviceLatency>10');
  });

  it('reads field values: bare, prefix wildcard, quoted, present, empty', () => {
    assert.equal(tree('api:Get*'), 'apiName:Get*~');
    assert.equal(tree('path:/api/*/orders'), 'path:/api/*/orders~');
    assert.equal(tree('api:"Search Items"'), 'apiName:"Search Items"');
    assert.equal(tree('errorCode:*'), 'errorCode:*~');
    assert.equal(tree('errorCode:""'), 'errorCode:""');
    assert.equal(tree('api : GetUser'), 'apiName:GetUser');
    assert.equal(tree('time:2024-01-01T00:00:00Z'), 'requestHandleTime:2024-01-01T00:00:00Z', 'colons inside a value');
  });

  it('reads numeric comparisons in both spellings', () => {
    assert.equal(tree('totalLatency > 500'), 'totalLatency>500');
    assert.equal(tree('latency>=500'), 'totalLatency>=500');
    assert.equal(tree('latency < 10'), 'totalLatency<10');
    assert.equal(tree('latency<=10.5'), 'totalLatency<=10.5');
    assert.equal(tree('status = 404'), 'statusCode=404');
    assert.equal(tree('status:>=500'), 'statusCode>=500');
    assert.equal(tree('status: > 499'), 'statusCode>499');
  });

  it('reads times as numbers, epoch seconds or ISO times on time fields', () => {
    assert.equal(tree('__time__ > 1704067200'), '__time__>1704067200000');
    assert.equal(tree('__time__ > 1704067200000'), '__time__>1704067200000');
    assert.equal(tree('time >= 2024-01-01T00:01:00Z'), 'requestHandleTime>=1704067260000');
    assert.equal(tree('frontRequestStart < 2024-01-01'), 'frontRequestStart<1704067200000');
  });

  it('reads ranges, inclusive with brackets, exclusive with parentheses, open with *', () => {
    assert.equal(tree('statusCode in [500 599]'), 'statusCode[500,599]');
    assert.equal(tree('status IN [400, 500)'), 'statusCode[400,500)');
    assert.equal(tree('latency in (100 *]'), 'totalLatency(100,Infinity]');
  });

  it('turns = with a word into a text match on text fields', () => {
    assert.equal(tree('apiName = GetUser'), 'apiName:GetUser');
    assert.equal(tree('requestId = 95657ED9-2F6F-426F-BD99-79C8D8F1A2B3'), 'requestId:95657ED9-2F6F-426F-BD99-79C8D8F1A2B3');
  });

  it('gives not precedence over and, and and over or; implicit and between terms', () => {
    assert.equal(tree('a b'), '(and a b)');
    assert.equal(tree('a or b c'), '(or a (and b c))');
    assert.equal(tree('a and b or c and d'), '(or (and a b) (and c d))');
    assert.equal(tree('not a and b'), '(and (not a) b)');
    assert.equal(tree('not a or b'), '(or (not a) b)');
    assert.equal(tree('a not b'), '(and a (not b))');
    assert.equal(tree('not not a'), '(not (not a))');
    assert.equal(tree('(a or b) c'), '(and (or a b) c)');
    assert.equal(tree('a and (b or not (c d))'), '(and a (or b (not (and c d))))');
  });

  it('accepts keywords in any case', () => {
    assert.equal(tree('a AND b OR NOT c'), '(or (and a b) (not c))');
    assert.equal(tree('a And b oR c'), '(or (and a b) c)');
  });

  it('keeps spans of leaves', () => {
    const result = parseQuery('x and status:500');
    assert.ok(result.ok && result.ast.type === 'and');
    const leaf = result.ast.children[1];
    assert.ok(leaf.type === 'text');
    assert.deepEqual(leaf.span, { start: 6, end: 16 });
  });

  it('names an unknown field with its position and length', () => {
    const e = error('api:x and foo:bar');
    assert.deepEqual([e.position, e.length], [10, 3]);
    assert.match(e.message, /unknown field 'foo'/);
    assert.deepEqual(e.expected, ['field name']);
  });

  it('says a value is expected after : and after an operator', () => {
    const e = error('status:');
    assert.equal(e.position, 7);
    assert.match(e.message, /expected a value after ':' at column 8/);
    assert.ok(e.expected.includes('value'));
    const op = error('latency >= ');
    assert.match(op.message, /expected a value after '>='/);
  });

  it('requires numbers for numeric fields and comparisons', () => {
    const e = error('latency > slow');
    assert.deepEqual([e.position, e.length], [10, 4]);
    assert.deepEqual(e.expected, ['number']);
    assert.match(error('latency:abc').message, /expected a number for totalLatency/);
    assert.deepEqual(error('time > yesterday').expected, ['number', 'ISO time']);
    assert.match(error('api > x').message, /expected a number/);
  });

  it('refuses to compare identifiers', () => {
    const e = error('requestId > 5');
    assert.equal(e.position, 10);
    assert.match(e.message, /identifier/);
    assert.match(error('requestId in [1 2]').message, /identifier/);
  });

  it('reports unbalanced parentheses and dangling keywords', () => {
    const open = error('(a or b');
    assert.equal(open.position, 7);
    assert.ok(open.expected.includes(')'));
    const close = error('a)');
    assert.deepEqual([close.position, close.length], [1, 1]);
    assert.equal(error('a and').position, 5);
    assert.match(error('a and').message, /expected a term after 'and'/);
    assert.equal(error('a or or b').position, 5);
    assert.match(error('AND a').message, /unexpected 'AND'/);
    assert.match(error('not').message, /expected a term after 'not'/);
    assert.match(error('()').message, /inside/);
  });

  it('reports unterminated quotes, bad ranges and stray operators', () => {
    const q = error('api:"abc');
    assert.deepEqual([q.position, q.length], [4, 4]);
    assert.deepEqual(q.expected, ['"']);
    assert.ok(error('status in [500 599').expected.includes(']'));
    assert.match(error('status in [500 x]').message, /expected a number/);
    assert.match(error('> 5').message, /unexpected '>'/);
    assert.match(error('""').message, /non-empty phrase/);
  });
});
