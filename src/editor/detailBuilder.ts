/** Builds the detail panel's content for one record with the core's decoders (the same as the hovers). */
import { decodeTiming, decodeValue, phaseOffsets, timingInputFromRecord, type DecodedValue } from '../core/decode';
import { fieldInfo } from '../core/fields/catalog';
import { lt, pick, type Lang } from '../core/fields/lang';
import { TIMING_FIELDS } from '../core/fields/ids';
import type { DetailField, RecordDetail, Waterfall, WaterfallPhase } from '../shared/protocol';
import { buildCurl, type CurlFields } from './curl';

const OUTCOME = new Set(['statusCode', 'errorCode', 'errorMessage', 'exception', 'totalLatency', 'serviceLatency', 'requestSize', 'responseSize']);
const CONTENT = new Set(['requestHeaders', 'requestBody', 'responseHeaders', 'responseBody', 'jwtClaims', 'plugin', 'requestQueryString']);
const TIMING = new Set<string>([...TIMING_FIELDS, 'exchangeTimestamp']);

/** Where a record sits: its row in the index and its line in the source. */
export interface RecordPlace {
  readonly row: number;
  readonly line: number;
}

/** The detail of a record given as field name → value, with descriptions and readings in `lang`. */
export function buildDetail(fields: Readonly<Record<string, unknown>>, place: RecordPlace, lang: Lang = 'en'): RecordDetail {
  const decoded = Object.entries(fields).map(([name, value]) => detailField(name, value, lang));
  const byId = canonicalValues(fields);
  const requestId = byId.requestId ?? '';
  const initial = byId.initialRequestId;
  return {
    row: place.row,
    line: place.line,
    requestId,
    initialRequestId: initial && initial !== requestId ? initial : undefined,
    fields: decoded,
    waterfall: buildWaterfall(fields, lang),
    json: JSON.stringify(fields, null, 2),
    curl: buildCurl(byId as CurlFields),
  };
}

/** Values by canonical field id, as text. */
function canonicalValues(fields: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const id = fieldInfo(name, 'log').id;
    if (id && value !== null && value !== undefined) out[id] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function detailField(name: string, value: unknown, lang: Lang): DetailField {
  const info = fieldInfo(name, 'log');
  const d = decodeValue(info, value);
  const id = info.id ?? '';
  const group: DetailField['group'] = OUTCOME.has(id) ? 'outcome' : CONTENT.has(id) ? 'content' : TIMING.has(id) ? 'timing'
    : info.origin === 'gateway' ? 'request' : 'other';
  const pretty = prettyText(d);
  return { name, raw: d.raw, decoded: pretty === undefined ? decodedText(d, lang) : undefined, pretty, description: pick(info.short, lang), group };
}

/** The human reading of a decoded value, if it says more than the raw text. */
export function decodedText(d: DecodedValue, lang: Lang = 'en'): string | undefined {
  if (d.empty) return undefined;
  switch (d.kind) {
    case 'status': return [d.status.text && pick(d.status.text, lang), pick(d.status.meaning, lang)].filter(Boolean).join(' — ');
    case 'errorCode': return pick(d.error.meaning, lang);
    case 'ms': return d.human;
    case 'bytes': return d.size.bytes !== undefined && d.size.bytes >= 1024 ? `${d.size.human} (${d.size.exact})` : undefined;
    case 'epochMs': case 'epochS': case 'isoTime':
      return d.time.valid ? `${d.time.utc} · local ${d.time.local} · ${d.time.relative}` : undefined;
    case 'ip': return d.ip.scope ? `IPv${d.ip.version ?? '?'} · ${d.ip.scope}` : undefined;
    case 'enum': return d.meaning && pick(d.meaning, lang);
    case 'json': case 'headers': case 'id': case 'text': return undefined;
  }
}

function prettyText(d: DecodedValue): string | undefined {
  if (d.empty) return undefined;
  if (d.kind === 'json') return d.json.ok && d.json.text !== d.raw ? d.json.text : undefined;
  if (d.kind === 'headers') return d.headers.pairs.length > 0 && d.headers.text !== d.raw ? d.headers.text : undefined;
  return undefined;
}

/** The waterfall from the eight stamps, or from the two latencies when the stamps are missing. */
export function buildWaterfall(fields: Readonly<Record<string, unknown>>, lang: Lang = 'en'): Waterfall | undefined {
  const t = decodeTiming(timingInputFromRecord(fields));
  const offsets = phaseOffsets(t.phases);
  const phases: WaterfallPhase[] = [];
  t.phases.forEach((p, i) => {
    const o = offsets[i];
    if (!o.known) return;
    phases.push({ label: pick(p.name, lang), ms: p.durationMs ?? 0, startPct: o.leftPct, widthPct: o.widthPct, kind: p.who });
  });
  const warnings = t.findings.filter((f) => f.severity === 'warning').map((f) => pick(f.message, lang));
  if (phases.length > 0) return { totalMs: t.totalMs ?? 0, phases, warnings };
  return latencyWaterfall(t.totalLatencyMs, t.serviceLatencyMs, lang);
}

function latencyWaterfall(total: number | undefined, backend: number | undefined, lang: Lang): Waterfall | undefined {
  if (total === undefined || total <= 0) return undefined;
  const svc = Math.max(0, Math.min(total, backend ?? 0));
  const overhead = total - svc;
  const phases: WaterfallPhase[] = [
    { label: pick(lt('Gateway overhead', '网关开销'), lang), ms: overhead, startPct: 0, widthPct: (overhead / total) * 100, kind: 'gateway' },
  ];
  if (backend !== undefined) {
    phases.push({ label: pick(lt('Backend (service latency)', '后端 (serviceLatency)'), lang), ms: svc, startPct: (overhead / total) * 100, widthPct: (svc / total) * 100, kind: 'backend' });
  }
  const note = lt('No timing stamps in this record: phases estimated from totalLatency and serviceLatency.', '此记录没有时间戳:各阶段由 totalLatency 与 serviceLatency 估算。');
  return { totalMs: total, phases, warnings: [pick(note, lang)] };
}
