import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { detectFormat, looksLikeAccessLog } from '../../../src/core/formats/index';

const SAMPLES = join(__dirname, '../../../samples');
const sample = (name: string): Buffer => readFileSync(join(SAMPLES, name));

describe('formats: detectFormat', () => {
  const expected: [string, string, Partial<{ delimiter: string; hasBom: boolean; lineEnding: string }>][] = [
    ['access.apigw.log', 'jsonl', {}],
    ['access.apigw.jsonl', 'jsonl', {}],
    ['dump_0.json', 'jsonl', {}],
    ['hostile.apigw.log', 'jsonl', {}],
    ['broken.apigw.log', 'jsonl', { hasBom: true, lineEnding: 'crlf' }],
    ['access-array.json', 'jsonArray', {}],
    ['query-response.json', 'queryResponse', {}],
    ['access.csv', 'csv', { delimiter: ',', lineEnding: 'crlf' }],
  ];
  for (const [name, kind, extra] of expected) {
    it(`detects ${name} as ${kind} from its content`, () => {
      const format = detectFormat(sample(name).subarray(0, 65536));
      assert.equal(format.kind, kind);
      assert.equal(format.isGzip, false);
      for (const [k, v] of Object.entries(extra)) assert.equal(format[k as keyof typeof format], v, k);
    });
  }

  it('recognises gzip by its magic bytes, whatever the name', () => {
    assert.equal(detectFormat(sample('access.apigw.log.gz')).isGzip, true);
    assert.equal(detectFormat(gzipSync('a,b\n1,2\n')).isGzip, true);
    assert.equal(detectFormat(sample('access.apigw.log')).isGzip, false);
  });

  it('tells one compact QueryRequestLogs response per line from JSON lines', () => {
    const line = JSON.stringify({ RequestId: 'A', RequestLogs: { RequestLog: [{ ApiName: 'x' }] } });
    assert.equal(detectFormat(Buffer.from(line + '\n' + line + '\n')).kind, 'queryResponse');
    assert.equal(detectFormat(Buffer.from('{"requestId":"A","apiName":"x"}\n')).kind, 'jsonl');
  });

  it('takes a head cut inside a very long first line for JSON lines', () => {
    assert.equal(detectFormat(Buffer.from('{"requestBody":"' + 'x'.repeat(70000))).kind, 'jsonl');
  });

  it('reads a one-line CSV header without a line feed', () => {
    const format = detectFormat(Buffer.from('apiName|statusCode|errorCode'));
    assert.equal(format.kind, 'csv');
    assert.deepEqual(format.columns, ['apiName', 'statusCode', 'errorCode']);
  });

  it('calls text with no structure unknown', () => {
    assert.equal(detectFormat(sample('not-a-log.log')).kind, 'unknown');
    assert.equal(detectFormat(Buffer.from('')).kind, 'unknown');
    assert.equal(detectFormat(Buffer.from([0, 1, 2, 255, 254, 10, 7])).kind, 'unknown');
  });
});

describe('formats: looksLikeAccessLog', () => {
  for (const name of ['access.apigw.log', 'access.apigw.jsonl', 'dump_0.json', 'hostile.apigw.log', 'broken.apigw.log', 'access-array.json', 'query-response.json', 'access.csv']) {
    it(`recognises ${name}`, () => assert.equal(looksLikeAccessLog(sample(name).toString('utf8')), true));
  }

  it('rejects ordinary application logs, source code and other JSON', () => {
    assert.equal(looksLikeAccessLog(sample('not-a-log.log').toString('utf8')), false);
    assert.equal(looksLikeAccessLog(readFileSync(join(__dirname, '../../../src/core/formats/detect.ts'), 'utf8')), false);
    assert.equal(looksLikeAccessLog(readFileSync(join(__dirname, '../../../package.json'), 'utf8')), false);
    assert.equal(looksLikeAccessLog('{"level":"info","requestId":"A","path":"/x","status":200,"region":"cn-hangzhou"}\n'), false);
    assert.equal(looksLikeAccessLog('id,name,price\n1,tea,3\n'), false);
  });

  it('accepts a few records in either naming scheme', () => {
    assert.equal(looksLikeAccessLog('{"ApiName":"a","GroupName":"g","StageName":"RELEASE","StatusCode":"200","ClientIp":"1.2.3.4"}'), true);
    assert.equal(looksLikeAccessLog('apiName|apiGroupName|statusCode|errorCode|totalLatency\nx|g|200|OK|5\n'), true);
  });
});
