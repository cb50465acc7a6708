/** A synthetic index built straight through the LogIndex setters, for timing runs and large tests. */
import { LogIndex } from '../../../src/core/index/store';

const APIS = Array.from({ length: 60 }, (_, i) => `Api${i}_${['GetUser', 'ListOrders', 'PutItem', 'Search'][i % 4]}`);
const GROUPS = ['orders', 'users', 'catalog', 'search', 'payments', 'admin'];
const STATUSES = [200, 200, 200, 200, 200, 200, 200, 201, 204, 302, 304, 400, 401, 403, 404, 429, 500, 502, 503, 504];
const ERRORS: Record<number, string> = { 400: 'I400PA', 401: 'A401AC', 403: 'A403IP', 404: 'I404NF', 429: 'T429ID', 500: 'X500ER', 502: 'D502FC', 503: 'D503BB', 504: 'D504TO' };
const METHODS = ['GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE'];

/** A deterministic pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(random: () => number): string {
  const hex = () => Math.floor(random() * 0x10000).toString(16).toUpperCase().padStart(4, '0');
  return `${hex()}${hex()}-${hex()}-${hex()}-${hex()}-${hex()}${hex()}${hex()}`;
}

/** Builds `count` rows over one day starting 2024-01-01, with realistic-looking skewed values. */
export function buildSyntheticIndex(count: number, seed = 1): LogIndex {
  const random = seededRandom(seed);
  const index = new LogIndex();
  const start = Date.UTC(2024, 0, 1);
  for (let row = 0; row < count; row++) {
    index.beginRow({ line: row + 1, offset: row * 1900, length: 1899 });
    const api = Math.floor(Math.pow(random(), 2) * APIS.length);
    const status = STATUSES[Math.floor(random() * STATUSES.length)];
    const service = Math.floor(5 + Math.pow(random(), 3) * 3000);
    index.setNum('time', row, start + Math.floor((row / count) * 86_400_000));
    index.setStr('apiName', row, APIS[api]);
    index.setStr('apiGroupName', row, GROUPS[api % GROUPS.length]);
    index.setStr('apiStageName', row, 'RELEASE');
    index.setStr('httpMethod', row, METHODS[api % METHODS.length]);
    index.setStr('path', row, `/v1/${GROUPS[api % GROUPS.length]}/${APIS[api].toLowerCase()}/${row % 50}`);
    index.setStr('statusCode', row, String(status));
    index.setNum('status', row, status);
    index.setStr('errorCode', row, ERRORS[status] ?? 'OK');
    index.setStr('appName', row, `app-${Math.floor(Math.pow(random(), 2) * 200)}`);
    index.setStr('clientIp', row, `10.${Math.floor(random() * 4)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`);
    index.setNum('serviceLatency', row, service);
    index.setNum('totalLatency', row, service + Math.floor(random() * 20));
    index.setId('requestId', row, uuid(random));
    index.commitRow(row);
  }
  return index;
}
