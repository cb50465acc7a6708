import { strict as assert } from 'node:assert';
import { cellView } from '../../../src/webview/cells';
import { decades, formatBytes, formatCompact, formatCount, formatMs, formatPercent, formatTime, latencyLevel, statusClassOf } from '../../../src/webview/format';
import { presetRange } from '../../../src/webview/timeRange';
import { restoreState, defaultState } from '../../../src/webview/state';
import { nextSort } from '../../../src/webview/sorting';

describe('webview formatting', () => {
  it('puts log-axis grid lines at powers of ten only', () => {
    assert.deepEqual(decades(3, 14000), [1, 10, 100, 1000, 10000]);
    assert.deepEqual(decades(0, 1), [1]);
    assert.deepEqual(decades(100, 1000), [100, 1000]);
  });

  it('formats times, durations, sizes and counts', () => {
    assert.equal(formatTime(Date.UTC(2022, 9, 29, 3, 59, 59, 7), true, true), '2022-10-29 03:59:59.007');
    assert.equal(formatTime(NaN, true), '');
    assert.equal(formatMs(43.4), '43 ms');
    assert.equal(formatMs(1250), '1.25 s');
    assert.equal(formatMs(90_000), '1.5 min');
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatCount(1234567), '1,234,567');
    assert.equal(formatCompact(12345), '12.3k');
    assert.equal(formatPercent(0.995), '99.5%');
    assert.equal(formatPercent(1), '100%');
    assert.equal(formatPercent(NaN), '–');
  });

  it('classifies statuses and latencies for colouring', () => {
    assert.equal(statusClassOf('200'), '2xx');
    assert.equal(statusClassOf(503), '5xx');
    assert.equal(statusClassOf(null), 'other');
    assert.equal(latencyLevel(100), 'ok');
    assert.equal(latencyLevel(800), 'slow');
    assert.equal(latencyLevel(5000), 'very-slow');
    assert.equal(latencyLevel(null), 'none');
  });

  it('renders cells as text with their colour classes', () => {
    const status = cellView({ id: 'statusCode', title: 'Status', kind: 'status', width: 50, sortable: true }, '504', false);
    assert.deepEqual(status, { text: '504', className: 'cell status status-5xx' });
    const hostile = cellView({ id: 'path', title: 'Path', kind: 'text', width: 50, sortable: true }, '<script>alert(1)</script>', false);
    assert.equal(hostile.text, '<script>alert(1)</script>');
    const latency = cellView({ id: 'totalLatency', title: 'Latency', kind: 'ms', width: 50, sortable: true }, 4200, false);
    assert.equal(latency.className, 'cell num latency-very-slow');
  });

  it('computes preset ranges from the newest record', () => {
    assert.deepEqual(presetRange('15m', 1_000_000_000), { from: 1_000_000_001 - 900_000, to: 1_000_000_001 });
    assert.equal(presetRange('all', 5), undefined);
    assert.equal(presetRange('1h', undefined), undefined);
  });

  it('restores a stored state over the defaults, dropping unknown columns', () => {
    const defaults = defaultState(['time', 'path']);
    const restored = restoreState({ query: 'x', columns: ['gone', 'path'], tab: 'bogus' }, defaults, ['time', 'path']);
    assert.equal(restored.query, 'x');
    assert.deepEqual(restored.columns, ['path']);
    assert.equal(restored.tab, 'table');
    assert.deepEqual(restoreState(null, defaults, []), defaults);
  });
});

describe('table sorting', () => {
  it('cycles a column through descending, ascending and file order', () => {
    const latency = { id: 'totalLatency', title: 'Latency', kind: 'ms' as const, width: 50, sortable: true };
    const first = nextSort(undefined, latency);
    assert.deepEqual(first, { column: 'totalLatency', dir: 'desc' });
    const second = nextSort(first, latency);
    assert.deepEqual(second, { column: 'totalLatency', dir: 'asc' });
    assert.equal(nextSort(second, latency), undefined);
    assert.deepEqual(nextSort({ column: 'time', dir: 'asc' }, latency), { column: 'totalLatency', dir: 'desc' });
  });
});
