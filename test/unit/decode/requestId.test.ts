import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { extractRequestId, findRequestIds, isRequestId } from '../../../src/core/decode/requestId';

const ID = '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3';

describe('request IDs', () => {
  it('recognises uppercase and lowercase IDs only when whole', () => {
    assert.equal(isRequestId(ID), true);
    assert.equal(isRequestId(ID.toLowerCase()), true);
    assert.equal(isRequestId('95657ED9-2F6F-426F-BD99-79C8********'), false);
    assert.equal(isRequestId(` ${ID}`), false);
    assert.equal(isRequestId('95657ED92F6F426FBD9979C8D8F1A2B3'), false);
  });

  it('finds IDs with their positions, upper-cased, not inside longer tokens', () => {
    const text = `a ${ID.toLowerCase()} b x${ID} ${ID}-1 "C2AFA9F3-A817-4274-B975-BDC1E201449F"`;
    const found = findRequestIds(text);
    assert.deepEqual(found.map((f) => f.id), [ID, 'C2AFA9F3-A817-4274-B975-BDC1E201449F']);
    assert.equal(found[0].index, 2);
    assert.equal(found[0].length, 36);
  });

  it('extracts the requestId of a pasted record line, not its initial request ID', () => {
    const line = `{"initialRequestId":"11111111-2F6F-426F-BD99-79C8D8F1A2B3","customTraceId":"22222222-2F6F-426F-BD99-79C8D8F1A2B3","requestId":"${ID.toLowerCase()}"}`;
    assert.equal(extractRequestId(line), ID);
    assert.equal(extractRequestId(`X-Ca-Request-Id: ${ID}`), ID);
    assert.equal(extractRequestId(`RequestId=${ID}, other`), ID);
    assert.equal(extractRequestId(`2024-01-01 ERROR call failed ${ID}`), ID);
    assert.equal(extractRequestId('no id here'), undefined);
  });

  it('never throws, and everything it finds is an ID', () => {
    const noisy = fc.string({ unit: fc.constantFrom('A', 'f', '0', '9', '-', ' ', '"', ':', 'x'), maxLength: 120 });
    fc.assert(fc.property(fc.oneof(noisy, fc.string({ unit: 'binary', maxLength: 80 })), (s) => {
      for (const f of findRequestIds(s)) assert.ok(isRequestId(f.id));
      const id = extractRequestId(s);
      if (id !== undefined) assert.ok(isRequestId(id));
    }), { numRuns: 800 });
  });

  it('stays fast on a long line without IDs', () => {
    const line = 'a'.repeat(2_000_000) + '-'.repeat(10_000) + 'F'.repeat(100_000);
    const started = Date.now();
    assert.equal(extractRequestId(line), undefined);
    assert.ok(Date.now() - started < 2000);
  });
});
