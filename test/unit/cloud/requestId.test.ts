import { strict as assert } from 'node:assert';
import { findRequestId, isRequestId, normalizeRequestId, requestIdProblem } from '../../../src/cloud/requestId';

const ID = '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3';
const OTHER = 'C2AFA9F3-A817-4274-B975-BDC1E201449F';

describe('cloud/requestId', () => {
  it('recognises one ID, in any case, and normalizes it', () => {
    assert.ok(isRequestId(` ${ID.toLowerCase()} `));
    assert.ok(!isRequestId(`${ID}x`));
    assert.ok(!isRequestId('95657ED9-2F6F-426F-BD99'));
    assert.equal(normalizeRequestId(` ${ID.toLowerCase()}\n`), ID);
  });

  it('finds the ID in pasted lines, headers and JSON', () => {
    assert.equal(findRequestId(`2024-01-01 ERROR call failed, X-Ca-Request-Id: ${ID.toLowerCase()} (retry)`), ID);
    assert.equal(findRequestId(`{"initialRequestId":"${OTHER}","requestId":"${ID}"}`), ID);
    assert.equal(findRequestId(`"InitialRequestId": "${OTHER}", "RequestId": "${ID}"`), ID);
    assert.equal(findRequestId(`trace ${OTHER} then ${ID}`), OTHER);
    assert.equal(findRequestId(`request_id=${ID}&x=1`), ID);
  });

  it('ignores UUID-like text glued to other characters, and explains what is missing', () => {
    assert.equal(findRequestId(`x${ID}`), undefined);
    assert.equal(findRequestId(`${ID}-1`), undefined);
    assert.equal(findRequestId('no id here'), undefined);
    assert.match(requestIdProblem('') ?? '', /Enter a request ID/);
    assert.match(requestIdProblem('hello') ?? '', /No request ID/);
    assert.equal(requestIdProblem(`id: ${ID}`), undefined);
  });
});
