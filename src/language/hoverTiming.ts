/** Hover Markdown for a latency or a timing stamp: the request's phases as a waterfall, overhead, and rank. */
import { formatLatency } from '../core/decode/latency';
import { decodeTiming, timingInputFromRecord, type TimingAnalysis } from '../core/decode/timing';
import { renderWaterfallText } from '../core/decode/waterfall';
import { TIMING_FIELDS, canonicalFieldId } from '../core/fields/ids';
import { pick, type Lang } from '../core/fields/lang';
import type { LatencyRank } from '../core/stats/latencyRank';
import { label } from './labels';
import { codeBlock, codeSpan, escapeMarkdown } from './markdown';

/** Where a latency ranks: the core's rank plus the API it was compared within, or why it is missing. */
export type RankInfo =
  | { readonly kind: 'ranked'; readonly rank: LatencyRank; readonly api: string }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'none' };

/** True for the fields whose hover shows the waterfall: the two latencies and the eight stamps. */
export function isTimingField(name: string): boolean {
  const id = canonicalFieldId(name);
  return id === 'totalLatency' || id === 'serviceLatency' || (id !== undefined && (TIMING_FIELDS as readonly string[]).includes(id));
}

/** The waterfall section of a record: phases in a code block, totals, gateway overhead and findings. */
export function timingSection(fields: Readonly<Record<string, string>>, lang: Lang): string {
  const t = decodeTiming(timingInputFromRecord(fields));
  const known = t.phases.some((p) => p.durationMs !== undefined);
  const out = [known ? codeBlock(renderWaterfallText(t.phases, 24, lang)) : escapeMarkdown(label('noStamps', lang))];
  const totals: string[] = [];
  if (t.totalMs !== undefined) totals.push(`${label('total', lang)} **${escapeMarkdown(formatLatency(t.totalMs))}**`);
  if (t.serviceLatencyMs !== undefined) totals.push(`${escapeMarkdown(label('backend', lang))} ${escapeMarkdown(formatLatency(t.serviceLatencyMs))}`);
  const lines = totals.length > 0 ? [`- ${totals.join(' · ')}`] : [];
  if (t.gatewayOverheadMs !== undefined) lines.push(`- ${overheadText(t, lang)}`);
  const findings = t.findings.filter((f) => f.kind !== 'noStamps').slice(0, 4);
  lines.push(...findings.map((f) => `- ⚠ ${escapeMarkdown(pick(f.message, lang))}`));
  if (lines.length > 0) out.push(lines.join('\n'));
  return out.join('\n\n');
}

function overheadText(t: TimingAnalysis, lang: Lang): string {
  const how = t.overheadSource === 'latencies' ? 'overheadFromLatencies' : t.overheadSource === 'partialStamps' ? 'overheadPartial' : 'overheadFromStamps';
  const other = t.overheadSource !== 'latencies' && t.latencyOverheadMs !== undefined && t.latencyOverheadMs !== t.gatewayOverheadMs
    ? `; ${label('overheadFromLatencies', lang)}: ${formatLatency(t.latencyOverheadMs)}` : '';
  return `${label('overhead', lang)} **${escapeMarkdown(formatLatency(t.gatewayOverheadMs ?? NaN))}** (${escapeMarkdown(label(how, lang) + other)})`;
}

function ordinal(n: number, lang: Lang): string {
  if (lang === 'zh') return `第 ${n}`;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** The rank line: "Rank: 3rd slowest of 120 requests to `GetUser` (slower than 97.5%)". */
export function rankLine(info: RankInfo, lang: Lang): string {
  if (info.kind === 'none') return '';
  if (info.kind === 'tooLarge') return escapeMarkdown(label('rankUnavailable', lang));
  const { rank, of } = info.rank;
  const slowerThan = Math.max(0, Math.min(100, (100 * (of - rank)) / Math.max(1, of)));
  const pct = `${label('slowerThan', lang)} ${slowerThan.toFixed(slowerThan >= 99 ? 1 : 0)}%`;
  if (lang === 'zh') {
    return `${label('rank', lang)}:在 ${of} ${label('requestsTo', lang)} ${codeSpan(info.api)} 中${ordinal(rank, lang)}慢(${escapeMarkdown(pct)})`;
  }
  return `${label('rank', lang)}: **${ordinal(rank, lang)} ${label('rankText', lang)}** ${label('of', lang)} ${of} ${label('requestsTo', lang)} ${codeSpan(info.api)} (${escapeMarkdown(pct)})`;
}
