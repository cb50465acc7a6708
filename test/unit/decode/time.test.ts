import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeTime, detectEpochUnit, parseTime } from '../../../src/core/decode/time';

const NOW = Date.UTC(2022, 9, 29, 7, 0, 0);
const SH = { now: NOW, timeZone: 'Asia/Shanghai' };

function valid(value: unknown, options = SH) {
  const t = decodeTime(value, options);
  assert.ok(t.valid, `valid: ${String(value)}`);
  return t;
}

describe('time decoding', () => {
  it('decodes the ISO request time to UTC, local and relative text', () => {
    const t = valid('2022-10-29T03:59:59Z');
    assert.equal(t.unit, 'iso');
    assert.equal(t.utc, '2022-10-29T03:59:59Z');
    assert.equal(t.local, '2022-10-29 11:59:59 UTC+08:00');
    assert.equal(t.timeZone, 'Asia/Shanghai');
    assert.equal(t.relative, '3 hours ago');
  });

  it('tells epoch seconds from epoch milliseconds by magnitude', () => {
    assert.equal(valid(1667015999).unit, 's');
    assert.equal(valid('1667015999').epochMs, 1667015999000);
    const ms = valid(1731487224968);
    assert.equal(ms.unit, 'ms');
    assert.equal(ms.utc, '2024-11-13T08:40:24.968Z');
    assert.equal(ms.relative, 'in 2 years');
    assert.equal(detectEpochUnit(1.7e15), 'us');
    assert.equal(detectEpochUnit(1.7e18), 'ns');
    assert.equal(parseTime(1.7e18)?.epochMs, 1.7e12);
  });

  it('writes relative times in Chinese and honours half-hour zones', () => {
    const t = valid(1667015999, { now: NOW, timeZone: 'America/St_Johns', lang: 'zh' } as typeof SH);
    assert.equal(t.relative, '3 小时前');
    assert.equal(t.local, '2022-10-29 01:29:59 UTC-02:30');
  });

  it('reads ISO variants: space separator, offsets, fractions, no zone (UTC)', () => {
    assert.equal(valid('2022-10-29 03:59:59').epochMs, Date.UTC(2022, 9, 29, 3, 59, 59));
    assert.equal(valid('2022-10-29T11:59:59+08:00').utc, '2022-10-29T03:59:59Z');
    assert.equal(valid('2022-10-29T03:59:59.250Z').utc, '2022-10-29T03:59:59.250Z');
    assert.equal(valid('2022-10-29T03:59:59-0130').utc, '2022-10-29T05:29:59Z');
    assert.equal(valid('2022-10-29').utc, '2022-10-29T00:00:00Z');
  });

  it('rejects impossible dates and non-times', () => {
    for (const v of ['2022-02-30T00:00:00Z', '2022-13-01T00:00:00Z', '2022-10-29T24:00:00Z', 'abc', '', 'NaN', NaN, Infinity, 1e300, null, {}]) {
      assert.equal(decodeTime(v, SH).valid, false, String(v));
    }
  });

  it('falls back to the host zone for an unknown zone name', () => {
    const t = valid(1667015999, { now: NOW, timeZone: 'Not/AZone' });
    assert.equal(t.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('never throws on any value', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.double(), fc.integer(), fc.anything()), (v) => {
      const t = decodeTime(v, SH);
      if (t.valid) assert.ok(t.utc.length > 0 && t.local.length > 0 && t.relative.length > 0);
    }), { numRuns: 800 });
  });
});
