import { strict as assert } from 'node:assert';
import { errorContext, filterError, viewDescription } from '../../../src/tree/filter';
import { GROUPINGS, groupingById, sortById } from '../../../src/tree/grouping';
import { errorCodeIcon, groupIcon, requestIcon, statusIcon } from '../../../src/tree/icons';
import {
  MAX_LABEL_CHARS, cleanText, groupDescription, groupLabel, groupTooltip, requestDescription, requestLabel, requestTooltip, timeText,
} from '../../../src/tree/labels';
import { moreDescription, moreLabel } from '../../../src/tree/nodes';

describe('tree labels', () => {
  it('names status groups with their reason phrase and missing values plainly', () => {
    assert.equal(groupLabel('statusCode', '404'), '404 Not Found');
    assert.equal(groupLabel('statusCode', '299'), '299');
    assert.equal(groupLabel('apiName', ''), '(no API name)');
    assert.equal(groupLabel('errorCode', ''), '(no error code)');
    assert.equal(groupLabel('apiName', 'GetUser'), 'GetUser');
  });

  it('describes a group by count, p95 and failures', () => {
    assert.equal(groupDescription({ column: 'apiName', value: 'A', count: 1234, failures: 3, p95: 845 }), '1,234 · p95 845 ms · 3 failed');
    assert.equal(groupDescription({ column: 'apiName', value: 'A', count: 2, failures: 0, p95: NaN }), '2');
    assert.equal(groupDescription({ column: 'statusCode', value: '500', count: 5, failures: 5, p95: 1500 }), '5 · p95 1.5 s', 'a 5xx group needs no "failed"');
  });

  it('labels a request by time, method and path, and describes it by latency and a failing error code', () => {
    const request = { row: 0, line: 3, time: new Date(2024, 4, 1, 10, 21, 3, 123).getTime(), httpMethod: 'GET', path: '/pay/1', totalLatency: 845, errorCode: 'X403AS' };
    assert.equal(requestLabel(request), '10:21:03.123 GET /pay/1');
    assert.equal(requestLabel({ ...request, time: new Date(2024, 4, 1, 10, 21, 3).getTime() }), '10:21:03 GET /pay/1');
    assert.match(requestTooltip(request), /2024-05-01 10:21:03\.123 · line 3/);
    assert.equal(requestDescription(request), '845 ms · X403AS');
    assert.equal(requestDescription({ ...request, errorCode: 'OK' }), '845 ms');
    assert.equal(requestLabel({ row: 0, line: 9 }), 'line 9');
    assert.equal(timeText(NaN), '');
  });

  it('neutralizes hostile text: no line breaks, bidi overrides or endless labels', () => {
    const hostile = `/a\nb\u202Ec\u0000${'x'.repeat(500)}`;
    const label = requestLabel({ row: 0, line: 1, httpMethod: 'GET\r\n', path: hostile });
    assert.ok(!/[\n\r\u202E\u0000]/.test(label), label);
    assert.ok(label.length <= MAX_LABEL_CHARS + 20);
    assert.ok(cleanText('x'.repeat(300)).endsWith('…'));
    assert.ok(!requestTooltip({ row: 0, line: 1, requestId: 'a\u202Eb', path: hostile }).includes('\u202E'));
  });

  it('explains groups in the tooltip', () => {
    const tip = groupTooltip({ column: 'errorCode', value: 'X500ER', count: 10, failures: 10, p95: 20 });
    assert.match(tip, /Error code: X500ER/);
    assert.match(tip, /10 failed \(100\.0%\)/);
  });
});

describe('tree icons', () => {
  it('colours status classes differently', () => {
    const colors = ['200', '302', '404', '503', 'junk'].map((s) => statusIcon(s).color);
    assert.equal(new Set(colors).size, colors.length);
    assert.deepEqual(statusIcon('200'), { id: 'pass', color: 'testing.iconPassed' });
    assert.equal(statusIcon('503').color, 'errorForeground');
  });

  it('colours error codes by the status they stand for', () => {
    assert.equal(errorCodeIcon('').id, 'pass');
    assert.equal(errorCodeIcon('OK').id, 'pass');
    assert.equal(errorCodeIcon('A403IP').id, 'warning');
    assert.equal(errorCodeIcon('D504TO').id, 'error');
  });

  it('warns on API groups by share of failures', () => {
    assert.equal(groupIcon('apiName', 'A', 0, 10).color, undefined);
    assert.equal(groupIcon('apiName', 'A', 1, 10).color, 'editorWarning.foreground');
    assert.equal(groupIcon('apiName', 'A', 6, 10).color, 'errorForeground');
    assert.equal(groupIcon('statusCode', '200', 0, 10).id, 'pass');
  });

  it('marks a 200 with a gateway error code as failed', () => {
    assert.equal(requestIcon('200', 'OK').color, 'testing.iconPassed');
    assert.notEqual(requestIcon('200', 'X500ER').color, 'testing.iconPassed');
  });
});

describe('tree grouping, filter and paging helpers', () => {
  it('falls back to defaults for unknown persisted ids', () => {
    assert.equal(groupingById('nonsense').id, 'api-status');
    assert.deepEqual(groupingById('status-api').keys, ['statusCode', 'apiName']);
    assert.equal(sortById('p95'), 'p95');
    assert.equal(sortById(42), 'count');
    assert.equal(new Set(GROUPINGS.map((g) => g.id)).size, GROUPINGS.length);
  });

  it('reports a query error with its column', () => {
    assert.equal(filterError('status:500 and api:Get*'), undefined);
    assert.equal(filterError(''), undefined);
    const error = filterError('status:500 and (');
    assert.match(error ?? '', /^Column \d+: /);
    assert.equal(errorContext('status:500 and (', 16), 'at the end');
    assert.equal(errorContext('a and ) or b', 6), 'at ") or b"');
    assert.equal(errorContext('x'.repeat(30), 0), `at "${'x'.repeat(12)}…"`);
  });

  it('describes the view by log and filter', () => {
    assert.equal(viewDescription('access.log', '', false), 'access.log');
    assert.equal(viewDescription('access.log', ' status:5* ', true), 'access.log · filter: status:5* · failures only');
    assert.equal(viewDescription(undefined, '', false), '');
  });

  it('pages by 100', () => {
    assert.equal(moreLabel(100, 150), 'Show 50 more…');
    assert.equal(moreLabel(100, 1000), 'Show 100 more…');
    assert.equal(moreDescription(100, 1234), '100 of 1,234 shown');
  });
});
