/** Facets, groups for the tree, sorting and latency ranks, each against a direct computation. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LogIndex } from '../../../src/core/index/store';
import { facets } from '../../../src/core/stats/facets';
import { groupRows, type RowGroup } from '../../../src/core/stats/groupRows';
import { latencyRank } from '../../../src/core/stats/latencyRank';
import { sortRows } from '../../../src/core/stats/sortRows';
import { indexOf, type TestRecord } from '../query/fixtures';

const RECORDS: TestRecord[] = [
  { apiName: 'GetUser', apiGroupName: 'users', statusCode: '200', errorCode: 'OK', totalLatency: '40', requestHandleTime: '2024-01-01T00:00:03Z' },
  { apiName: 'GetUser', apiGroupName: 'users', statusCode: '500', errorCode: 'X500ER', totalLatency: '900', requestHandleTime: '2024-01-01T00:00:01Z' },
  { apiName: 'ListOrders', apiGroupName: 'orders', statusCode: '200', totalLatency: '300', requestHandleTime: '2024-01-01T00:00:02Z' },
  { apiName: 'GetUser', apiGroupName: 'users', statusCode: '200', errorCode: 'OK', totalLatency: '60' },
  { apiGroupName: 'orders', statusCode: '404', errorCode: 'I404NF', requestHandleTime: '2024-01-01T00:00:00Z' },
  { apiName: 'ListOrders', apiGroupName: 'orders', statusCode: '200', totalLatency: '300', requestHandleTime: '2024-01-01T00:00:02Z' },
];
const index = indexOf(RECORDS);

/** Groups as [value, count, failures, p95, children or rows]. */
function shape(groups: RowGroup[]): unknown[] {
  return groups.map((g) => [g.value, g.count, g.failures, g.p95, g.children ? shape(g.children) : [...g.rows!]]);
}

describe('facets', () => {
  it('lists top values with counts, missing as an empty value, and what is left over', () => {
    const [api, status] = facets(index, undefined, ['apiName', 'statusCode'], 2);
    assert.deepEqual(api, { column: 'apiName', values: [{ value: 'GetUser', count: 3 }, { value: 'ListOrders', count: 2 }], distinct: 3, others: 1 });
    assert.deepEqual(status.values, [{ value: '200', count: 4 }, { value: '404', count: 1 }]);
    const [missing] = facets(index, Uint32Array.of(4, 5), ['apiName'], 5);
    assert.deepEqual(missing.values, [{ value: '', count: 1 }, { value: 'ListOrders', count: 1 }]);
  });
});

describe('groupRows', () => {
  it('nests groups by the keys with counts, failures and p95, rows kept in row order', () => {
    const groups = groupRows(index, undefined, ['apiName', 'statusCode']);
    assert.deepEqual(shape(groups), [
      ['GetUser', 3, 1, 900, [['200', 2, 0, 60, [0, 3]], ['500', 1, 1, 900, [1]]]],
      ['ListOrders', 2, 0, 300, [['200', 2, 0, 300, [2, 5]]]],
      ['', 1, 1, NaN, [['404', 1, 1, NaN, [4]]]],
    ]);
    assert.equal(groups[0].column, 'apiName');
    assert.equal(groups[0].children![0].column, 'statusCode');
  });

  it('takes keys in any order and sorts by p95 or name', () => {
    assert.deepEqual(shape(groupRows(index, undefined, ['statusCode', 'apiName'], { sort: 'p95' })).map((g) => (g as unknown[])[0]), ['500', '200', '404']);
    assert.deepEqual(shape(groupRows(index, undefined, ['apiGroupName'], { sort: 'name' })).map((g) => (g as unknown[])[0]), ['orders', 'users']);
    const byName = groupRows(indexOf([{ statusCode: '500' }, { statusCode: '99' }, {}, { statusCode: '200' }]), undefined, ['statusCode'], { sort: 'name' });
    assert.deepEqual(byName.map((g) => g.value), ['99', '200', '500', ''], 'numeric-aware, missing last');
  });

  it('keeps only failures when asked, and honours a row subset', () => {
    assert.deepEqual(shape(groupRows(index, undefined, ['errorCode'], { failuresOnly: true })), [['I404NF', 1, 1, NaN, [4]], ['X500ER', 1, 1, 900, [1]]]);
    assert.deepEqual(shape(groupRows(index, Uint32Array.of(0, 2, 3), ['apiGroupName'])), [['users', 2, 0, 60, [0, 3]], ['orders', 1, 0, 300, [2]]]);
    assert.deepEqual(groupRows(index, undefined, []), []);
  });
});

describe('sortRows', () => {
  it('sorts by numbers, times and dictionary values, missing last, ties in row order', () => {
    assert.deepEqual([...sortRows(index, undefined, 'totalLatency', false)], [0, 3, 2, 5, 1, 4]);
    assert.deepEqual([...sortRows(index, undefined, 'totalLatency', true)], [1, 2, 5, 3, 0, 4]);
    assert.deepEqual([...sortRows(index, undefined, 'time', false)], [4, 1, 2, 5, 0, 3]);
    assert.deepEqual([...sortRows(index, undefined, 'apiName', false)], [0, 1, 3, 2, 5, 4]);
    assert.deepEqual([...sortRows(index, undefined, 'apiName', true)], [2, 5, 0, 1, 3, 4]);
    assert.deepEqual([...sortRows(index, Uint32Array.of(5, 1, 0), 'statusCode', true)], [1, 5, 0]);
  });

  it('equals a comparator sort for random keys of any range and fractions', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.constant(NaN), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 2 ** 40 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 60 }), fc.boolean(), (values, descending) => {
        const idx = new LogIndex();
        values.forEach((v, row) => {
          idx.beginRow({ line: row + 1, offset: row, length: 1 });
          idx.setNum('time', row, v);
          idx.commitRow(row);
        });
        const expected = values.map((v, i) => ({ v, i })).sort((a, b) => {
          const missing = Number(Number.isNaN(a.v)) - Number(Number.isNaN(b.v));
          return missing || (Number.isNaN(a.v) ? 0 : (descending ? b.v - a.v : a.v - b.v)) || a.i - b.i;
        }).map(({ i }) => i);
        assert.deepEqual([...sortRows(idx, undefined, 'time', descending)], expected);
      }), { numRuns: 200, seed: 11 });
  });
});

describe('latencyRank', () => {
  it('ranks a request among requests to the same API, or among all', () => {
    assert.deepEqual(latencyRank(index, 1, true), { rank: 1, of: 3, percentile: 100 });
    assert.deepEqual(latencyRank(index, 0, true), { rank: 3, of: 3, percentile: 100 / 3 });
    assert.deepEqual(latencyRank(index, 2, true), { rank: 1, of: 2, percentile: 100 }, 'ties share the best rank');
    assert.deepEqual(latencyRank(index, 3, false), { rank: 4, of: 5, percentile: 40 });
    assert.equal(latencyRank(index, 4, true), undefined, 'no latency, no rank');
  });

  it('follows the index as it grows', () => {
    const grown = indexOf(RECORDS);
    assert.equal(latencyRank(grown, 1, true)!.of, 3);
    indexOfAppend(grown, { apiName: 'GetUser', totalLatency: '5000' });
    assert.deepEqual(latencyRank(grown, 1, true), { rank: 2, of: 4, percentile: 75 });
  });
});

function indexOfAppend(target: ReturnType<typeof indexOf>, record: TestRecord): void {
  const extra = indexOf([record]);
  target.beginRow({ line: target.count + 1, offset: 0, length: 0 });
  const row = target.count;
  target.setStr('apiName', row, extra.str('apiName', 0));
  target.setNum('totalLatency', row, extra.num('totalLatency', 0));
  target.commitRow(row);
}
