import { strict as assert } from 'node:assert';
import { createRecordReader, readRecordAt } from '../../../src/core/formats/index';
import { fmt, readChunked, readText, slice } from './helpers';

const A = '{"apiName":"GetUser","statusCode":"200"}';
const B = '{"apiName":"查询物流","body":"line1\\nline2 \\"q\\" \\\\ end"}';

describe('formats: JSON lines reader', () => {
  it('reads one record per line with 1-based lines and exact byte offsets', () => {
    const text = A + '\n' + B + '\n';
    const bytes = Buffer.from(text);
    const { records, problems } = readText(text);
    assert.equal(problems.length, 0);
    assert.deepEqual(records.map((r) => r.line), [1, 2]);
    assert.equal(records[1].offset, Buffer.byteLength(A) + 1);
    assert.equal(slice(bytes, records[1]), B);
    assert.equal(records[1].fields.apiName, '查询物流');
    assert.equal(records[1].fields.body, 'line1\nline2 "q" \\ end');
  });

  it('decodes \\uXXXX escapes and counts offsets in UTF-8 bytes, not characters', () => {
    const text = '{"a":"\\u67e5\\u8be2"}\n{"b":"中文"}\n{"c":1}\n';
    const { records } = readText(text);
    assert.equal(records[0].fields.a, '查询');
    assert.equal(records[2].offset, Buffer.byteLength('{"a":"\\u67e5\\u8be2"}\n{"b":"中文"}\n'));
  });

  it('handles a BOM, CRLF and blank lines without reporting them as problems', () => {
    const text = '\ufeff' + A + '\r\n\r\n  \r\n' + B + '\r\n';
    const bytes = Buffer.from(text);
    const { records, problems, blankLines, format } = readText(text);
    assert.equal(format.hasBom, true);
    assert.equal(format.lineEnding, 'crlf');
    assert.equal(problems.length, 0);
    assert.equal(blankLines, 2);
    assert.equal(records[0].offset, 3);
    assert.equal(slice(bytes, records[0]), A);
    assert.equal(records[1].line, 4);
    assert.equal(slice(bytes, records[1]), B);
  });

  it('reports a malformed line, binary junk and a torn last line, and keeps reading', () => {
    const junk = Buffer.from([0x00, 0xff, 0x7b, 0x22, 0x01]);
    const bytes = Buffer.concat([Buffer.from(A + '\n{"apiName": oops\n'), junk, Buffer.from('\n' + B + '\n' + A.slice(0, 20))]);
    const { records, problems } = readChunked(fmt('jsonl'), bytes, 7);
    assert.equal(records.length, 2);
    assert.deepEqual(problems.map((p) => [p.line, p.reason]), [
      [2, 'invalid JSON'], [3, 'binary data'], [5, 'incomplete last line (input ended mid-record)'],
    ]);
    assert.equal(slice(bytes, problems[0]), '{"apiName": oops');
    assert.equal(problems[2].length, 20);
  });

  it('accepts a last line without a terminator when it is a whole record', () => {
    const { records, problems } = readText(A + '\n' + B);
    assert.equal(records.length, 2);
    assert.equal(problems.length, 0);
  });

  it('reports JSON that is not an object', () => {
    const { problems } = readText(A + '\n[1,2]\n"text"\n');
    assert.deepEqual(problems.map((p) => p.reason), ['JSON value is not an object', 'JSON value is not an object']);
  });

  it('reads a 10 MB single line split into many chunks', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const text = A + '\n{"requestBody":"' + big + '"}\n' + B + '\n';
    const bytes = Buffer.from(text);
    const { records, problems } = readChunked(fmt('jsonl'), bytes, 64 * 1024);
    assert.equal(problems.length, 0);
    assert.equal(records.length, 3);
    assert.equal((records[1].fields.requestBody as string).length, big.length);
    assert.equal(records[2].offset, Buffer.byteLength(A) + 1 + records[1].length + 1);
  });

  it('starts at a given offset and line when resuming a growing file', () => {
    const records: number[][] = [];
    const format = fmt('jsonl');
    const bytes = Buffer.from(B + '\n');
    const reader = createRecordReader(format, { onRecord: (r) => records.push([r.line, r.offset]), startOffset: 1000, startLine: 40 });
    reader.push(bytes);
    reader.end();
    assert.deepEqual(records, [[40, 1000]]);
  });

  it('reads a single record back from its bytes', () => {
    const bytes = Buffer.from(A + '\r\n' + B + '\r\n');
    const { records } = readText(bytes);
    const again = readRecordAt(fmt('jsonl'), bytes.subarray(records[1].offset, records[1].offset + records[1].length));
    assert.deepEqual(again, records[1].fields);
    assert.equal(readRecordAt(fmt('jsonl'), Buffer.from('{"torn":')), undefined);
  });
});
