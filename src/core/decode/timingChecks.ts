/** Consistency checks over a request's timing stamps and logged latencies. */
import { TIMING_FIELDS } from '../fields/ids';
import { lt, type LocalizedText } from '../fields/lang';
import { formatLatency } from './latency';
import type { ReadStamps } from './timing';
import type { TimingStamp } from './timingPhases';

/** What kind of inconsistency a finding reports. */
export type TimingFindingKind =
  | 'noStamps' | 'missingStamps' | 'unreadableStamps' | 'outOfOrder' | 'totalMismatch' | 'serviceMismatch' | 'negativeOverhead';

/** One thing about a request's timing that does not add up, or is not known. */
export interface TimingFinding {
  readonly kind: TimingFindingKind;
  readonly severity: 'warning' | 'info';
  /** The stamps the finding is about (may be empty). */
  readonly stamps: readonly TimingStamp[];
  readonly message: LocalizedText;
}

/** The parts of a timing analysis the checks read. */
export interface CheckedTiming {
  readonly stamps: ReadStamps;
  readonly stampsTotalMs: number | undefined;
  readonly totalLatencyMs: number | undefined;
  readonly serviceLatencyMs: number | undefined;
}

const BACKEND_STAMPS: readonly TimingStamp[] = ['backendRequestStart', 'backendRequestEnd', 'backendResponseStart', 'backendResponseEnd'];

/** All findings for one request, in a stable order. */
export function checkTiming(t: CheckedTiming, toleranceMs: number, toleranceRatio: number): TimingFinding[] {
  const tolerance = (ms: number) => Math.max(toleranceMs, Math.abs(ms) * toleranceRatio);
  return [
    ...missing(t.stamps), ...unreadable(t.stamps), ...outOfOrder(t.stamps),
    ...totalMismatch(t, tolerance), ...serviceMismatch(t, tolerance), ...negativeOverhead(t),
  ];
}

function missing(stamps: ReadStamps): TimingFinding[] {
  const absent = TIMING_FIELDS.filter((s) => stamps.values[s] === undefined);
  if (absent.length === TIMING_FIELDS.length) {
    return [{ kind: 'noStamps', severity: 'info', stamps: absent, message: lt('No timing stamps in this record.', '该记录没有时间戳。') }];
  }
  if (absent.length === 0) return [];
  const noBackend = BACKEND_STAMPS.every((s) => absent.includes(s));
  const why = noBackend
    ? lt(' The request probably never reached the backend.', '请求可能未到达后端。')
    : lt('', '');
  return [{
    kind: 'missingStamps', severity: 'info', stamps: absent,
    message: lt(`Missing stamps: ${absent.join(', ')}.${why.en}`, `缺少时间戳:${absent.join('、')}。${why.zh}`),
  }];
}

function unreadable(stamps: ReadStamps): TimingFinding[] {
  if (stamps.unreadable.length === 0) return [];
  const list = stamps.unreadable.join(', ');
  return [{
    kind: 'unreadableStamps', severity: 'warning', stamps: stamps.unreadable,
    message: lt(`Stamps that are not numbers: ${list}.`, `无法解析为数字的时间戳:${list}。`),
  }];
}

function outOfOrder(stamps: ReadStamps): TimingFinding[] {
  const findings: TimingFinding[] = [];
  let latest: TimingStamp | undefined;
  for (const s of TIMING_FIELDS) {
    const v = stamps.values[s];
    if (v === undefined) continue;
    const prev = latest === undefined ? undefined : stamps.values[latest]!;
    if (latest !== undefined && prev !== undefined && v < prev) {
      const gap = formatLatency(prev - v);
      findings.push({
        kind: 'outOfOrder', severity: 'warning', stamps: [latest, s],
        message: lt(`${s} is ${gap} earlier than ${latest}.`, `${s} 比 ${latest} 早 ${gap}。`),
      });
    } else {
      latest = s;
    }
  }
  return findings;
}

function totalMismatch(t: CheckedTiming, tolerance: (ms: number) => number): TimingFinding[] {
  const { stampsTotalMs: span, totalLatencyMs: total } = t;
  if (span === undefined || total === undefined || Math.abs(span - total) <= tolerance(total)) return [];
  return [{
    kind: 'totalMismatch', severity: 'warning', stamps: ['frontRequestStart', 'frontResponseEnd'],
    message: lt(`The stamps span ${formatLatency(span)} but totalLatency is ${formatLatency(total)}.`,
      `时间戳跨度为 ${formatLatency(span)},但 totalLatency 为 ${formatLatency(total)}。`),
  }];
}

function serviceMismatch(t: CheckedTiming, tolerance: (ms: number) => number): TimingFinding[] {
  const start = t.stamps.values.backendRequestStart;
  const end = t.stamps.values.backendResponseEnd;
  const service = t.serviceLatencyMs;
  if (start === undefined || end === undefined || service === undefined) return [];
  const span = end - start;
  if (Math.abs(span - service) <= tolerance(service)) return [];
  return [{
    kind: 'serviceMismatch', severity: 'info', stamps: ['backendRequestStart', 'backendResponseEnd'],
    message: lt(`The backend stamps span ${formatLatency(span)} but serviceLatency is ${formatLatency(service)} (it also counts getting a connection).`,
      `后端时间戳跨度为 ${formatLatency(span)},但 serviceLatency 为 ${formatLatency(service)}(后者还包含获取连接的耗时)。`),
  }];
}

function negativeOverhead(t: CheckedTiming): TimingFinding[] {
  const { totalLatencyMs: total, serviceLatencyMs: service } = t;
  if (total === undefined || service === undefined || total >= service) return [];
  return [{
    kind: 'negativeOverhead', severity: 'warning', stamps: [],
    message: lt(`serviceLatency (${formatLatency(service)}) exceeds totalLatency (${formatLatency(total)}).`,
      `serviceLatency(${formatLatency(service)})大于 totalLatency(${formatLatency(total)})。`),
  }];
}
