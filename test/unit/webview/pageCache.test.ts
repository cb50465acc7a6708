import { strict as assert } from 'node:assert';
import { PageCache } from '../../../src/webview/pageCache';

function makeCache(maxPages = 3) {
  const calls: [string, number, number][] = [];
  const gates: (() => void)[] = [];
  const cache = new PageCache<number>(async (key, offset, limit) => {
    calls.push([key, offset, limit]);
    await new Promise<void>((resolve) => gates.push(resolve));
    return { total: 1000, rows: Array.from({ length: limit }, (_, i) => offset + i) };
  }, { pageSize: 10, maxPages });
  const release = (): void => gates.splice(0).forEach((g) => g());
  return { cache, calls, release };
}

describe('page cache', () => {
  it('fetches missing pages once, sharing requests in flight', async () => {
    const { cache, calls, release } = makeCache();
    cache.reset('q1');
    const a = cache.ensure(5, 25);
    const b = cache.ensure(12, 14);
    await Promise.resolve();
    release();
    assert.equal(await a, true);
    await b;
    assert.deepEqual(calls.map((c) => c[1]), [0, 10, 20]);
    assert.equal(cache.get(13), 13);
    assert.equal(cache.total, 1000);
    assert.equal(await cache.ensure(0, 30), false);
  });

  it('evicts the least recently used page', async () => {
    const { cache, release } = makeCache(2);
    cache.reset('q');
    const p = cache.ensure(0, 20);
    release();
    await p;
    cache.get(0);
    const q = cache.ensure(20, 30);
    await Promise.resolve();
    release();
    await q;
    assert.equal(cache.size, 2);
    assert.equal(cache.get(15), undefined);
    assert.equal(cache.get(5), 5);
  });

  it('ignores answers for a view that was replaced', async () => {
    const { cache, release } = makeCache();
    cache.reset('old');
    const p = cache.ensure(0, 10);
    cache.reset('new', 7);
    release();
    assert.equal(await p, false);
    assert.equal(cache.get(0), undefined);
    assert.equal(cache.total, 7);
  });

  it('stores a first page handed in with put', () => {
    const { cache } = makeCache();
    cache.reset('k');
    cache.put('k', 0, [1, 2, 3], 3);
    cache.put('other', 0, [9], 1);
    assert.equal(cache.get(2), 3);
    assert.equal(cache.total, 3);
  });
});
