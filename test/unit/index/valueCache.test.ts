import { strict as assert } from 'node:assert';
import { ValueCache } from '../../../src/core/index/jsonl/valueCache';

/** `text` in a padded buffer (the scanner's memory is readable past a line's end); returns a view and where the text starts. */
function at(text: string): { view: DataView; s: number; end: number } {
  const bytes = Buffer.alloc(text.length + 64, 0x78);
  const s = 8;
  bytes.write(text, s, 'latin1');
  return { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length), s, end: s + text.length };
}

/** Remembers the value before the first quote of `text` as `code`. */
function remember(cache: ValueCache, text: string, code: number): void {
  const { view, s } = at(text);
  cache.remember(view, s, s + text.indexOf('"'), code);
}

describe('dictionary value cache', () => {
  it('finds a repeated value whatever follows it, with its length and code', () => {
    const cache = new ValueCache();
    remember(cache, 'GetProduct","path":"/a"}', 7);
    const { view, s, end } = at('GetProduct","other":1}');
    assert.equal(cache.find(view, s, end), true);
    assert.equal(cache.length, 10);
    assert.equal(cache.code, 7);
  });

  it('never matches a value that only shares a prefix, lacks its closing quote, or ends past the line', () => {
    const cache = new ValueCache();
    remember(cache, 'GetProduct","x":1}', 1);
    for (const text of ['GetProducts","x":1}', 'GetProduc","x":1}', 'GetProduct\\"x"}']) {
      const { view, s, end } = at(text);
      assert.equal(cache.find(view, s, end), false, text);
    }
    const { view, s } = at('GetProduct","x":1}');
    assert.equal(cache.find(view, s, s + 10), false);
  });

  it('handles values shorter than a word, and the empty value', () => {
    const cache = new ValueCache();
    remember(cache, 'GE","x":1}', 3);
    remember(cache, '","y":2}', 4);
    const short = at('GE","x":1}');
    assert.equal(cache.find(short.view, short.s, short.end), true);
    assert.equal(cache.code, 3);
    const other = at('GET","x":1}');
    assert.equal(cache.find(other.view, other.s, other.end), false);
    const empty = at('","y":2}');
    assert.equal(cache.find(empty.view, empty.s, empty.end), true);
    assert.deepEqual([cache.length, cache.code], [0, 4]);
  });

  it('turns itself off when values rarely repeat', () => {
    const cache = new ValueCache();
    for (let i = 0; i < 5000; i++) {
      const text = `/items/${i}","x":1}`;
      const { view, s, end } = at(text);
      if (!cache.find(view, s, end)) cache.remember(view, s, s + text.indexOf('"'), i);
    }
    assert.equal(cache.useful, false);
  });
});
