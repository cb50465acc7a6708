import { strict as assert } from 'node:assert';
import { percentiles, rankIndex, selectInPlace } from '../../../src/core/stats/percentiles';
import { codeSlots, rankPercentiles, rankValues, slotRankPercentiles, topPositions, valueHistogram } from '../../../src/core/stats/rankedValues';
import { seededRandom } from './syntheticIndex';

const PS = [0, 1, 50, 90, 95, 99, 99.9, 100];

/** Nearest-rank percentiles by sorting: the definition the engine promises. */
function bySorting(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Array.from(values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return ps.map((p) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN));
}

function sample(n: number, seed: number, make: (r: () => number) => number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: n }, () => make(random));
}

const shapes: [string, (r: () => number) => number][] = [
  ['skewed integers', (r) => Math.floor(r() ** 3 * 3000)],
  ['few distinct values', (r) => Math.floor(r() * 4) * 10],
  ['floats with missing values', (r) => (r() < 0.1 ? NaN : r() * 100 - 50)],
  ['one huge outlier', (r) => (r() < 0.001 ? 1e9 : Math.floor(r() * 50))],
  ['all equal', () => 7],
];

describe('percentiles', () => {
  it('uses the nearest-rank index', () => {
    assert.equal(rankIndex(50, 4), 1);
    assert.equal(rankIndex(95, 20), 18);
    assert.equal(rankIndex(0, 5), 0);
    assert.equal(rankIndex(100, 5), 4);
  });

  it('selects the k-th smallest with smaller values before it', () => {
    const a = sample(1000, 3, (r) => Math.floor(r() * 20));
    const sorted = Array.from(a).sort((x, y) => x - y);
    assert.equal(selectInPlace(a, 0, a.length, 500), sorted[500]);
    assert.ok(a.subarray(0, 500).every((v) => v <= sorted[500]));
    assert.ok(a.subarray(501).every((v) => v >= sorted[500]));
  });

  for (const [name, make] of shapes) {
    for (const n of [0, 1, 2, 7, 100, 5000, 40000]) {
      it(`are exact for ${n} values, ${name}`, () => {
        const values = sample(n, n + name.length, make);
        const copy = values.slice();
        assert.deepEqual(percentiles(values, PS), bySorting(values, PS));
        assert.deepEqual(values, copy, 'input untouched');
        const ranked = rankValues(values);
        assert.deepEqual(rankPercentiles(ranked, PS), bySorting(values, PS));
        assert.deepEqual(rankPercentiles(valueHistogram(values), PS), bySorting(values, PS));
      });
    }
  }

  it('are exact per slot, by histogram and (for many slots) by value order', () => {
    for (const slots of [5, 4000]) {
      const values = sample(20000, slots, (r) => Math.floor(r() * 3000));
      const keys = Uint16Array.from(values, (_, j) => (j * 7919) % (slots + 1));
      const codes = Array.from({ length: slots }, (_, i) => i + 1);
      const got = slotRankPercentiles(rankValues(values), codeSlots(keys, slots + 1, codes), [50, 95]);
      for (const code of [1, 2, slots]) {
        const mine = values.filter((_, j) => keys[j] === code);
        assert.deepEqual([got[(code - 1) * 2], got[(code - 1) * 2 + 1]], bySorting(mine, [50, 95]), `slot ${code} of ${slots}`);
      }
      const subset = Uint32Array.from({ length: 5000 }, (_, i) => i * 4);
      const sub = slotRankPercentiles(rankValues(values), codeSlots(keys, slots + 1, codes), [95], subset);
      assert.equal(sub[0], bySorting(values.filter((_, j) => keys[j] === 1 && j % 4 === 0), [95])[0]);
    }
  });

  it('finds the positions of the highest values, ties by position', () => {
    const values = Float64Array.of(5, NaN, 9, 9, 1, 7, 9);
    assert.deepEqual(topPositions(rankValues(values), 4), [2, 3, 6, 5]);
    assert.deepEqual(topPositions(rankValues(values), 0), []);
    assert.deepEqual(topPositions(rankValues(new Float64Array(3).fill(NaN)), 2), []);
  });
});
