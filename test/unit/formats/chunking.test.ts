import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readRecordAt } from '../../../src/core/formats/index';
import { readSplit } from './helpers';
import { smallInputs } from './inputs';

describe('formats: chunk boundaries', () => {
  const inputs = smallInputs();

  for (const input of inputs) {
    it(`${input.name}: every single cut position gives the same records and problems`, () => {
      const whole = readSplit(input.format, input.bytes);
      assert.ok(whole.records.length >= 3, 'the input has records');
      for (let cut = 1; cut < input.bytes.length; cut++) {
        assert.deepEqual(readSplit(input.format, input.bytes, [cut]), whole, `cut at ${cut}`);
      }
    });

    it(`${input.name}: random chunkings give the same records and problems`, () => {
      const whole = readSplit(input.format, input.bytes);
      const cuts = fc.uniqueArray(fc.integer({ min: 1, max: input.bytes.length - 1 }), { maxLength: 40 }).map((a) => a.sort((x, y) => x - y));
      fc.assert(fc.property(cuts, (c) => {
        assert.deepEqual(readSplit(input.format, input.bytes, c), whole);
      }), { numRuns: 60 });
    });

    it(`${input.name}: each record's offset and length cover exactly its bytes`, () => {
      const { records, columns } = readSplit(input.format, input.bytes);
      let previousEnd = 0;
      for (const r of records) {
        assert.ok(r.offset >= previousEnd && r.offset + r.length <= input.bytes.length);
        previousEnd = r.offset + r.length;
        const bytes = input.bytes.subarray(r.offset, r.offset + r.length);
        assert.deepEqual(readRecordAt(input.format, bytes, columns), r.fields);
        const firstLine = input.bytes.subarray(0, r.offset).toString('latin1').split('\n').length;
        assert.equal(r.line, firstLine);
      }
    });
  }
});
