import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeHeaders, formatHeaders, parseHeaders } from '../../../src/core/decode/headers';

describe('header blocks', () => {
  it('splits LF and CRLF blocks into pairs', () => {
    const expected = [['content-type', 'a'], ['x-ca-key', 'b']];
    assert.deepEqual(parseHeaders('content-type: a\nx-ca-key: b'), expected);
    assert.deepEqual(parseHeaders('content-type: a\r\nx-ca-key: b\r\n'), expected);
    assert.deepEqual(parseHeaders('content-type: application/x-www-form-urlencoded\n'), [['content-type', 'application/x-www-form-urlencoded']]);
  });

  it('keeps colons in values and splits HTTP/2 pseudo headers after their leading colon', () => {
    assert.deepEqual(parseHeaders('host: a.example.com:8080\n:authority: b'), [['host', 'a.example.com:8080'], [':authority', 'b']]);
  });

  it('splits a block whose newlines were written as escapes', () => {
    assert.deepEqual(parseHeaders('a: 1\\r\\nb: 2\\nc: 3'), [['a', '1'], ['b', '2'], ['c', '3']]);
  });

  it('joins folded lines and keeps lines without a colon', () => {
    assert.deepEqual(parseHeaders('x-long: one\n  two\nbroken line'), [['x-long', 'one two'], ['broken line', '']]);
  });

  it('reads a JSON object, one pair per array item', () => {
    const r = decodeHeaders('{"Content-Type":"text/plain","Accept":["a","b"],"X-N":3}');
    assert.equal(r.fromJson, true);
    assert.deepEqual(r.pairs, [['Content-Type', 'text/plain'], ['Accept', 'a'], ['Accept', 'b'], ['X-N', '3']]);
    assert.equal(r.text, 'Content-Type: text/plain\nAccept: a\nAccept: b\nX-N: 3');
    assert.equal(decodeHeaders('{not json: 1').fromJson, false);
  });

  it('formats pairs as lines', () => {
    assert.equal(formatHeaders([['a', '1'], ['flag', '']]), 'a: 1\nflag');
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
      for (const [name] of parseHeaders(s)) assert.equal(typeof name, 'string');
    }), { numRuns: 800 });
  });
});
