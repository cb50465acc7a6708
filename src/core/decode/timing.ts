/**
 * The eight timing stamps of a request as phases (who spent how long), total, gateway overhead, and
 * the inconsistencies real logs have: missing stamps, stamps out of order, totals that do not add up.
 */
import { TIMING_FIELDS, canonicalFieldId } from '../fields/ids';
import type { LocalizedText } from '../fields/lang';
import { parseMs } from './latency';
import { valueText } from './valueText';
import { PHASES, type PhaseActor, type PhaseKey, type TimingStamp } from './timingPhases';
import { checkTiming, type TimingFinding } from './timingChecks';

export type { TimingFinding } from './timingChecks';
export { PHASES, type PhaseActor, type PhaseKey, type TimingStamp } from './timingPhases';

/** The timing values of one record: stamps (epoch ms) and the two latencies, as numbers or numeric strings. */
export type TimingInput = Partial<Record<TimingStamp | 'totalLatency' | 'serviceLatency', unknown>>;

/** One phase of a request, with its measured times where both of its stamps are known. */
export interface TimingPhase {
  readonly key: PhaseKey;
  readonly name: LocalizedText;
  readonly detail: LocalizedText;
  readonly who: PhaseActor;
  readonly from: TimingStamp;
  readonly to: TimingStamp;
  readonly start: number | undefined;
  readonly end: number | undefined;
  /** end − start; negative when the stamps are out of order; undefined when a stamp is missing. */
  readonly durationMs: number | undefined;
}

/** Read stamps (undefined where missing or unreadable) and which raw values could not be read. */
export interface ReadStamps {
  readonly values: Readonly<Record<TimingStamp, number | undefined>>;
  readonly unreadable: readonly TimingStamp[];
}

/** A request's timing, decoded. */
export interface TimingAnalysis {
  readonly phases: readonly TimingPhase[];
  readonly stamps: ReadStamps;
  /** frontResponseEnd − frontRequestStart, when both are known. */
  readonly stampsTotalMs: number | undefined;
  readonly totalLatencyMs: number | undefined;
  readonly serviceLatencyMs: number | undefined;
  /** totalLatency when logged, otherwise the stamps' total. */
  readonly totalMs: number | undefined;
  /** Gateway pre- plus post-processing from the stamps, when both phases are known. */
  readonly stampsOverheadMs: number | undefined;
  /** totalLatency − serviceLatency, when both are logged (what the stats' overhead percentiles use). */
  readonly latencyOverheadMs: number | undefined;
  /** The stamps' overhead when known, else the latencies', else the known gateway phase alone. */
  readonly gatewayOverheadMs: number | undefined;
  readonly overheadSource: 'stamps' | 'latencies' | 'partialStamps' | undefined;
  readonly findings: readonly TimingFinding[];
}

/** Tolerances for comparing the stamps with the logged latencies. */
export interface TimingOptions {
  /** Absolute tolerance in ms (default 5). */
  readonly toleranceMs?: number;
  /** Relative tolerance as a fraction of the latency (default 0.05). */
  readonly toleranceRatio?: number;
}

/** Picks the timing values out of a parsed record, whatever the naming scheme or case of its keys. */
export function timingInputFromRecord(record: Readonly<Record<string, unknown>>): TimingInput {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const id = canonicalFieldId(key);
    if (id && (id === 'totalLatency' || id === 'serviceLatency' || (TIMING_FIELDS as readonly string[]).includes(id))) input[id] = value;
  }
  return input as TimingInput;
}

/** Decodes a request's timing; never throws. */
export function decodeTiming(input: TimingInput, options: TimingOptions = {}): TimingAnalysis {
  const stamps = readStamps(input);
  const phases = PHASES.map((p): TimingPhase => {
    const start = stamps.values[p.from];
    const end = stamps.values[p.to];
    const durationMs = start !== undefined && end !== undefined ? end - start : undefined;
    return { key: p.key, name: p.name, detail: p.detail, who: p.who, from: p.from, to: p.to, start, end, durationMs };
  });
  const { frontRequestStart: first, frontResponseEnd: last } = stamps.values;
  const stampsTotalMs = first !== undefined && last !== undefined ? last - first : undefined;
  const totalLatencyMs = nonNegative(input.totalLatency);
  const serviceLatencyMs = nonNegative(input.serviceLatency);
  const base = {
    phases, stamps, stampsTotalMs, totalLatencyMs, serviceLatencyMs,
    totalMs: totalLatencyMs ?? stampsTotalMs, ...gatewayOverhead(phases, totalLatencyMs, serviceLatencyMs),
  };
  return { ...base, findings: checkTiming(base, options.toleranceMs ?? 5, options.toleranceRatio ?? 0.05) };
}

function readStamps(input: TimingInput): ReadStamps {
  const values = {} as Record<TimingStamp, number | undefined>;
  const unreadable: TimingStamp[] = [];
  for (const s of TIMING_FIELDS) {
    const raw = input[s];
    const n = parseMs(raw);
    values[s] = n !== undefined && n > 0 ? n : undefined;
    if (n === undefined && valueText(raw).trim() !== '') unreadable.push(s);
  }
  return { values, unreadable };
}

function nonNegative(value: unknown): number | undefined {
  const n = parseMs(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

type Overhead = Pick<TimingAnalysis, 'stampsOverheadMs' | 'latencyOverheadMs' | 'gatewayOverheadMs' | 'overheadSource'>;

function gatewayOverhead(phases: readonly TimingPhase[], total?: number, service?: number): Overhead {
  const known = phases.filter((p) => p.who === 'gateway' && p.durationMs !== undefined);
  const sum = known.reduce((acc, p) => acc + Math.max(0, p.durationMs!), 0);
  const stampsOverheadMs = known.length === 2 ? sum : undefined;
  const latencyOverheadMs = total !== undefined && service !== undefined ? total - service : undefined;
  if (stampsOverheadMs !== undefined) return { stampsOverheadMs, latencyOverheadMs, gatewayOverheadMs: stampsOverheadMs, overheadSource: 'stamps' };
  if (latencyOverheadMs !== undefined) return { stampsOverheadMs, latencyOverheadMs, gatewayOverheadMs: latencyOverheadMs, overheadSource: 'latencies' };
  const partial = known.length > 0 ? sum : undefined;
  return { stampsOverheadMs, latencyOverheadMs, gatewayOverheadMs: partial, overheadSource: partial === undefined ? undefined : 'partialStamps' };
}
