import { strict as assert } from 'node:assert';
import { LogText, requestIdOf } from '../../../src/language/logText';
import { CSV, JSON_LINES, QUERY_RESPONSE } from './fixtures';

function hitOf(text: LogText, needle: string, delta = 1): [string, string, string] | undefined {
  const hit = text.hitAt(text.text.indexOf(needle) + delta);
  return hit && [hit.part, hit.name, hit.value];
}

describe('LogText', () => {
  it('reads the shape of each format', () => {
    assert.equal(new LogText(JSON_LINES).shape.kind, 'jsonLines');
    assert.equal(new LogText(QUERY_RESPONSE).shape.kind, 'json');
    assert.deepEqual(new LogText(CSV).shape, { kind: 'csv', delimiter: ',' });
  });

  it('finds the field under an offset in JSON lines', () => {
    const text = new LogText(JSON_LINES);
    assert.deepEqual(hitOf(text, '"statusCode"'), ['key', 'statusCode', '404']);
    assert.deepEqual(hitOf(text, '"404"'), ['value', 'statusCode', '404']);
    assert.deepEqual(hitOf(text, '"OK"'), ['value', 'errorCode', 'OK']);
    const second = text.hitAt(text.text.indexOf('"OK"'))!;
    assert.equal(requestIdOf(second.record), 'C2AFA9F3-A817-4274-B975-BDC1E201449F');
  });

  it('finds the field inside the record of a pretty QueryRequestLogs response, not in its envelope', () => {
    const text = new LogText(QUERY_RESPONSE);
    assert.deepEqual(hitOf(text, '"503"'), ['value', 'StatusCode', '503']);
    assert.deepEqual(hitOf(text, '"TotalLatency"'), ['key', 'TotalLatency', '172']);
    assert.equal(text.hitAt(text.text.indexOf('CE5722A6')), undefined);
    assert.equal(text.hitAt(text.text.indexOf('"RequestLogs"') + 1), undefined);
  });

  it('names CSV cells by the header, on the header and across multi-line cells', () => {
    const text = new LogText(CSV);
    assert.deepEqual(hitOf(text, 'statusCode'), ['key', 'statusCode', '']);
    assert.deepEqual(hitOf(text, ',502,'), ['value', 'statusCode', '502']);
    assert.deepEqual(hitOf(text, 'curl'), ['value', 'requestHeaders', 'host: a\nuser-agent: "curl"']);
    assert.deepEqual(hitOf(text, ',107,'), ['value', 'totalLatency', '107']);
    assert.deepEqual(hitOf(text, ',x'), ['value', 'myColumn', 'x']);
  });

  it('lists every record and finds a request by its ID in any case', () => {
    for (const [source, count] of [[JSON_LINES, 2], [QUERY_RESPONSE, 1], [CSV, 2]] as const) {
      assert.equal([...new LogText(source).records()].length, count);
    }
    const text = new LogText(JSON_LINES);
    const found = text.findRequest('5ade6da6-7c02-4918-84c5-0b91be8ea46b');
    assert.equal(found?.start, 0);
    assert.equal(text.findRequest('00000000-0000-0000-0000-000000000000'), undefined);
    assert.equal(new LogText(CSV).findRequest('F3D804D4-3A92-42A9-B8BC-86A850D2690E')?.fields.totalLatency, '9000');
  });
});
