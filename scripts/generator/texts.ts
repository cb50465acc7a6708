/** Header blocks, query strings and bodies: quotes, backslashes, newlines and Chinese text included. */
import { USER_AGENTS } from './catalog';
import type { Rng } from './random';

const PRODUCTS = ['无线蓝牙耳机 Pro', '智能手表 S3', '有机绿茶 250g', 'USB-C 数据线 (2m)', '儿童保温杯"小熊"', '机械键盘 87 键', 'Running Shoes "Air"', '空气净化器'];
const CITIES = ['杭州市', '上海市', '北京市', '深圳市', '成都市', 'Singapore', '广州市', '武汉市'];
const STREETS = ['西湖区文三路 90 号', '浦东新区张江路 18 弄', '朝阳区望京街 9 号', '南山区科技园南区 A 栋', '高新区天府大道 1700 号'];
const REMARKS = [
  '请尽快发货，谢谢！', 'leave at the door, "fragile"', '周末送货 / weekend delivery', 'path C:\\Users\\zhang\\Desktop\\invoice.pdf',
  'regex ^\\d{11}$ for phone', '多行备注：\n第一行\n第二行', 'tab\tseparated\tnote', 'emoji 🎉 and quotes \'single\' "double"', '',
];
const NAMES = ['张伟', '王芳', '李娜', 'Chen Jie', '刘洋', 'O\'Brien', '赵敏', 'Müller'];

/** The gateway caps logged bodies at this many bytes. */
export const BODY_CAP_BYTES = 1024;

/** Cuts a string so its UTF-8 form fits in `maxBytes`, never splitting a character. */
export function capUtf8(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    if (size === 4) i++;
  }
  return text.slice(0, i);
}

/** Request headers as the gateway logs them: `name: value` lines. */
export function requestHeaderBlock(rng: Rng, host: string, appKey: string, nonce: string, timeMs: number, ip: string, bodyLength: number, jwt: boolean): string {
  let s = 'host: ' + host + '\nuser-agent: ' + rng.pick(USER_AGENTS);
  if (bodyLength > 0) s += '\ncontent-type: application/json; charset=utf-8\ncontent-length: ' + bodyLength;
  if (appKey !== '') {
    s += '\nx-ca-key: ' + appKey + (nonce === '' ? '' : '\nx-ca-nonce: ' + nonce) + '\nx-ca-timestamp: ' + timeMs;
    s += '\nx-ca-signature: ' + base64ish(rng, 44);
  }
  if (jwt) s += '\nauthorization: Bearer eyJhbGciOiJSUzI1NiJ9.' + base64ish(rng, 60) + '.' + base64ish(rng, 40);
  if (rng.chance(0.4)) s += '\nx-forwarded-for: ' + ip;
  if (rng.chance(0.2)) s += '\nx-request-source: "' + rng.pick(['app', 'web', 'partner']) + '"';
  return s;
}

/** Response headers, with the gateway's error headers when it produced the error. */
export function responseHeaderBlock(requestId: string, timeMs: number, bodyLength: number, errorCode: string, errorMessage: string): string {
  let s = 'content-type: application/json;charset=utf-8\ncontent-length: ' + bodyLength + '\ndate: ' + new Date(timeMs).toUTCString();
  if (errorCode !== '' && errorCode !== 'OK') s += '\nx-ca-request-id: ' + requestId + '\nx-ca-error-code: ' + errorCode + '\nx-ca-error-message: ' + errorMessage;
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64ish(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B64[rng.u32() & 63];
  return s;
}

/** A query string for GET requests (percent-encoded Chinese included), or ''. */
export function queryString(rng: Rng, method: string): string {
  if (method !== 'GET' || rng.chance(0.35)) return '';
  let s = 'pageNo=' + (1 + rng.int(20)) + '&pageSize=' + rng.pick([10, 20, 50, 100]);
  if (rng.chance(0.4)) s += '&keyword=' + rng.pick(['%E8%80%B3%E6%9C%BA', 'shoes', '%E7%BB%BF%E8%8C%B6', 'a%26b%3Dc', '%22quoted%22']);
  if (rng.chance(0.3)) s += '&city=' + encodeURIComponent(rng.pick(CITIES));
  return s;
}

/** A JSON request body (compact or pretty-printed), capped like the gateway caps it. */
export function jsonRequestBody(rng: Rng, id: string): string {
  const pretty = rng.chance(0.2);
  const nl = pretty ? '\n  ' : '';
  const items: string[] = [];
  for (let i = 0, n = rng.chance(0.8) ? 1 : 2; i < n; i++) {
    items.push('{"sku":"SKU-' + rng.digits(5) + '","name":' + JSON.stringify(rng.pick(PRODUCTS)) + ',"qty":' + (1 + rng.int(5)) + ',"price":"' + rng.range(1, 2999) + '.' + rng.digits(2) + '"}');
  }
  const body = '{' + nl + '"bizId":"' + id + '",' + nl + '"userId":' + rng.digits(6) + ',' + nl + '"buyer":' + JSON.stringify(rng.pick(NAMES)) + ',' + nl +
    '"items":[' + items.join(',') + '],' + nl + '"remark":' + JSON.stringify(rng.pick(REMARKS)) +
    (rng.chance(0.4) ? ',' + nl + '"address":{"city":' + JSON.stringify(rng.pick(CITIES)) + ',"detail":' + JSON.stringify(rng.pick(STREETS)) + '}' : '') +
    (pretty ? '\n' : '') + '}';
  return capUtf8(body, BODY_CAP_BYTES);
}

/** A form-encoded request body. */
export function formRequestBody(rng: Rng): string {
  return 'username=' + encodeURIComponent(rng.pick(NAMES)) + '&password=******&captcha=' + rng.digits(4) +
    '&redirect=%2Fhome%3Ftab%3D' + rng.int(9) + '&note=' + encodeURIComponent(rng.pick(REMARKS));
}

/** A JSON response body for a status; failures carry the error text. */
export function responseBody(rng: Rng, status: number, requestId: string, errorText: string, list: boolean): string {
  if (status === 204 || status === 304) return '';
  if (status >= 400) {
    return capUtf8('{"code":' + status + ',"message":' + JSON.stringify(errorText) + ',"requestId":"' + requestId + '"}', BODY_CAP_BYTES);
  }
  if (!list) return '{"code":0,"message":"success","requestId":"' + requestId + '","data":{"id":' + rng.digits(8) + ',"status":"' + rng.pick(['DONE', 'PENDING', '已受理']) + '"}}';
  const rows: string[] = [];
  for (let i = 0, n = rng.int(2); i < n; i++) {
    rows.push('{"id":' + rng.digits(8) + ',"title":' + JSON.stringify(rng.pick(PRODUCTS)) + ',"city":' + JSON.stringify(rng.pick(CITIES)) +
      ',"tags":["' + rng.pick(['热销', 'new', 'sale', '包邮']) + '"]' + (rng.chance(0.3) ? ',"desc":' + JSON.stringify(rng.pick(REMARKS)) : '') + '}');
  }
  const body = '{"code":0,"message":"success","requestId":"' + requestId + '","data":{"total":' + rng.int(5000) +
    ',"list":[' + rows.join(',') + '],"nextToken":"' + base64ish(rng, 24) + '"}}';
  return capUtf8(rng.chance(0.2) ? body.replace(/,"/g, ',\n  "') : body, BODY_CAP_BYTES);
}

/** Claims extracted from a JWT, as the JSON text the gateway logs. */
export function jwtClaims(rng: Rng): string {
  return '{"sub":"' + rng.digits(8) + '","role":"' + rng.pick(['admin', 'operator', 'viewer']) + '","tenant":' + JSON.stringify(rng.pick(['华东一区', 'acme', 'default'])) + '}';
}

/** The plugins a request hit, as the JSON text the gateway logs. */
export function pluginContext(rng: Rng, ip: string): string {
  const r = rng.next();
  if (r < 0.6) return '[]';
  if (r < 0.8) return '[{"pluginType":"trafficControl","pluginName":"tc-default","context":{"apiLimit":"1000/s"}}]';
  if (r < 0.93) return '[{"pluginType":"ipControl","pluginName":"office-allowlist","context":{"clientIp":"' + ip + '"}},{"pluginType":"cors","pluginName":"cors-all"}]';
  return '[{"pluginType":"jwtAuth","pluginName":"jwt-rs256","context":{"claimsParameter":"X-User"}}]';
}
