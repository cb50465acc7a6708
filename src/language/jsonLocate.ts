/**
 * Position-aware reading of JSON text: the members of an object with the offsets of their keys and
 * values, and the record objects of a document (JSON lines, arrays, QueryRequestLogs responses).
 * Lenient: a torn or malformed object yields the members read before the damage.
 */
import { canonicalFieldId, isTagField } from '../core/fields/ids';

/** How a JSON value starts. */
export type JsonValueKind = 'string' | 'object' | 'array' | 'other';

/** One member of an object: key text and the spans of its key (with quotes) and value. */
export interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly valueKind: JsonValueKind;
}

/** An object's members and where it ends (after `}`, or where reading stopped). */
export interface JsonObject {
  readonly start: number;
  readonly end: number;
  readonly members: readonly JsonMember[];
}

const WS = /[ \t\r\n\uFEFF]/;

function skipWs(text: string, p: number, end: number): number {
  while (p < end && WS.test(text[p])) p++;
  return p;
}

/** End of the string starting at `p` (a quote): the index after its closing quote, or `end` (line end for torn text). */
export function stringEnd(text: string, p: number, end: number): number {
  let i = p + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0 || q >= end) return end;
    let backslashes = 0;
    for (let b = q - 1; b > p && text[b] === '\\'; b--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

/** End of the value starting at `p`. */
export function valueEnd(text: string, p: number, end: number): number {
  const c = text[p];
  if (c === '"') return stringEnd(text, p, end);
  if (c === '{' || c === '[') return containerEnd(text, p, end);
  let i = p;
  while (i < end && !/[,}\]\s]/.test(text[i])) i++;
  return i;
}

function containerEnd(text: string, p: number, end: number): number {
  let depth = 0;
  for (let i = p; i < end; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i, end) - 1;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return end;
}

function kindAt(c: string | undefined): JsonValueKind {
  if (c === '"') return 'string';
  if (c === '{') return 'object';
  return c === '[' ? 'array' : 'other';
}

/** The text of a JSON string token (with quotes) decoded; the raw inner text when it is not valid JSON. */
export function decodeJsonString(token: string): string {
  try {
    const v: unknown = JSON.parse(token);
    return typeof v === 'string' ? v : token;
  } catch {
    return token.replace(/^"/, '').replace(/"$/, '');
  }
}

/** Reads the object whose `{` is at `start`, member by member, skipping nested values. */
export function readObject(text: string, start: number, end = text.length): JsonObject {
  const members: JsonMember[] = [];
  let p = skipWs(text, start + 1, end);
  while (p < end && text[p] === '"') {
    const keyEnd = stringEnd(text, p, end);
    let colon = skipWs(text, keyEnd, end);
    if (text[colon] !== ':') break;
    colon = skipWs(text, colon + 1, end);
    const vEnd = valueEnd(text, colon, end);
    members.push({ key: decodeJsonString(text.slice(p, keyEnd)), keyStart: p, keyEnd, valueStart: colon, valueEnd: vEnd, valueKind: kindAt(text[colon]) });
    p = skipWs(text, vEnd, end);
    if (text[p] !== ',') break;
    p = skipWs(text, p + 1, end);
  }
  return { start, end: text[p] === '}' ? p + 1 : p, members };
}

/** Start offsets of the elements of the array whose `[` is at `start`. */
export function arrayElements(text: string, start: number, end = text.length): number[] {
  const starts: number[] = [];
  let p = skipWs(text, start + 1, end);
  while (p < end && text[p] !== ']') {
    starts.push(p);
    p = skipWs(text, valueEnd(text, p, end), end);
    if (text[p] !== ',') break;
    p = skipWs(text, p + 1, end);
  }
  return starts;
}

/** True when a key names an access-log field (either scheme, any case) or a Log Service tag. */
export function isFieldKey(key: string): boolean {
  return canonicalFieldId(key) !== undefined || isTagField(key.toLowerCase());
}

const isEnvelope = (o: JsonObject): boolean => o.members.some((m) => m.key.toLowerCase() === 'requestlogs');
const isRecord = (o: JsonObject): boolean => !isEnvelope(o) && o.members.some((m) => isFieldKey(m.key));

/**
 * Spans [start, end) of the record objects in JSON text: the text itself when it is one record, the
 * elements of an array, the RequestLog entries of a QueryRequestLogs response, recursively.
 */
export function recordSpans(text: string, start = 0, end = text.length, depth = 0): Array<[number, number]> {
  const p = skipWs(text, start, end);
  if (depth > 8 || p >= end) return [];
  if (text[p] === '[') return arrayElements(text, p, end).flatMap((e) => recordSpans(text, e, end, depth + 1));
  if (text[p] !== '{') return [];
  const obj = readObject(text, p, end);
  if (isRecord(obj)) return [[obj.start, obj.end]];
  return obj.members.filter((m) => m.valueKind !== 'string' && m.valueKind !== 'other')
    .flatMap((m) => recordSpans(text, m.valueStart, m.valueEnd, depth + 1));
}

/** Record spans of a whole JSON document: one top-level value, or several written back to back. */
export function documentRecordSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let p = skipWs(text, 0, text.length);
  while (p < text.length && (text[p] === '{' || text[p] === '[')) {
    const end = valueEnd(text, p, text.length);
    spans.push(...recordSpans(text, p, end));
    p = skipWs(text, end, text.length);
    if (text[p] === ',') p = skipWs(text, p + 1, text.length);
  }
  return spans;
}

/** The member of an object under an offset, and whether the offset is on its key or its value. */
export function memberAt(obj: JsonObject, offset: number): { member: JsonMember; part: 'key' | 'value' } | undefined {
  for (const member of obj.members) {
    if (offset >= member.keyStart && offset < member.keyEnd) return { member, part: 'key' };
    if (offset >= member.valueStart && offset < Math.max(member.valueEnd, member.valueStart + 1)) return { member, part: 'value' };
  }
  return undefined;
}

/** A member's value as a plain value: strings decoded, numbers/literals/containers as their JSON text. */
export function memberValue(text: string, member: JsonMember): string {
  const raw = text.slice(member.valueStart, member.valueEnd);
  return member.valueKind === 'string' ? decodeJsonString(raw) : raw;
}

/** An object's members as a field → value record (first occurrence of a key wins). */
export function objectFields(text: string, obj: JsonObject): Record<string, string> {
  const fields = Object.create(null) as Record<string, string>;
  for (const m of obj.members) if (!Object.hasOwn(fields, m.key)) fields[m.key] = memberValue(text, m);
  return fields;
}
