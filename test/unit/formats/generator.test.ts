import { strict as assert } from 'node:assert';
import { F } from '../../../scripts/generator/fields';
import { slsJson } from '../../../scripts/generator/writers';
import { generated } from './inputs';

const num = (v: string): number => (v === '' ? NaN : Number(v));

describe('scripts/generator: realistic, consistent records', () => {
  const recs = generated(5000, 3);

  it('is deterministic for a seed and differs between seeds', () => {
    const opts = { bodies: true, asciiOnly: false, pythonStyle: false };
    assert.deepEqual(generated(50, 3).map((r) => slsJson(r, opts)), recs.slice(0, 50).map((r) => slsJson(r, opts)));
    assert.notDeepEqual(generated(5, 4).map((r) => r.values[F.requestId]), recs.slice(0, 5).map((r) => r.values[F.requestId]));
  });

  it('keeps latencies, stamps and times consistent', () => {
    for (const { time, values: v } of recs) {
      const total = num(v[F.totalLatency]);
      const service = num(v[F.serviceLatency]);
      assert.ok(service >= 0 && service < total, `service ${service} < total ${total}`);
      assert.equal(num(v[F.frontResponseEnd]) - num(v[F.frontRequestStart]), total);
      assert.equal(Math.floor(num(v[F.frontRequestStart]) / 1000), time);
      assert.equal(Date.parse(v[F.requestHandleTime]), time * 1000);
      assert.match(v[F.requestHandleTime], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (Number.isNaN(num(v[F.backendRequestStart]))) assert.equal(service, 0);
    }
  });

  it('matches gateway error codes to their status and leaves backend failures without one', () => {
    let gateway = 0;
    let backend = 0;
    for (const { values: v } of recs) {
      const code = v[F.errorCode];
      if (code !== '' && code !== 'OK') {
        gateway++;
        assert.match(code, /^[A-Z]\d{3}[A-Z0-9]{2}$/);
        assert.equal(code.slice(1, 4), v[F.statusCode]);
        assert.notEqual(v[F.errorMessage], '');
      } else if (Number(v[F.statusCode]) >= 400) {
        backend++;
        assert.equal(code, '');
        assert.notEqual(v[F.exception], '');
      }
    }
    assert.ok(gateway > 100 && gateway < 300, `gateway failures ${gateway}`);
    assert.ok(backend > 80 && backend < 250, `backend failures ${backend}`);
  });

  it('has popular and rare APIs, uppercase UUID request IDs, IPv6 clients and self-call chains', () => {
    const counts = new Map<string, number>();
    for (const { values: v } of recs) counts.set(v[F.apiName], (counts.get(v[F.apiName]) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    assert.ok(counts.size >= 35, `${counts.size} APIs`);
    assert.ok(sorted[0] > 20 * sorted[sorted.length - 1], 'Zipf-like popularity');
    assert.ok(recs.every((r) => /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/.test(r.values[F.requestId])));
    assert.ok(recs.some((r) => r.values[F.clientIp].includes(':')));
    const ids = new Set(recs.map((r) => r.values[F.requestId]));
    assert.ok(recs.filter((r) => ids.has(r.values[F.initialRequestId])).length > 50);
  });

  it('caps bodies at 1024 UTF-8 bytes and puts quotes, backslashes, newlines and Chinese in them', () => {
    const bodies = recs.flatMap((r) => [r.values[F.requestBody], r.values[F.responseBody]]);
    assert.ok(bodies.every((b) => Buffer.byteLength(b) <= 1024));
    for (const needle of ['"', '\\', '\n', '杭州']) assert.ok(bodies.some((b) => b.includes(needle)), JSON.stringify(needle));
  });
});
