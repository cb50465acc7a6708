import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LogIndex } from '../../../src/core/index/store';
import { appendParts, toParts } from '../../../src/core/index/transfer';
import { TIMING_FIELDS } from '../../../src/core/fields/ids';

/** An index of rows with a request time and timing stamps at the given offsets (NaN = missing). */
function indexWith(rows: { time: number; stamps: number[] }[]): LogIndex {
  const index = new LogIndex();
  for (const r of rows) {
    const row = index.beginRowAt(1, 0, 1);
    index.setNum('time', row, r.time);
    r.stamps.forEach((s, k) => index.setStamp(k, s));
    index.commitRow(row);
  }
  return index;
}

const stampValue = fc.oneof(fc.constant(NaN), fc.integer({ min: -30_000, max: 30_000 }), fc.integer({ min: -3e9, max: 3e9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const rowArb = fc.record({ time: fc.constantFrom(1731484799000, 0, NaN), stamps: fc.array(stampValue, { minLength: 8, maxLength: 8 }) });

describe('index columns', () => {
  it('keeps timing stamps exactly through Int16 → Int32 → absolute widening and merges (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.array(rowArb, { maxLength: 30 }), (a, b) => {
        const absolute = (rows: typeof a) => rows.map((r) => {
          const time = Number.isNaN(r.time) ? r.stamps.map((s) => r.time + s).find((v) => !Number.isNaN(v)) ?? NaN : r.time;
          return { time, stamps: r.stamps.map((s) => (Number.isNaN(s) ? NaN : (Number.isNaN(r.time) ? 0 : r.time) + s)) };
        });
        const rowsA = absolute(a).map((r, i) => ({ time: Number.isNaN(a[i].time) ? NaN : r.time, stamps: r.stamps }));
        const rowsB = absolute(b).map((r, i) => ({ time: Number.isNaN(b[i].time) ? NaN : r.time, stamps: r.stamps }));
        const merged = indexWith(rowsA);
        appendParts(merged, toParts(indexWith(rowsB)).parts, 0);
        const whole = indexWith([...rowsA, ...rowsB]);
        assert.equal(merged.count, a.length + b.length);
        for (let row = 0; row < merged.count; row++) {
          for (const f of TIMING_FIELDS) assert.ok(Object.is(merged.num(f, row), whole.num(f, row)), `${f} row ${row}`);
          const src = [...rowsA, ...rowsB][row];
          TIMING_FIELDS.forEach((f, k) => assert.equal(whole.num(f, row), src.stamps[k]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('merges dictionaries, IDs and locations, shifting line numbers', () => {
    const build = (apis: string[], firstLine: number) => {
      const index = new LogIndex();
      apis.forEach((api, i) => {
        const row = index.beginRowAt(firstLine + i, i * 10, 9);
        index.setStr('apiName', row, api);
        index.setId('requestId', row, i % 2 ? `95657ED9-2F6F-426F-BD99-79C8D8F1A2B${i}` : `odd-${i}`);
        index.commitRow(row);
      });
      return index;
    };
    const merged = build(['a', 'b'], 1);
    appendParts(merged, toParts(build(['b', 'c', 'a\\"x'], 1)).parts, 2);
    assert.deepEqual([0, 1, 2, 3, 4].map((r) => merged.str('apiName', r)), ['a', 'b', 'b', 'c', 'a\\"x']);
    assert.deepEqual([0, 1, 2, 3, 4].map((r) => merged.lineOf(r)), [1, 2, 3, 4, 5]);
    assert.equal(merged.dict('apiName').values.length, 5);
    assert.equal(merged.dict('apiName').codeOf('c'), 3);
    assert.deepEqual(merged.findId('odd-2'), [4]);
    assert.deepEqual(merged.findId('95657ed9-2f6f-426f-bd99-79c8d8f1a2b1'), [1, 3]);
  });
});
