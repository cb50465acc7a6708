import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { detectFormat, looksLikeAccessLog, readRecordAt, type DetectedFormat } from '../../../src/core/formats/index';
import { fmt, readSplit, type ReadResult } from './helpers';
import { smallInputs } from './inputs';

const KINDS: DetectedFormat[] = [fmt('jsonl'), fmt('jsonArray'), fmt('queryResponse'), fmt('csv', ','), fmt('csv', '|')];

/** Records and problems lie inside the input, in order, and records read back from their own bytes. */
function assertSound(format: DetectedFormat, bytes: Uint8Array, result: ReadResult): void {
  for (const item of [...result.records, ...result.problems]) {
    assert.ok(item.offset >= 0 && item.length >= 0 && item.offset + item.length <= bytes.length, 'inside the input');
    assert.ok(item.line >= 1);
  }
  for (const r of result.records) {
    assert.deepEqual(readRecordAt(format, bytes.subarray(r.offset, r.offset + r.length), result.columns), r.fields);
  }
}

const cutsFor = (len: number): fc.Arbitrary<number[]> =>
  len < 2 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 1, max: len - 1 }), { maxLength: 8 }).map((a) => a.sort((x, y) => x - y));

describe('formats: hostile input never throws or hangs', () => {
  it('random bytes, any reader, any chunking', () => {
    const input = fc.uint8Array({ maxLength: 600 }).chain((bytes) => fc.tuple(fc.constant(bytes), cutsFor(bytes.length), fc.constantFrom(...KINDS)));
    fc.assert(fc.property(input, ([bytes, cuts, format]) => {
      assertSound(format, bytes, readSplit(format, bytes, cuts));
      detectFormat(bytes);
      looksLikeAccessLog(Buffer.from(bytes).toString('utf8'));
    }), { numRuns: 400 });
  });

  it('random text made of JSON and CSV punctuation', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '\n', '\r', ' ', 'a', '1', '|', 'RequestLog', '"RequestLog":[', '\ufeff');
    const input = fc.array(alphabet, { maxLength: 200 }).map((parts) => Buffer.from(parts.join('')))
      .chain((bytes) => fc.tuple(fc.constant(bytes), cutsFor(bytes.length), fc.constantFrom(...KINDS)));
    fc.assert(fc.property(input, ([bytes, cuts, format]) => {
      const result = readSplit(format, bytes, cuts);
      assertSound(format, bytes, result);
      assert.deepEqual(result, readSplit(format, bytes), 'chunking does not change the outcome');
    }), { numRuns: 400 });
  });

  it('reports a response whose broken quote swallows the rest of the input (no record, no silence)', () => {
    const bytes = Buffer.from('{"RequestId":"A","RequestLogs":{"\u0000equestLog":[{"ApiName":"x\u0000,"StatusCode":"200"}]}}\n');
    const result = readSplit(fmt('queryResponse'), bytes, []);
    assert.equal(result.records.length, 0);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].reason, /ended inside a JSON value/);
  });

  it('mutated records: every byte is either part of a record, a reported problem, or blank/structure', () => {
    const inputs = smallInputs(2);
    const mutation = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete'));
    const input = fc.tuple(fc.constantFrom(...inputs), fc.array(mutation, { minLength: 1, maxLength: 6 }));
    fc.assert(fc.property(input, ([base, mutations]) => {
      let bytes = Buffer.from(base.bytes);
      for (const [pos, value, op] of mutations) {
        const at = pos % bytes.length;
        if (op === 'set') bytes[at] = value;
        else if (op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([value]), bytes.subarray(at)]);
        else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
      }
      const result = readSplit(base.format, bytes, [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2)]);
      assertSound(base.format, bytes, result);
      assert.ok(result.records.length + result.problems.length >= 1, 'something is reported');
    }), { numRuns: 150 });
  });
});
