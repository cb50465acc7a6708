/** One entry point for hovers and detail panels: a field's value decoded according to its kind. */
import { fieldInfo, type FieldInfo } from '../fields/catalog';
import type { LocalizedText } from '../fields/lang';
import { decodeBytes, type ByteSize } from './bytes';
import { enumMeaning } from './enumValues';
import { decodeGatewayErrorCode, type GatewayErrorInfo } from './gatewayErrorCode';
import { decodeHeaders, type HeaderBlock } from './headers';
import { decodeHttpStatus, type HttpStatusInfo } from './httpStatus';
import { decodeIp, type IpInfo } from './ip';
import { prettyJson, type PrettyJson } from './json';
import { formatLatency, parseMs } from './latency';
import { isRequestId, normalizeRequestId } from './requestId';
import { decodeTime, type TimeInfo, type TimeOptions } from './time';
import { valueText } from './valueText';

/** What every decoded value carries: its field, the value as text, and whether it is empty. */
interface DecodedBase {
  readonly field: FieldInfo;
  readonly raw: string;
  readonly empty: boolean;
}

/** A value decoded by its field's kind (`kind` is the field's FieldKind). */
export type DecodedValue = DecodedBase & (
  | { readonly kind: 'status'; readonly status: HttpStatusInfo }
  | { readonly kind: 'errorCode'; readonly error: GatewayErrorInfo }
  | { readonly kind: 'ms'; readonly ms: number | undefined; readonly human: string }
  | { readonly kind: 'bytes'; readonly size: ByteSize }
  | { readonly kind: 'epochMs' | 'epochS' | 'isoTime'; readonly time: TimeInfo }
  | { readonly kind: 'json'; readonly json: PrettyJson }
  | { readonly kind: 'headers'; readonly headers: HeaderBlock }
  | { readonly kind: 'id'; readonly requestId: string | undefined }
  | { readonly kind: 'ip'; readonly ip: IpInfo }
  | { readonly kind: 'enum'; readonly meaning: LocalizedText | undefined }
  | { readonly kind: 'text' }
);

/** Options for decodeValue (used by time values). */
export type DecodeOptions = TimeOptions;

/** Decodes a field's value (field given by any name the catalog resolves); never throws. */
export function decodeValue(fieldName: string | FieldInfo, value: unknown, options: DecodeOptions = {}): DecodedValue {
  const field = typeof fieldName === 'string' ? fieldInfo(fieldName, 'log') : fieldName;
  const raw = valueText(value);
  const base: DecodedBase = { field, raw, empty: raw.trim() === '' };
  switch (field.kind) {
    case 'status': return { ...base, kind: 'status', status: decodeHttpStatus(raw) };
    case 'errorCode': return { ...base, kind: 'errorCode', error: decodeGatewayErrorCode(raw) };
    case 'ms': return msValue(base, value);
    case 'bytes': return { ...base, kind: 'bytes', size: decodeBytes(typeof value === 'number' ? value : raw) };
    case 'epochMs': case 'epochS': case 'isoTime':
      return { ...base, kind: field.kind, time: decodeTime(typeof value === 'number' ? value : raw, options) };
    case 'json': return { ...base, kind: 'json', json: prettyJson(raw) };
    case 'headers': return { ...base, kind: 'headers', headers: decodeHeaders(raw) };
    case 'id': return { ...base, kind: 'id', requestId: isRequestId(raw.trim()) ? normalizeRequestId(raw.trim()) : undefined };
    case 'ip': return { ...base, kind: 'ip', ip: decodeIp(raw) };
    case 'enum': return { ...base, kind: 'enum', meaning: enumMeaning(field.id, raw) };
    case 'text': return { ...base, kind: 'text' };
  }
}

function msValue(base: DecodedBase, value: unknown): DecodedValue {
  const ms = parseMs(typeof value === 'number' ? value : base.raw);
  return { ...base, kind: 'ms', ms, human: ms === undefined ? '—' : formatLatency(ms) };
}
