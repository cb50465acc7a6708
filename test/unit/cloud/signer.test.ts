import { strict as assert } from 'node:assert';
import {
  canonicalQueryString,
  formatAcsDate,
  percentEncode,
  sha256Hex,
  signRequest,
} from '../../../src/cloud/signer';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('cloud/signer', () => {
  it('reproduces test vector 1 (official doc example, RunInstances)', () => {
    const signed = signRequest({
      method: 'POST',
      host: 'ecs.cn-shanghai.aliyuncs.com',
      path: '/',
      query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
      action: 'RunInstances',
      version: '2014-05-26',
      key: { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' },
      date: new Date('2023-10-26T10:22:32Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
    });
    assert.equal(signed.signedHeaders, 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version');
    assert.equal(signed.hashedCanonicalRequest, '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    assert.equal(signed.signature, '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    assert.equal(
      signed.headers['authorization'],
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;' +
        'x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it('reproduces test vector 2 (QueryRequestLogs)', () => {
    const signed = signRequest({
      method: 'POST',
      host: 'apigateway.cn-hangzhou.aliyuncs.com',
      path: '/',
      query: { RequestLogId: '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3' },
      action: 'QueryRequestLogs',
      version: '2016-07-14',
      key: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      date: new Date('2024-01-01T00:00:00Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
    });
    assert.equal(signed.signature, 'f4700d49d55c75c4f7dcac800ceb47ff971373870f42f7f65b7e0b26376f8bf7');
    assert.equal(signed.headers['x-acs-content-sha256'], EMPTY_SHA256);
    assert.equal(signed.headers['x-acs-date'], '2024-01-01T00:00:00Z');
    assert.equal(signed.headers['host'], 'apigateway.cn-hangzhou.aliyuncs.com');
    assert.equal(signed.headers['x-acs-action'], 'QueryRequestLogs');
    assert.equal(signed.headers['x-acs-version'], '2016-07-14');
    assert.equal(signed.headers['x-acs-signature-nonce'], '3156853299f313e23d1673dc12e1703d');
    assert.equal(signed.headers['x-acs-security-token'], undefined);
  });

  it('builds the canonical request in the documented layout', () => {
    const signed = signRequest({
      method: 'post', host: 'h', path: '/', query: { b: '2', a: '1' }, action: 'A', version: 'V',
      key: { accessKeyId: 'id', accessKeySecret: 's' }, date: new Date('2024-01-01T00:00:00Z'), nonce: 'n',
    });
    assert.equal(
      signed.canonicalRequest,
      'POST\n/\na=1&b=2\nhost:h\nx-acs-action:A\nx-acs-content-sha256:' + EMPTY_SHA256 +
        '\nx-acs-date:2024-01-01T00:00:00Z\nx-acs-signature-nonce:n\nx-acs-version:V\n\n' +
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n' + EMPTY_SHA256,
    );
    assert.equal(signed.stringToSign, 'ACS3-HMAC-SHA256\n' + sha256Hex(signed.canonicalRequest));
  });

  it('adds and signs x-acs-security-token with STS credentials, and signs extra x-acs and content-type headers', () => {
    const signed = signRequest({
      method: 'POST', host: 'h', path: '/', query: {}, action: 'A', version: 'V',
      key: { accessKeyId: 'id', accessKeySecret: 's', securityToken: 'tok' },
      date: new Date(0), nonce: 'n',
      extraHeaders: { 'User-Agent': 'ua', 'X-Acs-Extra': ' v ', 'Content-Type': 'application/json' },
    });
    assert.equal(signed.headers['x-acs-security-token'], 'tok');
    assert.equal(signed.headers['user-agent'], 'ua');
    assert.equal(signed.signedHeaders,
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-extra;x-acs-security-token;x-acs-signature-nonce;x-acs-version');
    assert.match(signed.canonicalRequest, /\nx-acs-extra:v\n/);
  });

  it('hashes a non-empty body into x-acs-content-sha256', () => {
    const signed = signRequest({
      method: 'POST', host: 'h', path: '/', query: {}, action: 'A', version: 'V',
      key: { accessKeyId: 'id', accessKeySecret: 's' }, date: new Date(0), nonce: 'n', body: 'abc',
    });
    assert.equal(signed.headers['x-acs-content-sha256'], 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('percent-encodes the reserved characters the spec lists', () => {
    assert.equal(percentEncode("a b!'()*~-_.é/"), "a%20b%21%27%28%29%2A~-_.%C3%A9%2F");
    assert.equal(canonicalQueryString({ z: '1', 'a b': 'x=y&' }), 'a%20b=x%3Dy%26&z=1');
  });

  it('formats dates to the second in UTC', () => {
    assert.equal(formatAcsDate(new Date('2023-10-26T10:22:32.987Z')), '2023-10-26T10:22:32Z');
  });
});
