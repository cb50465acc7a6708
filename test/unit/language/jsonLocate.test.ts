import { strict as assert } from 'node:assert';
import { documentRecordSpans, memberAt, memberValue, objectFields, readObject, recordSpans } from '../../../src/language/jsonLocate';

const LINE = '{"statusCode":"200","body":"a\\"b,}\\\\","n":12,"o":{"x":[1,{"y":"}"}]},"t":true}';

describe('JSON locating', () => {
  it('reads members with the spans of keys and values, skipping escaped quotes and nested values', () => {
    const obj = readObject(LINE, 0);
    assert.deepEqual(obj.members.map((m) => m.key), ['statusCode', 'body', 'n', 'o', 't']);
    assert.equal(obj.end, LINE.length);
    const body = obj.members[1];
    assert.equal(LINE.slice(body.valueStart, body.valueEnd), '"a\\"b,}\\\\"');
    assert.equal(memberValue(LINE, body), 'a"b,}\\');
    assert.equal(memberValue(LINE, obj.members[2]), '12');
    assert.equal(memberValue(LINE, obj.members[3]), '{"x":[1,{"y":"}"}]}');
    assert.equal(obj.members[3].valueKind, 'object');
  });

  it('tells a key from a value under an offset', () => {
    const obj = readObject(LINE, 0);
    assert.deepEqual(pick(memberAt(obj, LINE.indexOf('statusCode'))), ['statusCode', 'key']);
    assert.deepEqual(pick(memberAt(obj, LINE.indexOf('200'))), ['statusCode', 'value']);
    assert.deepEqual(pick(memberAt(obj, LINE.indexOf('"body"'))), ['body', 'key']);
    assert.deepEqual(pick(memberAt(obj, LINE.indexOf('12'))), ['n', 'value']);
    assert.equal(memberAt(obj, LINE.indexOf(':')), undefined);
  });

  it('keeps the members read before a torn end', () => {
    const torn = '{"a":"1","b":"2","c":"unterminated';
    const obj = readObject(torn, 0);
    assert.deepEqual(obj.members.map((m) => m.key), ['a', 'b', 'c']);
    assert.equal(memberValue(torn, obj.members[2]), 'unterminated');
  });

  it('stores hostile keys such as __proto__ as plain fields', () => {
    const text = '{"__proto__":"x","constructor":"y","statusCode":"200"}';
    const fields = objectFields(text, readObject(text, 0));
    assert.equal(fields.__proto__, 'x');
    assert.equal(Object.keys(fields).length, 3);
  });

  it('finds the records of an array, of a QueryRequestLogs response, and of objects written back to back', () => {
    const a = '[{"statusCode":"200"},\n {"statusCode":"404"}]';
    assert.deepEqual(recordSpans(a).map(([s, e]) => a.slice(s, e)), ['{"statusCode":"200"}', '{"statusCode":"404"}']);
    const q = '{"RequestId":"X","RequestLogs":{"RequestLog":[{"StatusCode":"200","ApiName":"A"},{"StatusCode":"500"}]}}';
    assert.deepEqual(recordSpans(q).map(([s, e]) => q.slice(s, e)), ['{"StatusCode":"200","ApiName":"A"}', '{"StatusCode":"500"}']);
    const b = '{\n "statusCode": "200"\n}\n{\n "statusCode": "302"\n}\n';
    assert.equal(documentRecordSpans(b).length, 2);
    assert.deepEqual(recordSpans('{"foo":{"bar":1}}'), []);
  });
});

function pick(at: ReturnType<typeof memberAt>): [string, string] | undefined {
  return at && [at.member.key, at.part];
}
