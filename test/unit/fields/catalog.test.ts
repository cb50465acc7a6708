import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ALL_FIELDS, FIELD_KINDS, describeField, fieldInfo, fieldInfoById, kindLabel } from '../../../src/core/fields/catalog';
import { FIELD_IDS } from '../../../src/core/fields/ids';

/** Every key of the QueryRequestLogs example response in seed 003. */
const QUERY_REQUEST_LOGS_KEYS = [
  'ApiId', 'ApiName', 'ConsumerAppKey', 'TotalLatency', 'HttpMethod', 'Domain', 'ErrorMessage', 'ConsumerAppId',
  'InstanceId', 'ClientNonce', 'RequestSize', 'StageId', 'StageName', 'HttpPath', 'RequestId', 'GroupId', 'GroupName',
  'ErrorCode', 'ResponseSize', 'Region', 'StatusCode', 'ClientIp', 'ServiceLatency', 'RequestTime', 'Exception',
  'CustomTraceId', 'JwtClaims', 'RequestProtocol', 'RequestHeaders', 'RequestQueryString', 'RequestBody',
  'ResponseHeaders', 'ResponseBody', 'plugin', 'InitialRequestId', 'AppName', 'FrontRequestStart', 'FrontRequestEnd',
  'BackendRequestStart', 'BackendRequestEnd', 'BackendResponseStart', 'BackendResponseEnd', 'FrontResponseStart',
  'FrontResponseEnd',
];

/** The Log Service field names of seed 000, with its odd spellings, and their canonical ids. */
const SLS_SEED_NAMES: [string, string][] = [
  ['apiGroupUid', 'apiGroupUid'], ['apiGroupName', 'apiGroupName'], ['apiUid', 'apiUid'], ['apiName', 'apiName'],
  ['apiStageUid', 'apiStageUid'], ['apiStageName', 'apiStageName'], ['httpMethod', 'httpMethod'], ['path', 'path'],
  ['domain', 'domain'], ['statusCode', 'statusCode'], ['ErrorMessage', 'errorMessage'], ['appId', 'appId'],
  ['appName', 'appName'], ['clientIp', 'clientIp'], ['Exception', 'exception'], ['providerAliUid', 'providerAliUid'],
  ['region', 'region'], ['requestHandleTime', 'requestHandleTime'], ['RequestId', 'requestId'],
  ['requestSize', 'requestSize'], ['Responsesize', 'responseSize'], ['Servicelatency', 'serviceLatency'],
];

const CJK = /[\u4e00-\u9fff]/;

describe('field catalog', () => {
  it('documents every canonical field with a kind and both languages', () => {
    assert.equal(ALL_FIELDS.length, FIELD_IDS.length);
    for (const f of ALL_FIELDS) {
      assert.ok(FIELD_KINDS.includes(f.kind), `${f.name} kind`);
      for (const text of [f.short.en, f.long.en, f.short.zh, f.long.zh]) assert.ok(text.trim().length > 1, `${f.name} text`);
      assert.ok(CJK.test(f.short.zh) && CJK.test(f.long.zh), `${f.name} has Chinese`);
      assert.ok(!CJK.test(f.long.en), `${f.name} English is English`);
      assert.ok(f.long.en.length >= f.short.en.length, `${f.name} long is not shorter than short`);
    }
  });

  it('resolves every QueryRequestLogs name of the seed response and reports it as the API name', () => {
    for (const key of QUERY_REQUEST_LOGS_KEYS) {
      const info = fieldInfo(key);
      assert.notEqual(info.id, undefined, key);
      assert.equal(info.apiName, key, `${key} API name`);
      assert.equal(info.origin, 'gateway');
    }
  });

  it('resolves the Log Service names of the seed doc, odd spellings included', () => {
    for (const [name, id] of SLS_SEED_NAMES) {
      assert.equal(fieldInfo(name).id, id, name);
      assert.equal(fieldInfo(name, 'log').slsName, id, name);
    }
  });

  it('ignores case and surrounding spaces', () => {
    assert.equal(fieldInfo('STATUSCODE').id, 'statusCode');
    assert.equal(fieldInfo('  consumerappid ').id, 'appId');
    assert.equal(fieldInfo('requesttime').id, 'requestHandleTime');
  });

  it('accepts query short names by default but not in log mode', () => {
    assert.equal(fieldInfo('status').id, 'statusCode');
    assert.equal(fieldInfo('latency').id, 'totalLatency');
    assert.equal(fieldInfo('status', 'log').origin, 'unknown');
    assert.deepEqual([...fieldInfoById('statusCode').aliases], ['status']);
    assert.ok(fieldInfoById('appId').aliases.includes('ConsumerAppId'));
  });

  it('gives the kinds the decoders rely on', () => {
    const kinds: Record<string, string> = {
      statusCode: 'status', errorCode: 'errorCode', totalLatency: 'ms', serviceLatency: 'ms', requestSize: 'bytes',
      responseSize: 'bytes', frontRequestStart: 'epochMs', __time__: 'epochS', requestHandleTime: 'isoTime',
      clientIp: 'ip', jwtClaims: 'json', plugin: 'json', requestHeaders: 'headers', responseHeaders: 'headers',
      requestId: 'id', initialRequestId: 'id', apiName: 'enum', responseBody: 'text',
    };
    for (const [name, kind] of Object.entries(kinds)) assert.equal(fieldInfo(name).kind, kind, name);
  });

  it('says where a field has no name in one of the schemes', () => {
    assert.equal(fieldInfo('providerAliUid').apiName, undefined);
    assert.equal(fieldInfo('FrontRequestStart').slsName, undefined);
    assert.equal(fieldInfo('__time__').apiName, undefined);
    assert.equal(fieldInfo('__time__').origin, 'logService');
  });

  it('takes Chinese descriptions from the QueryRequestLogs doc', () => {
    assert.match(fieldInfo('ServiceLatency').long.zh, /访问后端资源耗时总和/);
    assert.match(fieldInfo('InitialRequestId').long.zh, /API-1 调用 API-2/);
    assert.match(fieldInfo('BackendResponseStart').long.zh, /API 网关开始接收到后端服务响应的时间点/);
  });

  it('returns a tag entry naming the tag, with kinds for the well-known tags', () => {
    const receive = fieldInfo('__tag__:__receive_time__');
    assert.equal(receive.origin, 'tag');
    assert.equal(receive.kind, 'epochS');
    assert.equal(receive.name, '__tag__:__receive_time__');
    const custom = fieldInfo('__tag__:my_team');
    assert.equal(custom.kind, 'text');
    assert.match(custom.short.en, /my_team/);
    assert.match(custom.long.zh, /my_team/);
    assert.equal(fieldInfo('__TAG__:__client_ip__').kind, 'ip');
  });

  it('keeps unknown fields as text entries under their own name', () => {
    const info = fieldInfo('x-Custom_Field');
    assert.equal(info.origin, 'unknown');
    assert.equal(info.kind, 'text');
    assert.equal(info.name, 'x-Custom_Field');
    assert.equal(info.id, undefined);
    assert.match(info.long.en, /x-Custom_Field/);
  });

  it('describes a field in English and Chinese with both names', () => {
    const en = describeField(fieldInfo('StatusCode'), 'en');
    assert.equal(en.names, 'Log Service: statusCode · QueryRequestLogs: StatusCode');
    assert.equal(en.kind, 'HTTP status');
    assert.match(en.title, /^statusCode — /);
    const zh = describeField(fieldInfo('providerAliUid'), 'zh');
    assert.equal(zh.names, '日志服务: providerAliUid · QueryRequestLogs: 无');
    assert.ok(CJK.test(zh.long) && CJK.test(zh.kind));
    assert.equal(kindLabel('ms', 'zh'), '毫秒');
  });

  it('never throws on any name and keeps unknown names as given', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (name) => {
      const info = fieldInfo(name);
      assert.ok(FIELD_KINDS.includes(info.kind));
      if (info.origin === 'unknown') assert.equal(info.name, name.trim());
      describeField(info, 'zh');
    }), { numRuns: 500 });
  });
});
