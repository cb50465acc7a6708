import { strict as assert } from 'node:assert';
import { cellIndexAt, csvRecordStarts, detectDelimiter, readCsvRecord, recordStartAt } from '../../../src/language/csvLocate';

const CSV = 'requestId,statusCode,requestHeaders,path\r\n'
  + 'A,200,"host: x\r\nuser-agent: ""curl"", 8",/a\r\n'
  + 'B,,"",/b,extra\r\n'
  + 'C,404,plain,"/c,d"';

describe('CSV locating', () => {
  it('detects the delimiter of a header outside quotes', () => {
    assert.equal(detectDelimiter('a,b,c'), ',');
    assert.equal(detectDelimiter('a\tb\t"c,d,e"'), '\t');
    assert.equal(detectDelimiter('a|b|c'), '|');
    assert.equal(detectDelimiter('single'), ',');
  });

  it('reads records whose quoted cells hold delimiters, doubled quotes and line breaks', () => {
    const header = readCsvRecord(CSV, 0, ',');
    assert.deepEqual(header.cells.map((c) => c.value), ['requestId', 'statusCode', 'requestHeaders', 'path']);
    const first = readCsvRecord(CSV, header.next, ',');
    assert.deepEqual(first.cells.map((c) => c.value), ['A', '200', 'host: x\r\nuser-agent: "curl", 8', '/a']);
    const second = readCsvRecord(CSV, first.next, ',');
    assert.deepEqual(second.cells.map((c) => c.value), ['B', '', '', '/b', 'extra']);
    const third = readCsvRecord(CSV, second.next, ',');
    assert.deepEqual(third.cells.map((c) => c.value), ['C', '404', 'plain', '/c,d']);
    assert.equal(third.next, CSV.length);
  });

  it('finds every record start in one pass and the record under an offset', () => {
    const starts = csvRecordStarts(CSV, ',');
    assert.deepEqual(starts.map((s) => CSV[s]), ['A', 'B', 'C']);
    assert.equal(recordStartAt(starts, CSV.indexOf('user-agent')), starts[0]);
    assert.equal(recordStartAt(starts, 3), undefined);
  });

  it('maps an offset to its cell, a delimiter to the cell before it', () => {
    const starts = csvRecordStarts(CSV, ',');
    const rec = readCsvRecord(CSV, starts[0], ',');
    assert.equal(cellIndexAt(rec, CSV.indexOf('200')), 1);
    assert.equal(cellIndexAt(rec, CSV.indexOf('curl')), 2);
    assert.equal(cellIndexAt(rec, CSV.indexOf('/a')), 3);
    const empty = readCsvRecord(CSV, starts[1], ',');
    assert.equal(cellIndexAt(empty, empty.start + 2), 1);
  });
});
