import { strict as assert } from 'node:assert';
import { readRecordAt } from '../../../src/core/formats/index';
import { fmt, readChunked, readText, slice } from './helpers';

const R1 = { ApiName: 'GetUser', StatusCode: '200', Body: 'brace } in "string" \\ and [' };
const R2 = { ApiName: '查询物流', StatusCode: '504', ErrorCode: 'D504TO', FrontRequestStart: 1731487224968 };

function response(id: string, logs: object[], pretty: boolean): string {
  const body = { RequestId: id, RequestLogs: { RequestLog: logs } };
  return pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
}

describe('formats: JSON array and QueryRequestLogs reader', () => {
  it('reads a pretty-printed QueryRequestLogs response: records span lines, line is the first one', () => {
    const text = response('CE57', [R1, R2], true) + '\n';
    const bytes = Buffer.from(text);
    const { format, records, problems } = readText(text);
    assert.equal(format.kind, 'queryResponse');
    assert.equal(problems.length, 0);
    assert.deepEqual(records.map((r) => r.fields), [R1, R2]);
    assert.equal(records[0].line, 5);
    assert.equal(slice(bytes, records[0]), JSON.stringify(R1, null, 2).replace(/\n/g, '\n      '));
    assert.equal(records[1].line, 5 + JSON.stringify(R1, null, 2).split('\n').length);
  });

  it('reads several responses back to back, compact and pretty, with CRLF and a BOM', () => {
    const text = '\ufeff' + (response('A', [R1], false) + '\n' + response('B', [R2, R1], true) + '\n').replace(/\n/g, '\r\n');
    const bytes = Buffer.from(text);
    const { format, records, problems } = readText(text);
    assert.equal(format.kind, 'queryResponse');
    assert.equal(problems.length, 0);
    assert.deepEqual(records.map((r) => r.fields.ApiName), ['GetUser', '查询物流', 'GetUser']);
    for (const r of records) assert.deepEqual(JSON.parse(slice(bytes, r)), r.fields);
    assert.equal(records[0].line, 1);
    assert.equal(records[1].line, 6);
  });

  it('reports an error response that holds no records', () => {
    const error = '{"RequestId":"X","Code":"Throttling.User","Message":"Request was denied"}';
    const { records, problems } = readChunked(fmt('queryResponse'), Buffer.from(error + '\n' + response('A', [R1], false)), 5);
    assert.equal(records.length, 1);
    assert.deepEqual(problems.map((p) => [p.line, p.offset, p.length, p.reason]), [[1, 0, error.length, 'JSON value without records']]);
  });

  it('reads a JSON array, compact or pretty', () => {
    for (const text of [JSON.stringify([R1, R2]), JSON.stringify([R1, R2], null, 2)]) {
      const { format, records, problems } = readText(text);
      assert.equal(format.kind, 'jsonArray');
      assert.equal(problems.length, 0);
      assert.deepEqual(records.map((r) => r.fields), [R1, R2]);
    }
  });

  it('reads pretty-printed objects written back to back', () => {
    const text = JSON.stringify(R1, null, 2) + '\n' + JSON.stringify(R2, null, 2) + '\n';
    const { format, records } = readText(text);
    assert.equal(format.kind, 'jsonArray');
    assert.deepEqual(records.map((r) => r.line), [1, 2 + Object.keys(R1).length + 1]);
  });

  it('reports junk between records, an invalid record and a torn last record, and keeps reading', () => {
    const text = '[\n' + JSON.stringify(R1) + ',\n  oops junk\n{"a": nope},\n' + JSON.stringify(R2) + ',\n{"torn": "ab';
    const bytes = Buffer.from(text);
    const { records, problems } = readChunked(fmt('jsonArray'), bytes, 3);
    assert.deepEqual(records.map((r) => r.fields), [R1, R2]);
    assert.deepEqual(problems.map((p) => [p.line, p.reason]), [
      [3, 'unexpected text between records'], [4, 'invalid JSON record'], [6, 'input ended inside a record'],
    ]);
    assert.equal(slice(bytes, problems[0]), 'oops junk');
    assert.equal(slice(bytes, problems[1]), '{"a": nope}');
    assert.equal(slice(bytes, problems[2]), '{"torn": "ab');
  });

  it('keeps escaped backslashes and quotes straight across every chunk boundary', () => {
    const tricky = { a: '\\', b: '\\"', c: '"}]{[', d: 'x\\\\"y' };
    const text = JSON.stringify([tricky, R1, tricky]);
    const bytes = Buffer.from(text);
    for (let size = 1; size <= 12; size++) {
      const { records, problems } = readChunked(fmt('jsonArray'), bytes, size);
      assert.equal(problems.length, 0, `chunk size ${size}`);
      assert.deepEqual(records.map((r) => r.fields), [tricky, R1, tricky], `chunk size ${size}`);
    }
  });

  it('reads one record back from its bytes', () => {
    const bytes = Buffer.from(response('A', [R1, R2], true));
    const { records } = readText(bytes);
    const format = fmt('queryResponse');
    assert.deepEqual(readRecordAt(format, bytes.subarray(records[1].offset, records[1].offset + records[1].length)), R2);
  });
});
