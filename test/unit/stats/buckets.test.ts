import { strict as assert } from 'node:assert';
import { NICE_BUCKET_MS, bucketCount, chooseBucketMs } from '../../../src/core/stats/buckets';

const T0 = Date.UTC(2024, 0, 1);
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('timeline buckets', () => {
  it('picks the smallest nice size that fits the wanted count', () => {
    assert.equal(chooseBucketMs(T0, T0, 60), S, 'one instant: one second');
    assert.equal(chooseBucketMs(T0, T0 + 59 * S, 60), S);
    assert.equal(chooseBucketMs(T0, T0 + 60 * S, 60), 5 * S, '61 one-second buckets do not fit');
    assert.equal(chooseBucketMs(T0, T0 + 10 * M - 1, 60), 10 * S);
    assert.equal(chooseBucketMs(T0, T0 + H - 1, 60), M);
    assert.equal(chooseBucketMs(T0, T0 + D - 1, 60), 30 * M);
    assert.equal(chooseBucketMs(T0, T0 + 7 * D - 1, 60), 3 * H);
    assert.equal(chooseBucketMs(T0, T0 + 30 * D - 1, 60), 12 * H);
    assert.equal(chooseBucketMs(T0, T0 + 30 * D, 60), D, 'an inclusive end one bucket over');
    assert.equal(chooseBucketMs(T0, T0 + D - 1, 24), H);
  });

  it('counts buckets aligned to the epoch, so an unaligned span may need one more', () => {
    assert.equal(bucketCount(T0 + 30 * S, T0 + 90 * S, M), 2);
    assert.equal(chooseBucketMs(T0 + 59 * S, T0 + 59 * M + 59 * S, 60), M);
    assert.equal(chooseBucketMs(T0 + 59 * S, T0 + H + 1 * S, 60), 5 * M);
  });

  it('never exceeds the wanted count, even beyond the largest nice size', () => {
    const largest = NICE_BUCKET_MS[NICE_BUCKET_MS.length - 1];
    for (const [span, wanted] of [[100 * 365 * D, 60], [5 * 365 * D, 2], [3 * H, 1], [D, 1000]]) {
      const size = chooseBucketMs(T0, T0 + span, wanted);
      assert.ok(bucketCount(T0, T0 + span, size) <= wanted, `${span} / ${wanted}`);
      assert.ok(NICE_BUCKET_MS.includes(size) || size % largest === 0);
    }
  });
});
