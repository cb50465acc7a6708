import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeTiming } from '../../../src/core/decode/timing';
import { displayWidth, phaseOffsets, renderWaterfallText } from '../../../src/core/decode/waterfall';

const T0 = 1_700_000_000_000;
const FULL = decodeTiming({
  frontRequestStart: T0, frontRequestEnd: T0 + 12, backendRequestStart: T0 + 30, backendRequestEnd: T0 + 35,
  backendResponseStart: T0 + 300, backendResponseEnd: T0 + 320, frontResponseStart: T0 + 330, frontResponseEnd: T0 + 340,
});

describe('waterfall', () => {
  it('renders one aligned monospace line per phase with bar and duration', () => {
    const lines = renderWaterfallText(FULL.phases, 20).split('\n');
    assert.equal(lines.length, 7);
    assert.equal(lines[1], 'gateway pre-processing   ░█░░░░░░░░░░░░░░░░░░  18 ms');
    assert.equal(lines[3], 'backend wait (TTFB)      ░░████████████████░░  265 ms');
    const barStarts = lines.map((l) => l.search(/[░█▏·]/));
    assert.ok(barStarts.every((s) => s === barStarts[0]));
  });

  it('aligns Chinese labels by display width', () => {
    const lines = renderWaterfallText(FULL.phases, 16, 'zh').split('\n');
    const barColumns = lines.map((l) => displayWidth(l.slice(0, l.search(/[░█▏·]/))));
    assert.ok(barColumns.every((c) => c === barColumns[0]), barColumns.join(','));
    assert.match(lines[1], /^网关前置处理/);
    assert.equal(displayWidth('网关a'), 5);
  });

  it('draws unknown phases as dots and out-of-order phases with a note', () => {
    const partial = decodeTiming({ frontRequestStart: T0, frontRequestEnd: T0 + 10, frontResponseStart: T0 + 20, frontResponseEnd: T0 + 5 });
    const lines = renderWaterfallText(partial.phases, 10).split('\n');
    assert.match(lines[1], /·{10}  n\/a$/);
    assert.match(lines[6], /-15 ms \(out of order\)$/);
    assert.match(renderWaterfallText(partial.phases, 10, 'zh').split('\n')[1], /未知$/);
  });

  it('gives percent offsets that start at 0 and stay within 100', () => {
    const offsets = phaseOffsets(FULL.phases);
    assert.equal(offsets[0].leftPct, 0);
    assert.ok(Math.abs(offsets[3].widthPct - (265 / 340) * 100) < 1e-9);
    assert.ok(Math.abs(offsets[6].leftPct + offsets[6].widthPct - 100) < 1e-9);
    const none = phaseOffsets(decodeTiming({}).phases);
    assert.ok(none.every((o) => !o.known && o.leftPct === 0 && o.widthPct === 0));
  });

  it('never produces NaN or bars of the wrong width', () => {
    const stamp = fc.option(fc.integer({ min: 1, max: 2e12 }), { nil: undefined });
    fc.assert(fc.property(fc.array(stamp, { minLength: 8, maxLength: 8 }), fc.integer({ min: -5, max: 60 }), (s, width) => {
      const t = decodeTiming({
        frontRequestStart: s[0], frontRequestEnd: s[1], backendRequestStart: s[2], backendRequestEnd: s[3],
        backendResponseStart: s[4], backendResponseEnd: s[5], frontResponseStart: s[6], frontResponseEnd: s[7],
      });
      for (const o of phaseOffsets(t.phases)) assert.ok(o.leftPct >= 0 && o.widthPct >= 0 && o.leftPct + o.widthPct <= 100 + 1e-9);
      const cells = Math.max(4, width);
      for (const line of renderWaterfallText(t.phases, width).split('\n')) {
        assert.equal((line.match(/[░█▏·]/g) ?? []).length, cells);
      }
    }), { numRuns: 300 });
  });
});
