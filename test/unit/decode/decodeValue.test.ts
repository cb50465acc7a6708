import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeValue } from '../../../src/core/decode/decodeValue';
import { ALL_FIELDS, fieldInfo } from '../../../src/core/fields/catalog';

const NOW = Date.UTC(2022, 9, 29, 7, 0, 0);
const OPTS = { now: NOW, timeZone: 'UTC' };

describe('decodeValue', () => {
  it('decodes a status and a gateway error code under either scheme', () => {
    const status = decodeValue('StatusCode', '500');
    assert.ok(status.kind === 'status');
    assert.equal(status.status.text?.en, 'Internal Server Error');
    assert.equal(status.field.id, 'statusCode');
    const error = decodeValue('errorCode', 'X500ER');
    assert.ok(error.kind === 'errorCode');
    assert.equal(error.error.httpStatus, 500);
    const empty = decodeValue('ErrorCode', '');
    assert.ok(empty.kind === 'errorCode' && empty.empty);
    assert.equal(empty.error.outcome, 'fromBackend');
  });

  it('decodes latencies and sizes from numbers or strings', () => {
    const total = decodeValue('TotalLatency', '1345');
    assert.ok(total.kind === 'ms');
    assert.deepEqual([total.ms, total.human], [1345, '1.35 s']);
    const size = decodeValue('Responsesize', 21023);
    assert.ok(size.kind === 'bytes');
    assert.equal(size.size.exact, '21,023 bytes');
    const bad = decodeValue('serviceLatency', 'n/a');
    assert.ok(bad.kind === 'ms' && bad.ms === undefined);
  });

  it('decodes the three kinds of time', () => {
    const iso = decodeValue('RequestTime', '2022-10-29T03:59:59Z', OPTS);
    assert.ok(iso.kind === 'isoTime' && iso.time.valid);
    assert.equal(iso.time.relative, '3 hours ago');
    const ms = decodeValue('FrontRequestStart', 1731487224968, OPTS);
    assert.ok(ms.kind === 'epochMs' && ms.time.valid && ms.time.unit === 'ms');
    const s = decodeValue('__time__', 1667015999, OPTS);
    assert.ok(s.kind === 'epochS' && s.time.valid);
    assert.equal(s.time.utc, '2022-10-29T03:59:59Z');
    const tag = decodeValue('__tag__:__receive_time__', '1667015999', OPTS);
    assert.ok(tag.kind === 'epochS' && tag.time.valid);
  });

  it('pretty-prints JSON fields, also when the value is already an object', () => {
    const claims = decodeValue('JwtClaims', '{"sub":"u"}');
    assert.ok(claims.kind === 'json' && claims.json.ok);
    assert.equal(claims.json.text, '{\n  "sub": "u"\n}');
    const plugin = decodeValue('plugin', [{ name: 'cors' }]);
    assert.ok(plugin.kind === 'json' && plugin.json.ok);
    assert.deepEqual(plugin.json.value, [{ name: 'cors' }]);
  });

  it('decodes headers, request IDs, IPs and known enum values', () => {
    const headers = decodeValue('RequestHeaders', 'content-type: a\r\nx-ca-key: b');
    assert.ok(headers.kind === 'headers');
    assert.equal(headers.headers.pairs.length, 2);
    const id = decodeValue('requestid', '95657ed9-2f6f-426f-bd99-79c8d8f1a2b3');
    assert.ok(id.kind === 'id');
    assert.equal(id.requestId, '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3');
    const appKey = decodeValue('ConsumerAppKey', '203828444');
    assert.ok(appKey.kind === 'id' && appKey.requestId === undefined);
    const ip = decodeValue('ClientIp', '118.178.15.106');
    assert.ok(ip.kind === 'ip' && ip.ip.scope === 'public');
    const stage = decodeValue('StageName', 'RELEASE');
    assert.ok(stage.kind === 'enum');
    assert.equal(stage.meaning?.en, 'production stage');
  });

  it('keeps unknown fields as text and accepts a FieldInfo', () => {
    const unknown = decodeValue('myField', 42);
    assert.ok(unknown.kind === 'text');
    assert.deepEqual([unknown.raw, unknown.field.origin], ['42', 'unknown']);
    assert.equal(decodeValue('status', '200').kind, 'text');
    assert.equal(decodeValue(fieldInfo('status'), '200').kind, 'status');
  });

  it('never throws for any field and any value', () => {
    const names = fc.oneof(fc.constantFrom(...ALL_FIELDS.map((f) => f.name), '__tag__:x', 'GroupId'), fc.string({ maxLength: 12 }));
    const values = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true }), fc.string({ unit: 'binary', maxLength: 40 }), fc.double());
    fc.assert(fc.property(names, values, (name, value) => {
      const d = decodeValue(name, value, OPTS);
      assert.equal(typeof d.raw, 'string');
    }), { numRuns: 1000 });
  });
});
