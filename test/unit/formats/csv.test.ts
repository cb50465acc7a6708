import { strict as assert } from 'node:assert';
import { readRecordAt } from '../../../src/core/formats/index';
import { fmt, readChunked, readText, slice } from './helpers';

const HEADER = 'apiName,statusCode,requestBody';

describe('formats: CSV, TSV and pipe reader', () => {
  it('maps cells to header names, values as strings, RFC 4180 quoting', () => {
    const text = HEADER + '\nGetUser,200,"a,b ""q"" c"\n查询物流,504,plain\n';
    const { format, records, problems, columns } = readText(text);
    assert.equal(format.kind, 'csv');
    assert.equal(format.delimiter, ',');
    assert.deepEqual(format.columns, ['apiName', 'statusCode', 'requestBody']);
    assert.deepEqual(columns, ['apiName', 'statusCode', 'requestBody']);
    assert.equal(problems.length, 0);
    assert.deepEqual(records.map((r) => r.fields), [
      { apiName: 'GetUser', statusCode: '200', requestBody: 'a,b "q" c' },
      { apiName: '查询物流', statusCode: '504', requestBody: 'plain' },
    ]);
    assert.deepEqual(records.map((r) => r.line), [2, 3]);
  });

  it('keeps line breaks inside quotes, counts lines after them, and strips CRLF and BOM', () => {
    const text = '\ufeff' + HEADER + '\r\n"a",1,"line1\r\nline2\nline3"\r\nb,2,x\r\n';
    const bytes = Buffer.from(text);
    const { records, problems, format } = readText(text);
    assert.equal(format.hasBom, true);
    assert.equal(problems.length, 0);
    assert.equal(records[0].fields.requestBody, 'line1\r\nline2\nline3');
    assert.deepEqual(records.map((r) => r.line), [2, 5]);
    assert.equal(slice(bytes, records[1]), 'b,2,x');
    assert.equal(slice(bytes, records[0]), '"a",1,"line1\r\nline2\nline3"');
  });

  it('reads tab- and pipe-separated files', () => {
    for (const d of ['\t', '|']) {
      const text = ['apiName', 'statusCode', 'path'].join(d) + '\n' + ['GetUser', '200', '"/a' + d + 'b"'].join(d) + '\n';
      const { format, records } = readText(text);
      assert.equal(format.delimiter, d);
      assert.deepEqual(records[0].fields, { apiName: 'GetUser', statusCode: '200', path: '/a' + d + 'b' });
    }
  });

  it('reports rows with the wrong number of cells, binary junk and a torn last row', () => {
    const bytes = Buffer.concat([Buffer.from(HEADER + '\nok,200,x\nshort,1\n'), Buffer.from([0x00, 0x01, 0xff, 0x0a]), Buffer.from('ok,200,y\nto')]);
    const { records, problems } = readChunked(fmt('csv', ','), bytes, 4);
    assert.equal(records.length, 2);
    assert.deepEqual(problems.map((p) => [p.line, p.reason]), [
      [3, 'row has 2 cells, the header has 3'], [4, 'binary data'], [6, 'incomplete last line (input ended mid-record)'],
    ]);
  });

  it('reports a quoted field left open at the end of input', () => {
    const { records, problems } = readText(HEADER + '\nok,200,x\nbad,500,"never closed\nmore\n');
    assert.equal(records.length, 1);
    assert.deepEqual(problems.map((p) => [p.line, p.reason]), [[3, 'unterminated quoted field at end of input']]);
  });

  it('treats a quote inside an unquoted cell as text', () => {
    const { records, problems } = readText(HEADER + '\nsay "hi",200,x\n');
    assert.equal(problems.length, 0);
    assert.equal(records[0].fields.apiName, 'say "hi"');
  });

  it('gives the same records for every chunk size', () => {
    const text = '\ufeff' + HEADER + '\r\n"a""b",1,"x\r\ny"\r\n\r\nc,2,""\r\n"",3,"""q"""\r\n';
    const bytes = Buffer.from(text);
    const whole = readChunked(fmt('csv', ','), bytes, bytes.length);
    assert.equal(whole.records.length, 3);
    for (let size = 1; size < 10; size++) assert.deepEqual(readChunked(fmt('csv', ','), bytes, size), whole, `chunk size ${size}`);
  });

  it('reads one row back given the header', () => {
    const bytes = Buffer.from(HEADER + '\r\nGetUser,200,"a\r\nb"\r\n');
    const { records, format, columns } = readText(bytes);
    const row = bytes.subarray(records[0].offset, records[0].offset + records[0].length);
    assert.deepEqual(readRecordAt(format, row, columns), records[0].fields);
    assert.equal(readRecordAt({ ...format, columns: undefined }, row), undefined);
  });
});
