/** Request logs and keys the fake QueryRequestLogs server serves, shaped as in the API reference (seed 003). */

/** A request whose log names a different InitialRequestId (the gateway called itself). */
export const CHAINED_REQUEST_ID = '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3';
/** The request that started the chain; its log is known too. */
export const INITIAL_REQUEST_ID = 'C2AFA9F3-A817-4274-B975-BDC1E201449F';
/** A successful request whose InitialRequestId is itself. */
export const PLAIN_REQUEST_ID = '0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0';
/** An ID the server does not know: it answers with an empty RequestLog list. */
export const UNKNOWN_REQUEST_ID = 'DEADBEEF-0000-4000-8000-000000000000';

/** The long-term key the fake server accepts. Fake, but treated as a secret by the tests. */
export const TEST_KEY = {
  accessKeyId: 'LTAI5tFakeTestKeyId0001',
  accessKeySecret: 'fakeSecret-MUST-NOT-LEAK-4b1d9e7c',
} as const;

/** An STS key the fake server accepts, with its token. */
export const TEST_STS_KEY = {
  accessKeyId: 'STS.FakeTestStsKeyId0002',
  accessKeySecret: 'fakeStsSecret-MUST-NOT-LEAK-93ac',
  securityToken: 'fakeStsToken-MUST-NOT-LEAK-CAIS1234567890',
} as const;

/** One RequestLog object with every documented field; overrides replace fields. */
export function sampleRequestLog(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ApiId: '4b83229ebcab4ecd88956fb3a1b2c3d4',
    ApiName: 'GetOrder',
    ConsumerAppKey: '204123456',
    TotalLatency: '1345',
    HttpMethod: 'POST',
    Domain: '360bdd88695c48ae8085c7f2a1b2c3d4-cn-hangzhou.alicloudapi.com',
    ErrorMessage: 'Backend service connect failed `Timeout connecting to [/10.20.0.17:8080]`',
    ConsumerAppId: '110961234',
    InstanceId: 'apigateway-hz-ab2b12345678',
    ClientNonce: 'd43df9db-3b05-4cd6-888a-1c0b12345678',
    RequestSize: '1923',
    StageId: '8a305b7f10334052a52d9156a1b2c3d4',
    StageName: 'RELEASE',
    HttpPath: '/orders/42',
    RequestId: CHAINED_REQUEST_ID,
    GroupId: 'dc024277fe6c4cada79ba0bd6a1b2c3d4',
    GroupName: 'shop',
    ErrorCode: 'D504CO',
    ResponseSize: '23441',
    Region: 'cn-hangzhou',
    StatusCode: '504',
    ClientIp: '203.0.113.7',
    ServiceLatency: '324',
    RequestTime: '2022-10-29T03:59:59Z',
    Exception: 'error msg',
    CustomTraceId: CHAINED_REQUEST_ID,
    JwtClaims: '{}',
    RequestProtocol: 'HTTP',
    RequestHeaders: 'content-type: application/x-www-form-urlencoded',
    RequestQueryString: 'username=name',
    RequestBody: 'param=paramName',
    ResponseHeaders: 'content-type: application/x-www-form-urlencoded\n',
    ResponseBody: 'param=paramName\n',
    plugin: '[]',
    InitialRequestId: INITIAL_REQUEST_ID,
    AppName: 'VIPROOM_VIPROOM',
    FrontRequestStart: 1731487224968,
    FrontRequestEnd: 1731487224968,
    BackendRequestStart: 1731487224969,
    BackendRequestEnd: 1731487224969,
    BackendResponseStart: 1731487224989,
    BackendResponseEnd: 1731487224989,
    FrontResponseStart: 1731487224989,
    FrontResponseEnd: 1731487224989,
    ...overrides,
  };
}

/** The logs the fake server knows, by request ID. */
export function seedLogs(): Record<string, Record<string, unknown>[]> {
  const ok = { ErrorCode: 'OK', ErrorMessage: '', Exception: '', StatusCode: '200', TotalLatency: '43', ServiceLatency: '36' };
  return {
    [CHAINED_REQUEST_ID]: [sampleRequestLog()],
    [INITIAL_REQUEST_ID]: [sampleRequestLog({ ...ok, RequestId: INITIAL_REQUEST_ID, InitialRequestId: INITIAL_REQUEST_ID,
      CustomTraceId: INITIAL_REQUEST_ID, HttpPath: '/checkout' })],
    [PLAIN_REQUEST_ID]: [sampleRequestLog({ ...ok, RequestId: PLAIN_REQUEST_ID, InitialRequestId: PLAIN_REQUEST_ID,
      CustomTraceId: PLAIN_REQUEST_ID })],
  };
}
