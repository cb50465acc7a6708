/** Writes the small committed sample set (samples/): one file per shape users have, plus hostile and broken ones. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { F, type GenRecord } from './fields';
import { DEFAULTS, recordStream } from './file';
import { hostileRecords, hostileExtraField } from './hostile';
import { delimitedHeader, delimitedRow, queryResponse, slsJson, slsObject, type WriteOptions } from './writers';

const FULL: WriteOptions = { bodies: true, asciiOnly: false, pythonStyle: false };
const LEAN: WriteOptions = { bodies: false, asciiOnly: false, pythonStyle: false };
const DUMP: WriteOptions = { bodies: true, asciiOnly: true, pythonStyle: true };

/** `n` records of a seed, keeping every failure and about a third of the successes, so small files still show errors. */
export function variedRecords(seed: number, n: number, bodies: boolean): GenRecord[] {
  const out: GenRecord[] = [];
  let i = 0;
  for (const rec of recordStream({ ...DEFAULTS, records: n * 20, seed, bodies, rps: 0.1 })) {
    const failed = Number(rec.values[F.statusCode]) >= 400;
    if (failed || (i++ * 7919) % 100 < 35) out.push(rec);
    if (out.length === n) break;
  }
  // One gateway self-call chain (API-1 calls API-2), so the sample shows initialRequestId.
  if (out.length > 3) out[3].values[F.initialRequestId] = out[2].values[F.requestId];
  return out;
}

function jsonLines(recs: readonly GenRecord[], opts: WriteOptions, eol = '\n'): string {
  return recs.map((r) => slsJson(r, opts) + eol).join('');
}

/** Ordinary application log lines that must not be taken for access logs. */
const NOT_A_LOG = [
  '2024-11-13 08:00:01.123  INFO 4121 --- [           main] c.e.order.OrderApplication      : Started OrderApplication in 3.27 seconds',
  '2024-11-13 08:00:02.402  WARN 4121 --- [nio-8080-exec-1] c.e.order.OrderController       : slow request path=/orders/123 status=200 latency=812ms',
  '2024-11-13 08:00:02.977 ERROR 4121 --- [nio-8080-exec-3] c.e.order.OrderService          : failed to load order 2024111300001',
  'java.lang.IllegalStateException: order not found',
  '\tat com.example.order.OrderService.load(OrderService.java:88)',
  '{"level":"info","time":"2024-11-13T08:00:03Z","msg":"request done","requestId":"95657ED9-2F6F-426F-BD99-79C8D8F1A2B3","path":"/orders","status":200}',
  '127.0.0.1 - - [13/Nov/2024:08:00:04 +0000] "GET /health HTTP/1.1" 200 2 "-" "curl/8.5.0"',
  '',
];

/** A file that breaks every rule a reader can meet: BOM, CRLF, blank lines, a malformed line, binary junk, a torn last line. */
function brokenFile(recs: readonly GenRecord[]): Buffer {
  const lines = recs.map((r) => slsJson(r, LEAN));
  const junk = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x80, 0x9f, 0x7b, 0x22, 0xc3, 0x28, 0x0b, 0xe2, 0x82, 0x1b, 0x5b, 0x33, 0x31, 0x6d]);
  const parts: Buffer[] = [Buffer.from('\ufeff' + lines[0] + '\r\n' + lines[1] + '\r\n\r\n\r\n' + lines[2] + '\r\n')];
  parts.push(Buffer.from(lines[3].slice(0, 180) + ',"statusCode":200 oops}\r\n'));
  parts.push(Buffer.from(lines[4] + '\r\n   \r\n'), junk, Buffer.from('\r\n' + lines[5] + '\r\n' + lines[6] + '\n' + lines[7] + '\r\n'));
  parts.push(Buffer.from('not json at all\r\n' + lines[8] + '\r\n' + lines[9].slice(0, Math.floor(lines[9].length / 2))));
  return Buffer.concat(parts);
}

/** The sample files' names, in the order they are written. */
export const SAMPLE_FILES = [
  'access.apigw.log', 'access.apigw.jsonl', 'access-array.json', 'query-response.json', 'access.csv', 'dump_0.json',
  'access.apigw.log.gz', 'not-a-log.log', 'hostile.apigw.log', 'broken.apigw.log',
] as const;

/** Writes every sample into `dir`, reporting each file's size. */
export async function writeSamples(dir: string, report: (line: string) => void = (l) => process.stderr.write(l)): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string | Buffer> = {
    'access.apigw.log': jsonLines(variedRecords(33, 60, false), LEAN),
    'access.apigw.jsonl': jsonLines(variedRecords(12, 8, true), FULL),
    'access-array.json': '[\n' + variedRecords(22, 5, false).map((r) => JSON.stringify(slsObject(r, LEAN), null, 2)).join(',\n') + '\n]\n',
    'query-response.json': queryResponse('CE5722A6-AE78-4741-A9B0-6C81D2E3F4A5', variedRecords(24, 3, true), FULL, true) + '\n',
    'access.csv': [delimitedHeader(FULL, ','), ...variedRecords(19, 10, true).map((r) => delimitedRow(r, FULL, ','))].join('\r\n') + '\r\n',
    'dump_0.json': jsonLines(variedRecords(19, 6, true), DUMP),
    'access.apigw.log.gz': gzipSync(jsonLines(variedRecords(17, 150, false), LEAN), { level: 9 }),
    'not-a-log.log': NOT_A_LOG.join('\n'),
    'hostile.apigw.log': hostileRecords(variedRecords(18, 6, true)).map((r, i) => {
      const line = slsJson(r, FULL);
      return (i === 0 ? line.slice(0, -1) + ',' + hostileExtraField + '}' : line) + '\n';
    }).join(''),
    'broken.apigw.log': brokenFile(variedRecords(19, 10, false)),
  };
  let total = 0;
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
    const size = Buffer.byteLength(content);
    total += size;
    report(`${name.padEnd(22)} ${String(size).padStart(7)} bytes\n`);
  }
  report(`${'total'.padEnd(22)} ${String(total).padStart(7)} bytes\n`);
}
