/**
 * Property: for random records and random queries, filterRows equals a brute-force evaluation of the
 * same query over the records, written here independently of the engine.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { filterRows } from '../../../src/core/query/evaluate';
import { parseQuery } from '../../../src/core/query/parser';
import { indexOf, type TestRecord } from './fixtures';

/** A record in canonical names (what the reference reads); '' = absent. */
interface Rec {
  apiName: string; apiGroupName: string; statusCode: string; errorCode: string; path: string;
  clientIp: string; httpMethod: string; requestId: string; totalLatency: number; serviceLatency: number;
}

type Q =
  | { k: 'text'; field?: keyof Rec; name: string; value: string; quoted: boolean }
  | { k: 'cmp'; field: 'totalLatency' | 'serviceLatency' | 'statusCode'; name: string; op: string; value: number; colon: boolean }
  | { k: 'range'; field: 'totalLatency' | 'statusCode'; name: string; low: number; high: number; li: boolean; hi: boolean }
  | { k: 'and' | 'or'; a: Q; b: Q; implicit: boolean }
  | { k: 'not'; a: Q };

const IDS = ['95657ED9-2F6F-426F-BD99-79C8D8F1A2B3', 'C2AFA9F3-A817-4274-B975-BDC1E201449F', 'AAAAAAAA-0000-0000-0000-000000000002'];
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const optional = (xs: readonly string[]) => pick(['', ...xs]);

const recordArb: fc.Arbitrary<Rec> = fc.record({
  apiName: optional(['GetUser', 'getuser', 'ListOrders', 'Search Items', 'a-b.c']),
  apiGroupName: optional(['users', 'orders', 'Orders']),
  statusCode: optional(['200', '404', '500', '302', '503']),
  errorCode: optional(['OK', 'X500ER', 'I404NF', 'D503BB']),
  path: optional(['/api/users/7', '/api/orders', '/Search', '/api/users', '/v1/users/api']),
  clientIp: optional(['10.0.0.1', '10.0.0.2', '192.168.1.20']),
  httpMethod: optional(['GET', 'POST', 'get']),
  requestId: optional(IDS),
  totalLatency: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 2000 })),
  serviceLatency: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 2000 })),
});

/** Field names to query by (canonical, PascalCase and short aliases). */
const TEXT_FIELDS: [keyof Rec, string[]][] = [
  ['apiName', ['apiName', 'ApiName', 'api']], ['apiGroupName', ['group', 'GroupName']], ['statusCode', ['status', 'StatusCode']],
  ['errorCode', ['errorCode']], ['path', ['path', 'HttpPath']], ['clientIp', ['ip', 'clientIp']], ['httpMethod', ['method']],
  ['requestId', ['requestId']],
];
const VALUES = ['GetUser', 'getuser', 'get*', '*user*', 'Search Items', 'items', 'search*', 'users', '/api/users', 'api', '/api/*',
  'orders', '5*', '500', '200', 'OK', 'ok', 'X500ER', '10.0.0.1', '10.0.0.*', 'GET', '*', '', 'a-b.c', 'b', '/', 'use*', '*ers', 'ord*', IDS[0], IDS[1].toLowerCase(), 'AAAAAAAA*', 'c2afa9f3*'];
const TERMS = ['getuser', 'orders', 'X500ER', '10.0.0.1', 'users', 'get*', '*items', 'use*', '*ders', 'v1', 'search', '500', 'api', 'AAAAAAAA*', IDS[0], '"search items"', '"api users"'];

const leafArb: fc.Arbitrary<Q> = fc.oneof(
  fc.tuple(pick(TEXT_FIELDS), pick(VALUES), fc.boolean(), fc.nat()).map(([[field, names], value, quoted, i]) =>
    ({ k: 'text', field, name: names[i % names.length], value, quoted: quoted || value === '' || /\s/.test(value) }) as Q),
  pick(TERMS).map((t) => ({ k: 'text', name: '', value: t.replace(/"/g, ''), quoted: t.startsWith('"') }) as Q),
  fc.tuple(pick(['totalLatency', 'serviceLatency', 'statusCode'] as const), pick(['>', '>=', '<', '<=', '=']), fc.integer({ min: 0, max: 2000 }), fc.boolean()).map(
    ([field, op, value, colon]) => ({ k: 'cmp', field, name: field === 'statusCode' ? 'status' : field, op, value: field === 'statusCode' ? 200 + (value % 400) : value, colon }) as Q),
  fc.tuple(pick(['totalLatency', 'statusCode'] as const), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 }), fc.boolean(), fc.boolean()).map(
    ([field, a, b, li, hi]) => ({ k: 'range', field, name: field, low: Math.min(a, b), high: Math.max(a, b), li, hi }) as Q),
);

const queryArb: fc.Arbitrary<Q> = fc.letrec<{ q: Q }>((tie) => ({
  q: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.tuple(tie('q'), tie('q'), fc.boolean()).map(([a, b, implicit]) => ({ k: 'and', a, b, implicit }) as Q),
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => ({ k: 'or', a, b, implicit: false }) as Q),
    tie('q').map((a) => ({ k: 'not', a }) as Q)),
})).q;

function render(q: Q): string {
  switch (q.k) {
    case 'text': {
      const v = q.quoted ? `"${q.value}"` : q.value;
      return q.name ? `${q.name}:${v}` : v;
    }
    case 'cmp': return q.colon ? `${q.name}:${q.op}${q.value}` : `${q.name} ${q.op} ${q.value}`;
    case 'range': return `${q.name} in ${q.li ? '[' : '('}${q.low} ${q.high}${q.hi ? ']' : ')'}`;
    case 'and': return `(${render(q.a)}${q.implicit ? ' ' : ' AND '}${render(q.b)})`;
    case 'or': return `(${render(q.a)} or ${render(q.b)})`;
    case 'not': return `not ${render(q.a)}`;
  }
}

// ---- the reference, written from the documented rules ----

const split = (s: string) => s.split(/[, '";=()[\]{}?@&<>/:\n\t\r]+/).filter((t) => t !== '');
const glob = (p: string) => new RegExp(`^${p.split('*').map((x) => x.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('.*')}$`, 'is');

function textRule(value: string, typed: string, wildcard: boolean): boolean {
  const v = value.toLowerCase();
  const t = typed.toLowerCase();
  if (wildcard && /^\**$/.test(t)) return v !== '';
  if (wildcard) return v !== '' && (glob(t).test(v) || split(v).some((tok) => glob(t).test(tok)));
  if (v === t) return true;
  const want = split(t);
  return want.length > 0 && `\u0001${split(v).join('\u0001')}\u0001`.includes(`\u0001${want.join('\u0001')}\u0001`);
}

function idRule(id: string, typed: string, wildcard: boolean): boolean {
  if (!wildcard) return id.toLowerCase() === typed.toLowerCase();
  return id !== '' && glob(typed).test(id);
}

const DICT_FIELDS: (keyof Rec)[] = ['apiName', 'apiGroupName', 'statusCode', 'errorCode', 'path', 'clientIp', 'httpMethod'];

function within(v: number, low: number, high: number, li: boolean, hi: boolean): boolean {
  return (li ? v >= low : v > low) && (hi ? v <= high : v < high);
}

function holds(q: Q, r: Rec): boolean {
  switch (q.k) {
    case 'text': {
      const wildcard = !q.quoted && q.value.includes('*');
      if (q.field === 'requestId') return idRule(r.requestId, q.value, wildcard) || (!wildcard && q.value === '' && r.requestId === '');
      if (q.field) return textRule(String(r[q.field]), q.value, wildcard);
      const idsToo = !wildcard || /^[0-9a-f*-]*$/i.test(q.value);
      return DICT_FIELDS.some((f) => textRule(String(r[f]), q.value, wildcard)) || (idsToo && idRule(r.requestId, q.value, wildcard));
    }
    case 'cmp': {
      const v = q.field === 'statusCode' ? (r.statusCode === '' ? NaN : Number(r.statusCode)) : r[q.field];
      const ops: Record<string, boolean> = { '>': v > q.value, '>=': v >= q.value, '<': v < q.value, '<=': v <= q.value, '=': v === q.value };
      return ops[q.op];
    }
    case 'range': {
      const v = q.field === 'statusCode' ? (r.statusCode === '' ? NaN : Number(r.statusCode)) : r[q.field];
      return within(v, q.low, q.high, q.li, q.hi);
    }
    case 'and': return holds(q.a, r) && holds(q.b, r);
    case 'or': return holds(q.a, r) || holds(q.b, r);
    case 'not': return !holds(q.a, r);
  }
}

/** Writes a record the way a log would, using either naming scheme and string values. */
function toLogRecord(r: Rec, pascal: boolean): TestRecord {
  const out: TestRecord = {};
  const name = (canonical: string, api: string) => (pascal ? api : canonical);
  const put = (canonical: string, api: string, value: string | number) => {
    if (value !== '' && !Number.isNaN(value)) out[name(canonical, api)] = String(value);
  };
  put('apiName', 'ApiName', r.apiName); put('apiGroupName', 'GroupName', r.apiGroupName); put('statusCode', 'StatusCode', r.statusCode);
  put('errorCode', 'ErrorCode', r.errorCode); put('path', 'HttpPath', r.path); put('clientIp', 'ClientIp', r.clientIp);
  put('httpMethod', 'HttpMethod', r.httpMethod); put('requestId', 'RequestId', r.requestId);
  put('totalLatency', 'TotalLatency', r.totalLatency); put('serviceLatency', 'ServiceLatency', r.serviceLatency);
  return out;
}

describe('filterRows property', () => {
  it('equals a brute-force filter over the records for random queries', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(recordArb, fc.boolean()), { minLength: 0, maxLength: 25 }), queryArb, fc.option(fc.array(fc.nat({ max: 30 }))), (data, q, restrict) => {
        const index = indexOf(data.map(([r, pascal]) => toLogRecord(r, pascal)));
        const text = render(q);
        const parsed = parseQuery(text);
        if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
        const rows = restrict ? Uint32Array.from(restrict) : undefined;
        const allowed = new Set(restrict ?? data.map((_, i) => i));
        const expected = data.map((_, i) => i).filter((i) => allowed.has(i) && holds(q, data[i][0]));
        assert.deepEqual([...filterRows(index, parsed.ast, { rows })], expected, text);
      }),
      { numRuns: 400, seed: 20240101 },
    );
  });
});
