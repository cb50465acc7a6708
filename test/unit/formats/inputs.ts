/** Test inputs in every format, made with the seeded generator (with bodies: quotes, backslashes, newlines, Chinese). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS, recordStream } from '../../../scripts/generator/file';
import type { GenRecord } from '../../../scripts/generator/fields';
import { delimitedHeader, delimitedRow, queryResponse, slsJson, slsObject, type WriteOptions } from '../../../scripts/generator/writers';
import type { DetectedFormat } from '../../../src/core/formats/index';
import { fmt } from './helpers';

const FULL: WriteOptions = { bodies: true, asciiOnly: false, pythonStyle: false };

/** `n` generated records for a seed. */
export function generated(n: number, seed: number): GenRecord[] {
  return [...recordStream({ ...DEFAULTS, records: n, seed })];
}

/** A named input with the format its reader is given. */
export interface Input {
  name: string;
  format: DetectedFormat;
  bytes: Buffer;
}

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

/** Small inputs in each format, with BOM/CRLF/broken variants. */
export function smallInputs(n = 3): Input[] {
  const recs = generated(n, 7);
  const sample = (name: string): Buffer => readFileSync(join(__dirname, '../../../samples', name));
  return [
    { name: 'jsonl', format: fmt('jsonl'), bytes: Buffer.from(recs.map((r) => slsJson(r, FULL) + '\n').join('')) },
    { name: 'jsonl broken sample', format: fmt('jsonl'), bytes: sample('broken.apigw.log') },
    { name: 'pull_log_dump', format: fmt('jsonl'), bytes: sample('dump_0.json') },
    { name: 'array pretty CRLF BOM', format: fmt('jsonArray'), bytes: Buffer.from('\ufeff' + crlf(JSON.stringify(recs.map((r) => slsObject(r, FULL)), null, 2))) },
    { name: 'query responses', format: fmt('queryResponse'), bytes: Buffer.from(queryResponse('A', recs.slice(0, 2), FULL, true) + '\n' + queryResponse('B', recs.slice(2), FULL, false)) },
    { name: 'csv CRLF BOM', format: fmt('csv', ','), bytes: Buffer.from('\ufeff' + [delimitedHeader(FULL, ','), ...recs.map((r) => delimitedRow(r, FULL, ','))].join('\r\n') + '\r\n') },
    { name: 'tsv', format: fmt('csv', '\t'), bytes: Buffer.from([delimitedHeader(FULL, '\t'), ...recs.map((r) => delimitedRow(r, FULL, '\t'))].join('\n')) },
  ];
}
