import { strict as assert } from 'node:assert';
import { bypassesProxy, parseProxy } from '../../../src/cloud/proxy';
import { queryRequestLogs, QueryOptions } from '../../../src/cloud/queryRequestLogs';
import { createNodeTransport } from '../../../src/cloud/transport';
import { FakeQueryServer, startFakeQueryServer } from '../../support/fakeQueryServer';
import { PLAIN_REQUEST_ID, TEST_KEY } from '../../support/requestLogSamples';
import { TEST_TLS_CERT, TEST_TLS_KEY } from '../../support/testTls';
import { TestProxy, startTestProxy } from '../../support/testProxy';
import { cloudFailure, everythingShown } from '../../support/cloudAssert';

const PROXY_PASSWORD = 'proxyPass-MUST-NOT-LEAK-55';

describe('cloud: proxy and TLS', () => {
  let server: FakeQueryServer;
  let proxy: TestProxy;

  afterEach(async () => {
    await server?.close();
    await proxy?.close();
  });

  function options(overrides: Partial<QueryOptions>): QueryOptions {
    return { region: 'cn-hangzhou', credentials: TEST_KEY, userAgent: 'test', retries: 0, timeoutMs: 5000, ...overrides };
  }

  it('sends plain-http loopback requests through the proxy in absolute form', async () => {
    server = await startFakeQueryServer();
    proxy = await startTestProxy();
    const result = await queryRequestLogs(PLAIN_REQUEST_ID,
      options({ endpoint: `http://${server.endpoint}`, proxy: { url: proxy.url } }));
    assert.equal(result.logs.length, 1);
    assert.deepEqual(proxy.log, [`POST http://${server.endpoint}/?RequestLogId=${PLAIN_REQUEST_ID}`]);
    assert.equal(server.requests[0]!.outcome, '200');
  });

  it('tunnels HTTPS through CONNECT and verifies the server certificate', async () => {
    server = await startFakeQueryServer({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    proxy = await startTestProxy();
    const transport = createNodeTransport({ proxy: { url: proxy.url }, ca: TEST_TLS_CERT });
    const result = await queryRequestLogs(PLAIN_REQUEST_ID, options({ endpoint: server.endpoint, transport }));
    assert.equal(result.logs.length, 1);
    assert.deepEqual(proxy.log, [`CONNECT ${server.endpoint}`]);
    assert.equal(server.requests[0]!.headers['host'], server.endpoint);
  });

  it('refuses an untrusted certificate unless strictSSL is off', async () => {
    server = await startFakeQueryServer({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ endpoint: server.endpoint })));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /certificate/);
    const lax = await queryRequestLogs(PLAIN_REQUEST_ID, options({ endpoint: server.endpoint, strictSSL: false }));
    assert.equal(lax.logs.length, 1);
  });

  it('sends proxy credentials from the URL, and a 407 names the next step without the password', async () => {
    server = await startFakeQueryServer({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    const expected = `Basic ${Buffer.from(`me:${PROXY_PASSWORD}`).toString('base64')}`;
    proxy = await startTestProxy(expected);
    const good = createNodeTransport({ proxy: { url: `http://me:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}` }, ca: TEST_TLS_CERT });
    assert.equal((await queryRequestLogs(PLAIN_REQUEST_ID, options({ endpoint: server.endpoint, transport: good }))).logs.length, 1);
    assert.deepEqual(proxy.authorizations, [expected]);
    const wrongUrl = `http://me:${PROXY_PASSWORD}x@127.0.0.1:${proxy.port}`;
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID,
      options({ endpoint: server.endpoint, proxy: { url: wrongUrl } })));
    assert.equal(error.kind, 'network');
    assert.equal(error.httpStatus, 407);
    assert.match(error.hint, /http\.proxy/);
    assert.ok(!everythingShown(error).includes(PROXY_PASSWORD));
  });

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    server = await startFakeQueryServer();
    proxy = await startTestProxy();
    await queryRequestLogs(PLAIN_REQUEST_ID,
      options({ endpoint: `http://${server.endpoint}`, proxy: { url: proxy.url, noProxy: ['127.0.0.1'] } }));
    assert.deepEqual(proxy.log, []);
  });

  it('parses proxy settings and NO_PROXY lists', () => {
    assert.deepEqual(parseProxy({ url: 'proxy.corp:3128' }), { protocol: 'http', hostname: 'proxy.corp', port: 3128, authorization: undefined });
    assert.equal(parseProxy({ url: 'https://p.corp' }).port, 443);
    assert.equal(parseProxy({ url: 'http://a:b@p', authorization: 'Bearer x' }).authorization, 'Bearer x');
    assert.throws(() => parseProxy({ url: 'socks5://p:1080' }), /not supported/);
    assert.ok(bypassesProxy('apigateway.cn-hangzhou.aliyuncs.com', ['.aliyuncs.com']));
    assert.ok(bypassesProxy('apigateway.cn-hangzhou.aliyuncs.com', ['aliyuncs.com']));
    assert.ok(bypassesProxy('anything', ['*']));
    assert.ok(!bypassesProxy('evilaliyuncs.com', ['aliyuncs.com']));
    assert.ok(!bypassesProxy('host', ['', ' ']));
  });
});
