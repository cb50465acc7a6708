import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeIp } from '../../../src/core/decode/ip';

describe('IP addresses', () => {
  it('tells versions and scopes apart', () => {
    assert.deepEqual(decodeIp('118.178.15.106'), { raw: '118.178.15.106', version: 4, masked: false, scope: 'public' });
    assert.equal(decodeIp('192.168.1.2').scope, 'private');
    assert.equal(decodeIp('172.20.0.1').scope, 'private');
    assert.equal(decodeIp('100.104.3.4').scope, 'shared');
    assert.equal(decodeIp('127.0.0.1').scope, 'loopback');
    assert.equal(decodeIp('2001:db8::1').version, 6);
    assert.equal(decodeIp('fd00::1').scope, 'private');
    assert.equal(decodeIp('::ffff:10.0.0.1').scope, 'private');
  });

  it('recognises masked sample addresses and rejects junk', () => {
    assert.deepEqual(decodeIp('21.237.XXX.XXX'), { raw: '21.237.XXX.XXX', version: 4, masked: true, scope: undefined });
    assert.equal(decodeIp('300.1.1.1').version, undefined);
    assert.equal(decodeIp('hello').version, undefined);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
      decodeIp(s);
    }), { numRuns: 500 });
  });
});
