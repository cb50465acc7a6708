import { strict as assert } from 'node:assert';
import { addClause, applyCompletion, splitAnd, toggleFacet } from '../../../src/webview/queryEdit';

describe('query bar edits', () => {
  it('inserts a completion over its range and puts the cursor after it', () => {
    const r = applyCompletion('status:5 and ap', { label: 'apiName', insert: 'apiName:', from: 13, to: 15, kind: 'field' });
    assert.deepEqual(r, { text: 'status:5 and apiName:', cursor: 21 });
    const mid = applyCompletion('api: and x', { label: 'GetUser', insert: 'GetUser', from: 4, to: 4, kind: 'value' });
    assert.deepEqual(mid, { text: 'api:GetUser and x', cursor: 11 });
    const clamped = applyCompletion('ab', { label: 'x', insert: 'x', from: 5, to: 9, kind: 'value' });
    assert.deepEqual(clamped, { text: 'abx', cursor: 3 });
  });

  it('adds, toggles and flips facet terms', () => {
    const q1 = toggleFacet('', 'apiName:GetUser', false);
    assert.equal(q1, 'apiName:GetUser');
    const q2 = toggleFacet(q1, 'statusCode:500', true);
    assert.equal(q2, 'apiName:GetUser and not statusCode:500');
    assert.equal(toggleFacet(q2, 'apiName:GetUser', false), 'not statusCode:500');
    assert.equal(toggleFacet(q2, 'statusCode:500', false), 'apiName:GetUser and statusCode:500');
    assert.equal(toggleFacet('x', 'path:"/a b"', false), 'x and path:"/a b"');
  });

  it('parenthesises a query with a top-level or', () => {
    assert.equal(addClause('a or b', 'c:1'), '(a or b) and c:1');
    assert.equal(addClause('(a or b)', 'c:1'), '(a or b) and c:1');
  });

  it('splits on and outside quotes and parentheses', () => {
    assert.deepEqual(splitAnd('x:"a and b" and (c and d) AND e'), ['x:"a and b"', '(c and d)', 'e']);
  });
});
