/**
 * The field catalog: for any field name found in a log (either naming scheme, any case, tags, unknown
 * names), its canonical id, kind, both names and descriptions in English and Simplified Chinese.
 */
import { FIELD_IDS, apiFieldName, canonicalFieldId, fieldAliases, isTagField, queryFieldId, TIMING_FIELDS, type FieldId } from './ids';
import { FIELD_KINDS, type FieldDoc, type FieldKind } from './fieldDoc';
import { lt, pick, type Lang, type LocalizedText } from './lang';
import { ROUTING_DOCS } from './docsRouting';
import { OUTCOME_DOCS } from './docsOutcome';
import { CONTENT_DOCS, LOG_SERVICE_DOCS, TIMING_DOCS } from './docsContent';
import { tagDoc } from './tags';

export { FIELD_KINDS, type FieldKind, type Lang, type LocalizedText };

/** Where a field comes from: written by the gateway, added by Log Service, a Log Service tag, or not known. */
export type FieldOrigin = 'gateway' | 'logService' | 'tag' | 'unknown';

/** Everything the catalog knows about one field. */
export interface FieldInfo {
  /** Canonical id, or undefined for tags and unknown fields. */
  readonly id: FieldId | undefined;
  /** Display name: the canonical id, or the tag key / unknown name as found. */
  readonly name: string;
  readonly origin: FieldOrigin;
  readonly kind: FieldKind;
  /** Name in a Log Service logstore, or undefined where Log Service has none. */
  readonly slsName: string | undefined;
  /** Name in a QueryRequestLogs response, or undefined where the API has none. */
  readonly apiName: string | undefined;
  /** Other accepted spellings (QueryRequestLogs names, short query names). */
  readonly aliases: readonly string[];
  readonly short: LocalizedText;
  readonly long: LocalizedText;
}

/** A field's description rendered as plain text in one language (views escape it as they need). */
export interface FieldDescription {
  readonly title: string;
  readonly kind: string;
  readonly short: string;
  readonly long: string;
  readonly names: string;
}

const DOCS = {
  ...ROUTING_DOCS, ...OUTCOME_DOCS, ...CONTENT_DOCS, ...TIMING_DOCS, ...LOG_SERVICE_DOCS,
} satisfies Record<FieldId, FieldDoc>;

const TIMING_SET: ReadonlySet<string> = new Set(TIMING_FIELDS);

function knownInfo(id: FieldId): FieldInfo {
  const d: FieldDoc = DOCS[id];
  const logService = id.startsWith('__');
  return {
    id, name: id, origin: logService ? 'logService' : 'gateway', kind: d.kind,
    slsName: TIMING_SET.has(id) ? undefined : id, apiName: apiFieldName(id),
    aliases: fieldAliases(id), short: d.short, long: d.long,
  };
}

/** Every catalogued field (gateway and Log Service fields), in FIELD_IDS order. */
export const ALL_FIELDS: readonly FieldInfo[] = FIELD_IDS.map(knownInfo);

const BY_ID = new Map<FieldId, FieldInfo>(ALL_FIELDS.map((f) => [f.id as FieldId, f]));

/** The catalog entry of a field id. */
export function fieldInfoById(id: FieldId): FieldInfo {
  return BY_ID.get(id)!;
}

/**
 * The catalog entry of any field name. `aliases: 'log'` accepts only names that appear in logs
 * (both schemes, any case); the default also accepts the short names typed in queries (status, api…).
 */
export function fieldInfo(name: string, aliases: 'all' | 'log' = 'all'): FieldInfo {
  const trimmed = name.trim();
  if (isTagField(trimmed.toLowerCase())) return tagInfo(trimmed);
  const id = aliases === 'all' ? queryFieldId(trimmed) : canonicalFieldId(trimmed);
  return id ? fieldInfoById(id) : unknownInfo(trimmed);
}

function tagInfo(key: string): FieldInfo {
  const d = tagDoc(key);
  return { id: undefined, name: key, origin: 'tag', kind: d.kind, slsName: key, apiName: undefined, aliases: [], short: d.short, long: d.long };
}

function unknownInfo(name: string): FieldInfo {
  return {
    id: undefined, name, origin: 'unknown', kind: 'text', slsName: undefined, apiName: undefined, aliases: [],
    short: lt('Unknown field', '未知字段'),
    long: lt(`"${name}" is not a known API Gateway access-log field; its value is kept and shown as text.`,
      `"${name}" 不是已知的 API 网关访问日志字段;其值会保留并按文本显示。`),
  };
}

const KIND_LABELS: Record<FieldKind, LocalizedText> = {
  id: lt('identifier', '标识符'), enum: lt('name / category', '名称 / 类别'), status: lt('HTTP status', 'HTTP 状态码'),
  errorCode: lt('gateway error code', '网关错误码'), ms: lt('milliseconds', '毫秒'), bytes: lt('bytes', '字节'),
  epochMs: lt('epoch milliseconds', '毫秒时间戳'), epochS: lt('epoch seconds', '秒时间戳'),
  isoTime: lt('ISO-8601 time', 'ISO-8601 时间'), ip: lt('IP address', 'IP 地址'), json: lt('JSON text', 'JSON 文本'),
  headers: lt('header block', 'Header 块'), text: lt('text', '文本'),
};

/** The name of a field kind in a display language. */
export function kindLabel(kind: FieldKind, lang: Lang): string {
  return pick(KIND_LABELS[kind], lang);
}

/** A field's description as plain text in one language: title, kind, short and long text, both names. */
export function describeField(info: FieldInfo, lang: Lang): FieldDescription {
  const none = lang === 'zh' ? '无' : 'none';
  const slsLabel = lang === 'zh' ? '日志服务' : 'Log Service';
  const names = `${slsLabel}: ${info.slsName ?? none} · QueryRequestLogs: ${info.apiName ?? none}`;
  const short = pick(info.short, lang);
  return { title: `${info.name} — ${short}`, kind: kindLabel(info.kind, lang), short, long: pick(info.long, lang), names };
}
