import { strict as assert } from 'node:assert';
import { completions, fieldClause, quoteQueryValue } from '../../../src/core/query/completions';
import { parseQuery } from '../../../src/core/query/parser';
import { SAMPLE, indexOf } from './fixtures';

const index = indexOf(SAMPLE);

describe('query completions', () => {
  it('suggests field names, short aliases first, with the canonical field as detail', () => {
    const result = completions('sta', 3, index);
    assert.deepEqual([result.from, result.to], [0, 3]);
    const labels = result.items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 2), ['status', 'stage']);
    assert.ok(labels.includes('statusCode') && labels.includes('StatusCode') && labels.includes('StageName'));
    assert.equal(result.items[0].insertText, 'status:');
    assert.equal(result.items[0].detail, 'statusCode');
    assert.equal(result.items.find((i) => i.label === 'statusCode')!.detail, undefined);
  });

  it('offers keywords only after a term', () => {
    assert.ok(!completions('a', 1, index).items.some((i) => i.kind === 'keyword'));
    const after = completions('api:x o', 7, index).items;
    assert.deepEqual(after.filter((i) => i.kind === 'keyword').map((i) => i.label), ['or']);
  });

  it('suggests frequent values of the field before the cursor, most frequent first', () => {
    const result = completions('method:', 7, index);
    assert.deepEqual([result.from, result.to], [7, 7]);
    assert.deepEqual(result.items.map((i) => [i.label, i.count]), [['GET', 3], ['POST', 1], ['PUT', 1]]);
    const typed = completions('x and api:get', 13, index);
    assert.equal(typed.from, 10);
    assert.deepEqual(typed.items.map((i) => i.label), ['GetUser']);
  });

  it('matches values containing the typed text after those starting with it, and quotes when needed', () => {
    const result = completions('api:s', 5, index);
    assert.deepEqual(result.items.map((i) => i.label), ['Search Items', 'GetUser', 'ListOrders']);
    assert.equal(result.items[0].insertText, '"Search Items"');
  });

  it('completes inside an open quoted value, replacing from the quote', () => {
    const text = 'status:200 api:"Search It';
    const result = completions(text, text.length, index);
    assert.deepEqual([result.from, result.to], [15, text.length]);
    assert.deepEqual(result.items.map((i) => i.insertText), ['"Search Items"']);
    const closed = 'api:"Search Items" gr';
    assert.equal(completions(closed, closed.length, index).items[0].label, 'group');
  });

  it('offers nothing for unknown fields or numeric fields', () => {
    assert.deepEqual(completions('nope:', 5, index).items, []);
    assert.deepEqual(completions('latency:', 8, index).items, []);
  });

  it('quotes values so that they parse back to the same value', () => {
    for (const value of ['plain', 'Search Items', 'a"b', 'x\\y', 'and', 'a*b', '', 'k:v']) {
      const parsed = parseQuery(`api:${quoteQueryValue(value)}`);
      assert.ok(parsed.ok && parsed.ast.type === 'text', value);
      assert.equal(parsed.ast.value, value);
      assert.equal(parsed.ast.wildcard, false);
    }
    assert.equal(fieldClause('apiName', 'Search Items', true), 'not apiName:"Search Items"');
  });
});
