import { strict as assert } from 'node:assert';
import {
  CloudError, cleanServerText, maskAccessKeyId, noCredentialsError, redactSecrets,
} from '../../../src/cloud/errors';
import { QueryOptions, fetchRequestLog, queryRequestLogs } from '../../../src/cloud/queryRequestLogs';
import { errorFromServiceResponse, kindOfServiceError } from '../../../src/cloud/serviceErrors';
import { HttpResponse, Transport } from '../../../src/cloud/transport';
import { cloudFailure, everythingShown } from '../../support/cloudAssert';

const SECRET = 'sEcReT-value-9f8e7d6c5b4a';
const TOKEN = 'CAIS-token-value-0123456789';
const PROXY_PASSWORD = 'pr0xy-pass-word';
const ALL_SECRETS = [SECRET, TOKEN, PROXY_PASSWORD, encodeURIComponent(SECRET)];

function answering(status: number, body: string): Transport {
  return async (): Promise<HttpResponse> => ({ status, headers: {}, body });
}

function throwing(error: unknown): Transport {
  return async () => { throw error; };
}

function options(transport: Transport, overrides: Partial<QueryOptions> = {}): QueryOptions {
  return {
    region: 'cn-hangzhou',
    credentials: { accessKeyId: 'LTAI5tAbcdefghijklmn', accessKeySecret: SECRET, securityToken: TOKEN, sourceName: 'env' },
    proxy: { url: `http://user:${PROXY_PASSWORD}@proxy.corp:3128` },
    userAgent: 'test', transport, retries: 1, sleep: async () => undefined,
    ...overrides,
  };
}

const echo = `${SECRET} ${TOKEN} ${PROXY_PASSWORD}`;

describe('cloud/errors', () => {
  it('classifies service codes into kinds', () => {
    const table: [string, number, string][] = [
      ['InvalidAccessKeyId.NotFound', 404, 'invalidAccessKey'], ['InvalidAccessKeyId.Inactive', 400, 'invalidAccessKey'],
      ['InvalidSecurityToken.Expired', 400, 'invalidAccessKey'], ['Forbidden.AccessKeyDisabled', 403, 'invalidAccessKey'],
      ['SignatureDoesNotMatch', 400, 'signatureMismatch'], ['InvalidTimeStamp.Expired', 400, 'signatureMismatch'],
      ['IncompleteSignature', 400, 'signatureMismatch'], ['SignatureNonceUsed', 400, 'signatureMismatch'],
      ['Forbidden.RAM', 403, 'forbidden'], ['NoPermission', 403, 'forbidden'], ['Whatever', 403, 'forbidden'],
      ['Throttling.User', 400, 'throttled'], ['Throttling', 503, 'throttled'], ['Busy', 429, 'throttled'],
      ['ServiceUnavailable', 503, 'throttled'], ['InternalError', 500, 'server'], ['InvalidParameter', 400, 'server'],
      ['InvalidAction.NotFound', 404, 'invalidEndpoint'], ['InvalidVersion', 400, 'invalidEndpoint'],
    ];
    for (const [code, status, kind] of table) assert.equal(kindOfServiceError(code, status), kind, code);
  });

  it('marks throttling, 5xx and network errors retryable, and nothing else', () => {
    const retryable = (status: number, code: string): boolean => errorFromServiceResponse(status, { Code: code }, {}).retryable;
    assert.ok(retryable(500, 'InternalError'));
    assert.ok(retryable(400, 'Throttling.User'));
    assert.ok(!retryable(400, 'SignatureDoesNotMatch'));
    assert.ok(!retryable(404, 'InvalidAccessKeyId.NotFound'));
    assert.ok(!retryable(403, 'Forbidden.RAM'));
    assert.ok(!retryable(400, 'InvalidParameter'));
    assert.ok(!noCredentialsError([]).retryable);
  });

  it('gives each kind a next step', () => {
    const hint = (status: number, code: string): string =>
      errorFromServiceResponse(status, { Code: code, RequestId: 'R-1' }, { accessKeyId: 'LTAI5tAbcdefghijklmn', signedAt: '2024-01-01T00:00:00Z' }).hint;
    assert.match(hint(400, 'SignatureDoesNotMatch'), /clock.*2024-01-01T00:00:00Z/s);
    assert.match(hint(403, 'Forbidden.RAM'), /apigateway:QueryRequestLogs/);
    assert.match(hint(404, 'InvalidAccessKeyId.NotFound'), /RAM console/);
    assert.match(hint(400, 'InvalidSecurityToken.Expired'), /STS/);
    assert.match(hint(400, 'Throttling.User'), /Wait/);
    assert.match(hint(500, 'InternalError'), /request ID/);
    assert.match(noCredentialsError(['env']).hint, /Set Access Key/);
    const error = errorFromServiceResponse(404, { Code: 'InvalidAccessKeyId.NotFound', RequestId: 'R-1' }, { accessKeyId: 'LTAI5tAbcdefghijklmn', sourceName: 'env' });
    assert.equal(error.requestId, 'R-1');
    assert.match(error.message, /LTAI…lmn \(from env\)/);
    assert.ok(!error.message.includes('LTAI5tAbcdefghijklmn'));
  });

  it('masks key ids, redacts secrets, and cleans server text', () => {
    assert.equal(maskAccessKeyId('LTAI5tAbcdefghijklmn'), 'LTAI…lmn');
    assert.equal(maskAccessKeyId('short'), '****');
    assert.equal(redactSecrets(`a ${SECRET} b ${encodeURIComponent('p/w+x=')}`, [SECRET, 'p/w+x=', undefined, '']), 'a *** b ***');
    assert.equal(cleanServerText('a\u0000\nb\u001b[31m'), 'a b [31m');
    assert.equal(cleanServerText('x'.repeat(400)).length, 301);
    assert.equal(cleanServerText(42), '');
  });

  describe('no secret in any failure', () => {
    const scenarios: [string, () => Promise<unknown>][] = [
      ['signature error echoing secrets', () => queryRequestLogs('ID', options(answering(400,
        JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: `server string to sign: ${echo}`, RequestId: echo }))))],
      ['code echoing secrets', () => queryRequestLogs('ID', options(answering(404, JSON.stringify({ Code: echo, Message: echo }))))],
      ['forbidden', () => queryRequestLogs('ID', options(answering(403, JSON.stringify({ Code: 'Forbidden.RAM', Message: echo }))))],
      ['throttled', () => queryRequestLogs('ID', options(answering(400, JSON.stringify({ Code: 'Throttling.User', Message: echo }))))],
      ['server error', () => queryRequestLogs('ID', options(answering(500, `<html>${echo}</html>`)))],
      ['malformed 200', () => queryRequestLogs('ID', options(answering(200, `{"oops": "${echo}"`)))],
      ['error code in a 200 body', () => queryRequestLogs('ID', options(answering(200, JSON.stringify({ Code: 'X', Message: echo }))))],
      ['not found', () => fetchRequestLog('ID', options(answering(200, JSON.stringify({ RequestId: echo, RequestLogs: { RequestLog: [] } }))))],
      ['network error mentioning secrets', () => queryRequestLogs('ID', options(throwing(Object.assign(new Error(echo), { code: 'ECONNRESET' }))))],
      ['odd exception', () => queryRequestLogs('ID', options(throwing(new TypeError(echo))))],
      ['cloud error carrying secrets', () => queryRequestLogs('ID', options(throwing(new CloudError('server', echo, { hint: echo, code: 'X' }))))],
      ['endpoint holding a secret', () => queryRequestLogs('ID', options(answering(200, '{}'), { endpoint: `http://${SECRET}.example.com` }))],
      ['region holding a secret', () => queryRequestLogs('ID', options(answering(200, '{}'), { region: `cn-${SECRET}.x` }))],
      ['proxy URL that does not parse', () => queryRequestLogs('ID', options(answering(200, '{}'), { transport: undefined, proxy: { url: `http://u:${PROXY_PASSWORD}@ bad` } }))],
    ];
    for (const [name, run] of scenarios) {
      it(name, async () => {
        const error = await cloudFailure(run);
        const shown = everythingShown(error);
        for (const secret of ALL_SECRETS) assert.ok(!shown.includes(secret), `${name}: leaked ${secret.slice(0, 6)}…\n${shown}`);
        assert.ok(error.hint.length > 0);
      });
    }
  });
});
