/** Small access logs in each shape, for the locating and hover tests. */

/** Two JSON-lines records to the same API; the second was called by the first (initialRequestId). */
export const JSON_LINES = [
  JSON.stringify({
    __time__: 1731484819, apiName: 'GetConfig', apiUid: 'u1', httpMethod: 'GET', path: '/ops/config/1', statusCode: '404',
    errorCode: 'I404NF', requestHandleTime: '2024-11-13T08:00:19Z', requestId: '5ADE6DA6-7C02-4918-84C5-0B91BE8EA46B',
    initialRequestId: '', requestSize: '366', responseSize: '8378', serviceLatency: '8', totalLatency: '12', clientIp: '36.177.200.3',
    frontRequestStart: '1731484819626', frontRequestEnd: '1731484819627', backendRequestStart: '1731484819628',
    backendRequestEnd: '1731484819629', backendResponseStart: '1731484819634', backendResponseEnd: '1731484819636',
    frontResponseStart: '1731484819637', frontResponseEnd: '1731484819638', plugin: '[{"pluginType":"cors"}]',
  }),
  JSON.stringify({
    apiName: 'GetConfig', apiUid: 'u1', statusCode: '200', errorCode: 'OK', requestId: 'C2AFA9F3-A817-4274-B975-BDC1E201449F',
    initialRequestId: '5ADE6DA6-7C02-4918-84C5-0B91BE8EA46B', serviceLatency: '3', totalLatency: '5',
  }),
].join('\n') + '\n';

/** A saved QueryRequestLogs response, pretty-printed. */
export const QUERY_RESPONSE = JSON.stringify({
  RequestId: 'CE5722A6-AE78-4741-A9B0-6C81D2E3F4A5',
  RequestLogs: { RequestLog: [{
    ApiName: 'CancelOrder', HttpMethod: 'POST', HttpPath: '/orders/1/cancel', StatusCode: '503', ErrorCode: 'X503BZ',
    RequestTime: '2024-11-13T08:00:12Z', RequestId: '97902F2D-9AA4-49A9-AF4E-86F7B92B14EC', ServiceLatency: '169', TotalLatency: '172',
    FrontRequestStart: 1731484812000, FrontResponseEnd: 1731484812172,
  }] },
}, null, 2);

/** CSV with a header, a multi-line quoted cell and a pipe-free comma layout. */
export const CSV = 'requestId,statusCode,errorCode,requestHeaders,totalLatency,apiName,myColumn\n'
  + 'E3D804D4-3A92-42A9-B8BC-86A850D2690E,200,OK,"host: a\nuser-agent: ""curl""",107,UpdatePrice,x\n'
  + 'F3D804D4-3A92-42A9-B8BC-86A850D2690E,502,D502FC,,9000,UpdatePrice,y\n';

/** A record whose paths, headers, bodies and key names carry Markdown and HTML. */
export const HOSTILE = JSON.stringify({
  apiName: '**bold** <b>api</b>', path: '/v1/[click me](command:workbench.action.terminal.new)/`rm -rf ~`',
  statusCode: '403', errorCode: 'A403<b>', errorMessage: '# Heading\n<script>alert(1)</script> [docs](javascript:alert(1)) ![i](https://e.example/x.png)',
  requestId: '7DC01539-1AEC-46E5-BD74-B003A17BFA2B', requestQueryString: 'q=<b>bold</b>&next=javascript:alert(1)',
  requestHeaders: 'x-evil: ```\n# h\n```', responseBody: '{"html":"<img src=x onerror=alert(1)>"}', totalLatency: '53',
  '<img src=x onerror=alert(1)>': '[x](command:workbench.action.openSettings) **bold** `code`',
  '[k](command:evil)': '&lt;&#x3C;',
}) + '\n';
