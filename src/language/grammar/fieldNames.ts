/** Field names as they appear in logs (both schemes), grouped by how their values are coloured. */
import { fieldInfoById, type FieldKind } from '../../core/fields/catalog';
import { FIELD_IDS, apiFieldName, canonicalFieldId, fieldAliases, type FieldId } from '../../core/fields/ids';

/** How a field's value is coloured; `other` is any known field without special colouring. */
export type ValueKind = 'status' | 'errorCode' | 'requestId' | 'ip' | 'isoTime' | 'epoch' | 'latency' | 'size' | 'other';

const KIND_OF: Partial<Record<FieldKind, ValueKind>> = {
  status: 'status', errorCode: 'errorCode', id: 'requestId', ip: 'ip', isoTime: 'isoTime',
  epochMs: 'epoch', epochS: 'epoch', ms: 'latency', bytes: 'size',
};

/** The value kind of a canonical field id, from its catalog kind (any `id` field is coloured when UUID-shaped). */
export function valueKindOf(id: FieldId): ValueKind {
  return KIND_OF[fieldInfoById(id).kind] ?? 'other';
}

/** The value kind of a field name as written in a log (either scheme, any case); unknown names are `other`. */
export function valueKindOfName(name: string): ValueKind {
  const id = canonicalFieldId(name);
  if (id) return valueKindOf(id);
  return name.trim().toLowerCase() === '__tag__:__receive_time__' ? 'epoch' : 'other';
}

/** Every name a field is written as in logs: its canonical id and its QueryRequestLogs names. */
export function logNamesOf(id: FieldId): string[] {
  const names = [id, apiFieldName(id), ...fieldAliases(id).filter((a) => canonicalFieldId(a) === id)];
  const seen = new Set<string>();
  return names.filter((n): n is string => {
    if (!n || seen.has(n.toLowerCase())) return false;
    seen.add(n.toLowerCase());
    return true;
  });
}

/** The log names of every field of a kind, longest first so a regex alternation prefers the longest. */
export function logNamesOfKind(kind: ValueKind): string[] {
  return FIELD_IDS.filter((id) => valueKindOf(id) === kind).flatMap(logNamesOf).sort((a, b) => b.length - a.length);
}

/** Keys of the QueryRequestLogs envelope, known but not fields of a record. */
export const ENVELOPE_KEYS = ['RequestLogs', 'RequestLog'] as const;
