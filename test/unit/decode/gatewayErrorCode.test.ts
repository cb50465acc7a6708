import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeGatewayErrorCode } from '../../../src/core/decode/gatewayErrorCode';

/** Codes domain.md §4 lists as confirmed with messages. */
const CONFIRMED = [
  'I400HD', 'I400MH', 'I400BD', 'I400PA', 'I405UM', 'I400RU', 'I403PT', 'I413RL', 'I413UL', 'I400CT', 'I404DO',
  'I410GG', 'I400SG', 'I404NF', 'X400PM',
];

/** Codes domain.md §4 lists as seen without messages. */
const UNCONFIRMED = [
  'A400AC', 'A401AC', 'A400MA', 'A400IK', 'A403IS', 'A403PR', 'A403EP', 'A403IP', 'A403VN', 'A403AC', 'A403CO', 'A403IN', 'A403FC',
  'B403MQ', 'B403ME', 'B403MI', 'B403OD', 'B403MO', 'B451DO', 'B451GO',
  'T429ID', 'T429IN', 'T429GR', 'T429PA', 'T429PR', 'T429SR', 'T429MR',
  'D504RE', 'D504IL', 'D504CS', 'D504TO', 'D502FC', 'D503BB', 'D503CB',
  'X504VE', 'X504TO', 'X503BZ', 'X500ER', 'X500ED', 'X500AM', 'X403DG',
  'I403AA', 'I404NR', 'I404SR', 'I400I5', 'I400NC', 'I400MP', 'I400IP', 'I400JP', 'N502RE',
];

describe('gateway error codes', () => {
  it('decodes every confirmed code of domain.md with its status, class and reason in both languages', () => {
    for (const code of CONFIRMED) {
      const info = decodeGatewayErrorCode(code);
      assert.equal(info.outcome, 'gatewayError', code);
      assert.equal(info.source, 'table', code);
      assert.equal(info.confirmed, true, code);
      assert.equal(info.httpStatus, Number(code.slice(1, 4)), code);
      assert.equal(info.classLetter, code[0]);
      assert.ok(info.reason && info.reason.en && /[\u4e00-\u9fff]/.test(info.reason.zh), code);
      assert.ok(!/unconfirmed/.test(info.meaning.en), code);
    }
  });

  it('decodes every unconfirmed code of domain.md, marked unconfirmed, with a category', () => {
    for (const code of UNCONFIRMED) {
      const info = decodeGatewayErrorCode(code);
      assert.equal(info.source, 'table', code);
      assert.equal(info.confirmed, false, code);
      assert.ok(info.category, code);
      assert.ok(info.reason, code);
      assert.match(info.meaning.en, /unconfirmed/, code);
      assert.match(info.meaning.zh, /未确认/, code);
    }
  });

  it('explains a code in a full sentence with the status text', () => {
    const info = decodeGatewayErrorCode('I404NF');
    assert.equal(info.meaning.en, 'Gateway error I404NF, invalid client request, HTTP 404 Not Found: API not found.');
    assert.match(info.meaning.zh, /网关错误 I404NF/);
    assert.equal(decodeGatewayErrorCode('I400HD').template, 'Invalid Header `${HeaderName}` ${Reason}');
  });

  it('reads "OK" as success and an empty value as a status from the backend', () => {
    assert.equal(decodeGatewayErrorCode('OK').outcome, 'success');
    assert.equal(decodeGatewayErrorCode(' ok ').outcome, 'success');
    assert.equal(decodeGatewayErrorCode('').outcome, 'fromBackend');
    assert.match(decodeGatewayErrorCode('').meaning.en, /backend/);
    assert.equal(decodeGatewayErrorCode('-').outcome, 'fromBackend');
  });

  it('normalises case and spaces', () => {
    const info = decodeGatewayErrorCode(' x500er ');
    assert.equal(info.code, 'X500ER');
    assert.equal(info.source, 'table');
    assert.equal(info.raw, ' x500er ');
  });

  it('decodes unknown codes from their shape', () => {
    const timeout = decodeGatewayErrorCode('D502TO');
    assert.equal(timeout.source, 'shape');
    assert.equal(timeout.httpStatus, 502);
    assert.equal(timeout.category?.en, 'backend (downstream) service');
    assert.equal(timeout.reason?.en, 'timeout');
    assert.match(timeout.meaning.en, /HTTP 502 Bad Gateway: timeout \(unconfirmed\)/);
    const throttle = decodeGatewayErrorCode('T429ZZ');
    assert.equal(throttle.category?.en, 'throttling');
    assert.equal(throttle.reason, undefined);
    const strange = decodeGatewayErrorCode('Q777QQ');
    assert.equal(strange.outcome, 'gatewayError');
    assert.equal(strange.category, undefined);
    assert.match(strange.meaning.en, /unknown class/);
  });

  it('reports values of another shape as unrecognized', () => {
    for (const v of ['hello', 'X500E', 'X500ERR', '500', 'Throttled by API Flow Control']) {
      assert.equal(decodeGatewayErrorCode(v).outcome, 'unrecognized', v);
    }
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => {
      const info = decodeGatewayErrorCode(s);
      assert.ok(info.meaning.en.length > 0 && info.meaning.zh.length > 0);
    }), { numRuns: 1000 });
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z][0-9]{3}[A-Za-z0-9]{2}$/), (s) => {
      assert.equal(decodeGatewayErrorCode(s).outcome, 'gatewayError');
    }), { numRuns: 300 });
  });
});
