import { strict as assert } from 'node:assert';
import { CloudError } from '../../../src/cloud/errors';
import { cloudFailure } from '../../support/cloudAssert';
import { QueryOptions, fetchRequestLog, queryRequestLogs } from '../../../src/cloud/queryRequestLogs';
import { FakeQueryServer, startFakeQueryServer } from '../../support/fakeQueryServer';
import {
  CHAINED_REQUEST_ID, INITIAL_REQUEST_ID, PLAIN_REQUEST_ID, TEST_KEY, TEST_STS_KEY, UNKNOWN_REQUEST_ID,
} from '../../support/requestLogSamples';

describe('cloud/queryRequestLogs against the fake server', () => {
  let server: FakeQueryServer;
  let sleeps: number[];

  beforeEach(async () => {
    server = await startFakeQueryServer();
    sleeps = [];
  });
  afterEach(async () => server.close());

  function options(overrides: Partial<QueryOptions> = {}): QueryOptions {
    return {
      region: 'cn-hangzhou',
      endpoint: `http://${server.endpoint}`,
      credentials: { ...TEST_KEY, sourceName: 'test' },
      userAgent: 'apigw-logs-tests/1.0',
      random: () => 0.5,
      sleep: async (ms) => { sleeps.push(ms); },
      ...overrides,
    };
  }

  it('fetches a known request log and sends a signed POST with an empty body', async () => {
    const result = await queryRequestLogs(CHAINED_REQUEST_ID, options());
    assert.equal(result.logs.length, 1);
    assert.equal(result.logs[0]!['RequestId'], CHAINED_REQUEST_ID);
    assert.equal(result.logs[0]!['InitialRequestId'], INITIAL_REQUEST_ID);
    assert.equal(result.logs[0]!['FrontRequestStart'], 1731487224968);
    assert.match(result.requestId, /^[0-9A-F-]{36}$/);
    assert.equal(result.attempts, 1);
    assert.deepEqual(Object.keys(result.response), ['RequestId', 'RequestLogs']);
    const seen = server.requests[0]!;
    assert.equal(seen.outcome, '200');
    assert.equal(seen.method, 'POST');
    assert.equal(seen.url, `/?RequestLogId=${CHAINED_REQUEST_ID}`);
    assert.equal(seen.body, '');
    assert.equal(seen.headers['user-agent'], 'apigw-logs-tests/1.0');
    assert.equal(seen.headers['host'], server.endpoint);
    assert.equal(seen.headers['x-acs-action'], 'QueryRequestLogs');
    assert.equal(seen.headers['x-acs-version'], '2016-07-14');
  });

  it('signs with an STS token', async () => {
    const result = await queryRequestLogs(PLAIN_REQUEST_ID, options({ credentials: TEST_STS_KEY }));
    assert.equal(result.logs[0]!['RequestId'], PLAIN_REQUEST_ID);
    assert.equal(server.requests[0]!.headers['x-acs-security-token'], TEST_STS_KEY.securityToken);
  });

  it('returns an empty list for an unknown ID, and fetchRequestLog turns it into notFound with region and retention hints', async () => {
    const result = await queryRequestLogs(UNKNOWN_REQUEST_ID, options());
    assert.deepEqual(result.logs, []);
    const error = await cloudFailure(() => fetchRequestLog(UNKNOWN_REQUEST_ID, options({ region: 'cn-shanghai' })));
    assert.equal(error.kind, 'notFound');
    assert.match(error.message, /cn-shanghai/);
    assert.match(error.hint, /region/);
    assert.match(error.hint, /recent/);
  });

  it('the injected "unknown" fault also answers an empty list', async () => {
    server.inject(CHAINED_REQUEST_ID, { kind: 'unknown' });
    assert.equal((await fetchRequestLog(CHAINED_REQUEST_ID, options()).catch((e: CloudError) => e.kind)), 'notFound');
  });

  it('retries 5xx with exponential backoff and a fresh nonce each time', async () => {
    server.inject(PLAIN_REQUEST_ID, { kind: 'serverError', times: 2 });
    const result = await queryRequestLogs(PLAIN_REQUEST_ID, options({ backoffBaseMs: 100 }));
    assert.equal(result.attempts, 3);
    assert.deepEqual(server.requests.map((r) => r.outcome), ['serverError', 'serverError', '200']);
    assert.deepEqual(sleeps, [75, 150]);
    const nonces = new Set(server.requests.map((r) => r.headers['x-acs-signature-nonce']));
    assert.equal(nonces.size, 3);
  });

  it('gives up after the configured retries with kind server', async () => {
    server.inject('*', { kind: 'serverError' });
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ retries: 2 })));
    assert.equal(error.kind, 'server');
    assert.equal(error.code, 'InternalError');
    assert.equal(error.httpStatus, 500);
    assert.match(error.requestId ?? '', /^[0-9A-F-]{36}$/);
    assert.equal(server.requests.length, 3);
  });

  it('retries throttling (400 Throttling.User, 429, 503) and honours Retry-After', async () => {
    server.inject(PLAIN_REQUEST_ID, { kind: 'throttle', times: 1 });
    assert.equal((await queryRequestLogs(PLAIN_REQUEST_ID, options())).attempts, 2);
    server.inject(PLAIN_REQUEST_ID, { kind: 'throttle', times: 2, status: 429, retryAfter: 2 });
    assert.equal((await queryRequestLogs(PLAIN_REQUEST_ID, options())).attempts, 3);
    assert.deepEqual(sleeps.slice(1), [2000, 2000]);
    server.inject(PLAIN_REQUEST_ID, { kind: 'serviceUnavailable', times: 1 });
    assert.equal((await queryRequestLogs(PLAIN_REQUEST_ID, options())).attempts, 2);
  });

  it('reports throttling that does not stop as kind throttled', async () => {
    server.inject('*', { kind: 'throttle', status: 503 });
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ retries: 1 })));
    assert.equal(error.kind, 'throttled');
    assert.equal(error.code, 'Throttling.User');
    assert.equal(server.requests.length, 2);
  });

  it('retries a reset connection as a network error', async () => {
    server.inject(PLAIN_REQUEST_ID, { kind: 'resetConnection', times: 1 });
    assert.equal((await queryRequestLogs(PLAIN_REQUEST_ID, options())).attempts, 2);
    server.inject('*', { kind: 'resetConnection' });
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ retries: 1 })));
    assert.equal(error.kind, 'network');
  });

  for (const [fault, kind, hint] of [
    ['malformed', 'malformed', /endpoint/],
    ['badSignature', 'signatureMismatch', /clock/],
    ['forbidden', 'forbidden', /apigateway:QueryRequestLogs/],
    ['invalidKey', 'invalidAccessKey', /RAM console/],
  ] as const) {
    it(`maps the "${fault}" fault to ${kind} without retrying`, async () => {
      server.inject(PLAIN_REQUEST_ID, { kind: fault });
      const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options()));
      assert.equal(error.kind, kind);
      assert.match(error.hint, hint);
      assert.equal(server.requests.length, 1);
    });
  }

  it('is rejected by the server\'s own verification with a wrong secret, an unknown key, or a skewed clock', async () => {
    const wrongSecret = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID,
      options({ credentials: { accessKeyId: TEST_KEY.accessKeyId, accessKeySecret: 'wrong-secret-value' } })));
    assert.equal(wrongSecret.kind, 'signatureMismatch');
    assert.equal(wrongSecret.code, 'SignatureDoesNotMatch');
    const unknownKey = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID,
      options({ credentials: { accessKeyId: 'LTAI5tNoSuchKey000000', accessKeySecret: 'x-secret-x' } })));
    assert.equal(unknownKey.kind, 'invalidAccessKey');
    assert.equal(unknownKey.httpStatus, 404);
    const skewed = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID,
      options({ now: () => new Date(Date.now() - 20 * 60_000) })));
    assert.equal(skewed.kind, 'signatureMismatch');
    assert.equal(skewed.code, 'InvalidTimeStamp.Expired');
    assert.match(skewed.hint, /clock/);
  });

  it('a reused nonce is refused by the server', async () => {
    await queryRequestLogs(PLAIN_REQUEST_ID, options({ nonce: () => 'same-nonce' }));
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ nonce: () => 'same-nonce' })));
    assert.equal(error.code, 'SignatureNonceUsed');
  });

  it('times out a slow answer', async () => {
    server.inject(PLAIN_REQUEST_ID, { kind: 'delay', ms: 5000 });
    const started = Date.now();
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ timeoutMs: 150 })));
    assert.equal(error.kind, 'timeout');
    assert.ok(Date.now() - started < 3000);
    assert.equal(server.requests.length, 1, 'a timeout is not retried');
  });

  it('a slow answer within the time limit succeeds', async () => {
    server.inject(PLAIN_REQUEST_ID, { kind: 'delay', ms: 50, times: 1 });
    const result = await queryRequestLogs(PLAIN_REQUEST_ID, options({ timeoutMs: 5000 }));
    assert.equal(result.logs.length, 1);
  });

  it('cancels an in-flight request through the AbortSignal', async () => {
    server.inject(PLAIN_REQUEST_ID, { kind: 'delay', ms: 5000 });
    const controller = new AbortController();
    const pending = cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ signal: controller.signal })));
    await server.waitForRequests(1);
    controller.abort();
    assert.equal((await pending).kind, 'cancelled');
  });

  it('cancels during the backoff wait, and does nothing when already cancelled', async () => {
    server.inject('*', { kind: 'serverError' });
    const controller = new AbortController();
    const pending = cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID,
      options({ signal: controller.signal, sleep: undefined, backoffBaseMs: 60_000 })));
    await server.waitForRequests(1);
    controller.abort();
    assert.equal((await pending).kind, 'cancelled');
    const before = server.requests.length;
    const early = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ signal: AbortSignal.abort() })));
    assert.equal(early.kind, 'cancelled');
    assert.equal(server.requests.length, before);
  });

  it('rejects plain http to a non-loopback host and a malformed region before sending anything', async () => {
    const http = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ endpoint: 'http://apigateway.example.com' })));
    assert.equal(http.kind, 'invalidEndpoint');
    assert.match(http.message, /loopback/);
    const region = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ endpoint: undefined, region: 'cn hangzhou' })));
    assert.equal(region.kind, 'invalidEndpoint');
    assert.equal(server.requests.length, 0);
  });

  it('reports a refused connection as a network error naming the host', async () => {
    const port = server.port;
    await server.close();
    const error = await cloudFailure(() => queryRequestLogs(PLAIN_REQUEST_ID, options({ retries: 0 })));
    assert.equal(error.kind, 'network');
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.match(error.message, /ECONNREFUSED/);
    server = await startFakeQueryServer();
  });
});
