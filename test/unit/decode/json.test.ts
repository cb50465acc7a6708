import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { prettyJson } from '../../../src/core/decode/json';

describe('JSON fields', () => {
  it('pretty-prints JSON text', () => {
    const r = prettyJson('{"sub":"u1","roles":["a"]}');
    assert.equal(r.ok, true);
    assert.equal(r.text, '{\n  "sub": "u1",\n  "roles": [\n    "a"\n  ]\n}');
    assert.deepEqual(r.value, { sub: 'u1', roles: ['a'] });
    assert.equal(r.unwrapped, 0);
  });

  it('unwraps double- and triple-encoded JSON', () => {
    const once = JSON.stringify('{"a":1}');
    assert.deepEqual([prettyJson(once).value, prettyJson(once).unwrapped], [{ a: 1 }, 1]);
    const twice = JSON.stringify(JSON.stringify('[{"name":"ip-control"}]'));
    const r = prettyJson(twice);
    assert.deepEqual([r.value, r.unwrapped], [[{ name: 'ip-control' }], 2]);
  });

  it('leaves a JSON string that is not itself JSON as a string', () => {
    const r = prettyJson('"hello"');
    assert.deepEqual([r.ok, r.value, r.unwrapped], [true, 'hello', 0]);
    assert.deepEqual(prettyJson('"123"').value, '123');
  });

  it('marks the empty values of the seed ("{}", "[]")', () => {
    assert.equal(prettyJson('{}').empty, true);
    assert.equal(prettyJson('[]').empty, true);
    assert.equal(prettyJson('').empty, true);
    assert.equal(prettyJson('[1]').empty, false);
  });

  it('returns the original text with ok=false when it is not JSON', () => {
    for (const bad of ['{a:1}', '{"a":', 'NaN', 'undefined', '\u0000']) {
      const r = prettyJson(bad);
      assert.deepEqual([r.ok, r.text], [false, bad], bad);
    }
  });

  it('never throws and always round-trips valid JSON', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      const r = prettyJson(s);
      if (!r.ok) assert.equal(r.text, s);
    }), { numRuns: 800 });
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const r = prettyJson(JSON.stringify(JSON.stringify(v)));
      assert.equal(r.ok, true);
    }), { numRuns: 300 });
  });
});
