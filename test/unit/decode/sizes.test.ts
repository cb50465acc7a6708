import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeBytes, formatBytes, formatExactBytes, formatThousands } from '../../../src/core/decode/bytes';
import { formatLatency, parseMs } from '../../../src/core/decode/latency';

describe('byte sizes', () => {
  it('formats human sizes in decimal units by default', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(999), '999 B');
    assert.equal(formatBytes(1500), '1.5 KB');
    assert.equal(formatBytes(21023), '21 KB');
    assert.equal(formatBytes(12_300_000), '12.3 MB');
    assert.equal(formatBytes(999_999), '1 MB');
    assert.equal(formatBytes(1.93e9), '1.9 GB');
  });

  it('formats binary units on request', () => {
    assert.equal(formatBytes(1536, { binary: true }), '1.5 KiB');
    assert.equal(formatBytes(12.3 * 1024 * 1024, { binary: true }), '12.3 MiB');
  });

  it('writes exact counts with thousands separators', () => {
    assert.equal(formatExactBytes(1487), '1,487 bytes');
    assert.equal(formatExactBytes(1), '1 byte');
    assert.equal(formatThousands(1234567), '1,234,567');
    assert.equal(formatThousands(-1234.5), '-1,234.5');
  });

  it('decodes sizes given as strings and rejects other text', () => {
    assert.deepEqual(decodeBytes('1923'), { bytes: 1923, human: '1.9 KB', binary: '1.9 KiB', exact: '1,923 bytes' });
    assert.equal(decodeBytes('12 KB').bytes, undefined);
    assert.equal(decodeBytes(undefined).human, '—');
  });
});

describe('latency', () => {
  it('writes milliseconds, seconds and minutes for people', () => {
    assert.equal(formatLatency(845), '845 ms');
    assert.equal(formatLatency(0), '0 ms');
    assert.equal(formatLatency(0.5), '0.5 ms');
    assert.equal(formatLatency(1345), '1.35 s');
    assert.equal(formatLatency(999.7), '1 s');
    assert.equal(formatLatency(12345), '12.3 s');
    assert.equal(formatLatency(125_000), '2 min 5 s');
    assert.equal(formatLatency(3_600_000), '1 h');
    assert.equal(formatLatency(-3), '-3 ms');
    assert.equal(formatLatency(NaN), '—');
  });

  it('reads numbers and numeric strings only', () => {
    assert.equal(parseMs('36'), 36);
    assert.equal(parseMs(' 4.5 '), 4.5);
    assert.equal(parseMs('36ms'), undefined);
    assert.equal(parseMs(Infinity), undefined);
    assert.equal(parseMs(null), undefined);
  });

  it('never throws and always writes a unit', () => {
    fc.assert(fc.property(fc.double(), (n) => {
      assert.match(formatLatency(n), /(ms|s|min|h|—)$/);
      assert.match(formatBytes(n), /(B|—)$/);
    }), { numRuns: 500 });
  });
});
