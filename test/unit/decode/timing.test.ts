import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeTiming, timingInputFromRecord, type TimingInput } from '../../../src/core/decode/timing';

/** The eight stamps of the seed's QueryRequestLogs example. */
const SEED_STAMPS = {
  FrontRequestStart: 1731487224968, FrontRequestEnd: 1731487224968, BackendRequestStart: 1731487224969,
  BackendRequestEnd: 1731487224969, BackendResponseStart: 1731487224989, BackendResponseEnd: 1731487224989,
  FrontResponseStart: 1731487224989, FrontResponseEnd: 1731487224989,
};

const T0 = 1_700_000_000_000;
const FULL: TimingInput = {
  frontRequestStart: T0, frontRequestEnd: T0 + 12, backendRequestStart: T0 + 30, backendRequestEnd: T0 + 35,
  backendResponseStart: T0 + 300, backendResponseEnd: T0 + 320, frontResponseStart: T0 + 330, frontResponseEnd: T0 + 340,
};

describe('timing phases', () => {
  it('turns the eight stamps into seven phases in request order, with who spends the time', () => {
    const t = decodeTiming(FULL);
    assert.deepEqual(t.phases.map((p) => p.key),
      ['receiveRequest', 'gatewayPre', 'sendToBackend', 'backendWait', 'receiveResponse', 'gatewayPost', 'sendToClient']);
    assert.deepEqual(t.phases.map((p) => p.durationMs), [12, 18, 5, 265, 20, 10, 10]);
    assert.deepEqual(t.phases.map((p) => p.who), ['client', 'gateway', 'backend', 'backend', 'backend', 'gateway', 'client']);
    assert.equal(t.phases[1].name.en, 'gateway pre-processing');
    assert.equal(t.phases[1].start, T0 + 12);
    assert.equal(t.stampsTotalMs, 340);
    assert.equal(t.totalMs, 340);
    assert.deepEqual([t.gatewayOverheadMs, t.overheadSource], [28, 'stamps']);
    assert.deepEqual(t.findings, []);
  });

  it('takes the gateway overhead from the stamps, else from totalLatency − serviceLatency, and accepts numeric strings', () => {
    const t = decodeTiming({ ...FULL, totalLatency: '342', serviceLatency: '290' });
    assert.deepEqual([t.gatewayOverheadMs, t.overheadSource, t.totalMs], [28, 'stamps', 342]);
    assert.deepEqual([t.stampsOverheadMs, t.latencyOverheadMs], [28, 52]);
    assert.deepEqual(t.findings, []);
    const noPost = decodeTiming({ ...FULL, frontResponseStart: undefined, totalLatency: 342, serviceLatency: 290 });
    assert.deepEqual([noPost.gatewayOverheadMs, noPost.overheadSource], [52, 'latencies']);
    const partial = decodeTiming({ ...FULL, frontResponseStart: undefined });
    assert.deepEqual([partial.gatewayOverheadMs, partial.overheadSource], [18, 'partialStamps']);
    const onlyLatencies = decodeTiming({ totalLatency: 43, serviceLatency: 36 });
    assert.equal(onlyLatencies.gatewayOverheadMs, 7);
    assert.deepEqual(onlyLatencies.findings.map((f) => f.kind), ['noStamps']);
    assert.ok(onlyLatencies.phases.every((p) => p.durationMs === undefined));
  });

  it('reads the seed record through timingInputFromRecord and flags its sum mismatch', () => {
    const t = decodeTiming(timingInputFromRecord({ ...SEED_STAMPS, TotalLatency: '1345', ServiceLatency: '324', ApiName: 'x' }));
    assert.deepEqual(t.phases.map((p) => p.durationMs), [0, 1, 0, 20, 0, 0, 0]);
    assert.equal(t.stampsTotalMs, 21);
    assert.deepEqual([t.gatewayOverheadMs, t.latencyOverheadMs], [1, 1021]);
    const kinds = t.findings.map((f) => f.kind);
    assert.deepEqual(kinds, ['totalMismatch', 'serviceMismatch']);
    assert.equal(t.findings[0].severity, 'warning');
    assert.match(t.findings[0].message.en, /21 ms.*1\.35 s/);
  });

  it('accepts totals within tolerance', () => {
    assert.deepEqual(decodeTiming({ ...FULL, totalLatency: 344 }).findings, []);
    assert.equal(decodeTiming({ ...FULL, totalLatency: 360 }).findings[0].kind, 'totalMismatch');
    assert.deepEqual(decodeTiming({ ...FULL, totalLatency: 360 }, { toleranceMs: 30 }).findings, []);
  });

  it('shows what is known when the request never reached the backend', () => {
    const t = decodeTiming({ frontRequestStart: T0, frontRequestEnd: T0 + 3, frontResponseStart: T0 + 9, frontResponseEnd: T0 + 10 });
    assert.deepEqual(t.phases.map((p) => p.durationMs), [3, undefined, undefined, undefined, undefined, undefined, 1]);
    assert.equal(t.findings[0].kind, 'missingStamps');
    assert.equal(t.findings[0].stamps.length, 4);
    assert.match(t.findings[0].message.en, /never reached the backend/);
    assert.equal(t.gatewayOverheadMs, undefined);
    assert.equal(t.totalMs, 10);
  });

  it('flags stamps out of order and keeps the negative duration', () => {
    const t = decodeTiming({ ...FULL, backendResponseStart: T0 + 20 });
    const order = t.findings.filter((f) => f.kind === 'outOfOrder');
    assert.equal(order.length, 1);
    assert.deepEqual(order[0].stamps, ['backendRequestEnd', 'backendResponseStart']);
    assert.match(order[0].message.en, /15 ms earlier/);
    assert.equal(t.phases[3].durationMs, -15);
  });

  it('treats zero, empty and null stamps as missing and flags text that is not a number', () => {
    const t = decodeTiming({ ...FULL, frontRequestStart: 0, frontRequestEnd: '', backendRequestStart: null, backendRequestEnd: 'soon' });
    assert.deepEqual(t.findings.map((f) => f.kind), ['missingStamps', 'unreadableStamps']);
    assert.deepEqual(t.findings[1].stamps, ['backendRequestEnd']);
  });

  it('warns when serviceLatency exceeds totalLatency', () => {
    const t = decodeTiming({ totalLatency: 10, serviceLatency: 30 });
    assert.ok(t.findings.some((f) => f.kind === 'negativeOverhead'));
    assert.deepEqual([t.gatewayOverheadMs, t.overheadSource], [-20, 'latencies']);
  });

  it('never throws on arbitrary values', () => {
    const value = fc.oneof(fc.anything(), fc.integer(), fc.double(), fc.string({ unit: 'binary', maxLength: 16 }));
    const keys = ['frontRequestStart', 'frontRequestEnd', 'backendRequestStart', 'backendRequestEnd', 'backendResponseStart',
      'backendResponseEnd', 'frontResponseStart', 'frontResponseEnd', 'totalLatency', 'serviceLatency'] as const;
    const input = fc.record(Object.fromEntries(keys.map((k) => [k, value])) as Record<(typeof keys)[number], fc.Arbitrary<unknown>>, { requiredKeys: [] });
    fc.assert(fc.property(input, (i) => {
      const t = decodeTiming(i);
      assert.equal(t.phases.length, 7);
    }), { numRuns: 500 });
  });
});
