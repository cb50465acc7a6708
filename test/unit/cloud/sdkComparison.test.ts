import { strict as assert } from 'node:assert';
import SdkClient, { QueryRequestLogsRequest } from '@alicloud/cloudapi20160714';
import { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import { ENDPOINT_MAP, hostForRegion } from '../../../src/cloud/endpoints';
import { queryRequestLogs } from '../../../src/cloud/queryRequestLogs';
import { signRequest } from '../../../src/cloud/signer';
import { parseRawQuery } from '../../support/acs3Verifier';
import { FakeQueryServer, ReceivedRequest, startFakeQueryServer } from '../../support/fakeQueryServer';
import { PLAIN_REQUEST_ID, TEST_KEY, TEST_STS_KEY } from '../../support/requestLogSamples';

const FIXED_DATE = '2024-01-01T00:00:00Z';
const OUR_HEADERS = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];

type Key = { accessKeyId: string; accessKeySecret: string; securityToken?: string };

function sdkClient(endpoint: string, key: Key): SdkClient {
  return new SdkClient(new $OpenApiUtil.Config({ ...key, endpoint, protocol: 'http', regionId: 'cn-hangzhou' }));
}

function signedHeaderNames(request: ReceivedRequest): string[] {
  return /SignedHeaders=([^,]+)/.exec(String(request.headers['authorization']))![1]!.split(';');
}

/** Our signer, fed the SDK's own request (its date, nonce and extra x-acs headers), must produce its Authorization. */
function resignWithOurSigner(sdk: ReceivedRequest, key: Key): string {
  const extras: Record<string, string> = {};
  for (const name of signedHeaderNames(sdk)) {
    if (!OUR_HEADERS.includes(name) && name !== 'x-acs-security-token') extras[name] = String(sdk.headers[name]);
  }
  return signRequest({
    method: sdk.method, host: String(sdk.headers['host']), path: sdk.url.split('?')[0]!,
    query: parseRawQuery(sdk.url.split('?')[1] ?? ''), action: String(sdk.headers['x-acs-action']),
    version: String(sdk.headers['x-acs-version']), key, date: new Date(String(sdk.headers['x-acs-date'])),
    nonce: String(sdk.headers['x-acs-signature-nonce']), body: sdk.body, extraHeaders: extras,
  }).headers['authorization']!;
}

describe('cloud: the official SDK and our client send the same request', () => {
  let server: FakeQueryServer;
  const original = { timestamp: OpenApiUtil.getTimestamp, nonce: OpenApiUtil.getNonce };
  let sdkNonce = 0;

  beforeEach(async () => {
    server = await startFakeQueryServer({ now: () => Date.parse(FIXED_DATE) + 5_000 });
    OpenApiUtil.getTimestamp = () => FIXED_DATE;
    OpenApiUtil.getNonce = () => `sdk-nonce-${++sdkNonce}`;
  });
  afterEach(async () => {
    OpenApiUtil.getTimestamp = original.timestamp;
    OpenApiUtil.getNonce = original.nonce;
    await server.close();
  });

  for (const [label, key] of [['an AccessKey', TEST_KEY], ['an STS token', TEST_STS_KEY]] as const) {
    it(`with ${label}: same method, path, query, body and signed values; the fake server accepts both`, async () => {
      const sdkAnswer = await sdkClient(server.endpoint, key).queryRequestLogs(
        new QueryRequestLogsRequest({ requestLogId: PLAIN_REQUEST_ID }));
      assert.equal(sdkAnswer.body?.requestLogs?.requestLog?.[0]?.requestId, PLAIN_REQUEST_ID);
      const ours = await queryRequestLogs(PLAIN_REQUEST_ID, {
        region: 'cn-hangzhou', endpoint: `http://${server.endpoint}`, credentials: key, userAgent: 'test',
        now: () => new Date(FIXED_DATE), nonce: () => 'our-nonce-1', retries: 0,
      });
      assert.equal(ours.logs[0]!['RequestId'], PLAIN_REQUEST_ID);

      const [sdk, our] = server.requests as [ReceivedRequest, ReceivedRequest];
      assert.deepEqual([sdk.outcome, our.outcome], ['200', '200']);
      assert.equal(our.method, sdk.method);
      assert.equal(our.url.split('?')[0], sdk.url.split('?')[0]);
      assert.deepEqual(parseRawQuery(our.url.split('?')[1]!), parseRawQuery(sdk.url.split('?')[1]!));
      assert.equal(our.body, sdk.body);
      for (const name of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-content-sha256', 'x-acs-security-token']) {
        assert.equal(our.headers[name], sdk.headers[name], name);
      }
      const sdkOnly = signedHeaderNames(sdk).filter((n) => !signedHeaderNames(our).includes(n));
      assert.ok(sdkOnly.every((n) => ['x-acs-credentials-provider', 'x-acs-accesskey-id'].includes(n)), sdkOnly.join());
      assert.ok(signedHeaderNames(our).every((n) => signedHeaderNames(sdk).includes(n)));
      assert.equal(resignWithOurSigner(sdk, key), sdk.headers['authorization']);
    });
  }

  it('uses the SDK\'s endpoint map exactly, and its fallback for other regions', () => {
    const client = sdkClient('127.0.0.1:1', TEST_KEY) as unknown as { _endpointMap: Record<string, string> };
    assert.deepEqual(ENDPOINT_MAP, client._endpointMap);
    for (const region of ['cn-hangzhou', 'ap-southeast-1', 'eu-central-1', 'xx-nowhere-9']) {
      const sdkHost = client._endpointMap[region]
        ?? OpenApiUtil.getEndpointRules('cloudapi', region, 'regional', '', '');
      assert.equal(hostForRegion(region), sdkHost, region);
    }
    assert.equal(hostForRegion('xx-nowhere-9'), 'cloudapi.xx-nowhere-9.aliyuncs.com');
  });
});
