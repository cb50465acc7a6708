/** Timing phases laid out as a waterfall: percent offsets for graphical views, monospace bars for text. */
import { pick, type Lang } from '../fields/lang';
import { formatLatency } from './latency';
import type { TimingPhase } from './timing';

/** Where a phase sits on a 0–100 % axis spanning the earliest to the latest known stamp. */
export interface PhaseOffset {
  readonly key: TimingPhase['key'];
  /** False when a stamp of the phase is missing (then left and width are 0). */
  readonly known: boolean;
  readonly leftPct: number;
  readonly widthPct: number;
}

/** Percent offsets of each phase, for graphical renderers; never NaN. */
export function phaseOffsets(phases: readonly TimingPhase[]): PhaseOffset[] {
  const { min, span } = axis(phases);
  return phases.map((p) => {
    if (p.start === undefined || p.durationMs === undefined) return { key: p.key, known: false, leftPct: 0, widthPct: 0 };
    const leftPct = span > 0 ? clampPct(((p.start - min) / span) * 100) : 0;
    const widthPct = span > 0 ? Math.min(100 - leftPct, clampPct((Math.max(0, p.durationMs) / span) * 100)) : 0;
    return { key: p.key, known: true, leftPct, widthPct };
  });
}

function axis(phases: readonly TimingPhase[]): { min: number; span: number } {
  const times = phases.flatMap((p) => (p.start !== undefined && p.end !== undefined ? [p.start, p.end] : []));
  if (times.length === 0) return { min: 0, span: 0 };
  const min = Math.min(...times);
  return { min, span: Math.max(...times) - min };
}

function clampPct(n: number): number {
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0;
}

/**
 * The phases as monospace lines, `label  ██░░░░  12 ms`, for a Markdown code block. `width` is the
 * bar's width in cells; CJK labels count two cells so columns stay aligned.
 */
export function renderWaterfallText(phases: readonly TimingPhase[], width = 24, lang: Lang = 'en'): string {
  const cells = Math.max(4, Math.floor(Number.isFinite(width) ? width : 24));
  const labels = phases.map((p) => pick(p.name, lang));
  const labelWidth = Math.max(0, ...labels.map(displayWidth));
  const offsets = phaseOffsets(phases);
  return phases.map((p, i) => {
    const label = labels[i] + ' '.repeat(labelWidth - displayWidth(labels[i]));
    return `${label}  ${bar(offsets[i], p, cells)}  ${durationText(p, lang)}`;
  }).join('\n');
}

function bar(offset: PhaseOffset, phase: TimingPhase, cells: number): string {
  if (!offset.known) return '·'.repeat(cells);
  const from = Math.min(cells - 1, Math.round((offset.leftPct / 100) * cells));
  if ((phase.durationMs ?? 0) <= 0) return '░'.repeat(from) + '▏' + '░'.repeat(cells - from - 1);
  const to = Math.min(cells, Math.max(from + 1, Math.round(((offset.leftPct + offset.widthPct) / 100) * cells)));
  return '░'.repeat(from) + '█'.repeat(to - from) + '░'.repeat(cells - to);
}

function durationText(p: TimingPhase, lang: Lang): string {
  if (p.durationMs === undefined) return lang === 'zh' ? '未知' : 'n/a';
  const text = formatLatency(p.durationMs);
  if (p.durationMs >= 0) return text;
  return `${text} ${lang === 'zh' ? '(顺序错乱)' : '(out of order)'}`;
}

/** Display width of a string in a monospace font: East Asian wide characters take two cells. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
}
