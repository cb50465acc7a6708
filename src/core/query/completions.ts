/** Completions for the explorer's query bar: field names (canonical and aliases), keywords, and frequent values. */
import { FIELD_IDS, apiFieldName, queryFieldId, type FieldId } from '../fields/ids';
import type { LogIndex } from '../index/store';
import { countCodes, type Dictionary } from './dictLookup';
import { fieldTarget } from './fieldTargets';

/** One suggestion. `insertText` replaces the text in [from, to) of the result. */
export interface Completion {
  label: string;
  insertText: string;
  kind: 'field' | 'value' | 'keyword';
  /** The canonical field for an alias, or the count of a value. */
  detail?: string;
  count?: number;
}

/** Suggestions for the word at the cursor, and the range they replace. */
export interface CompletionResult {
  from: number;
  to: number;
  items: Completion[];
}

/** The short names users type (resolved through queryFieldId, so they stay in step with the catalog). */
const SHORT_NAMES = ['status', 'api', 'group', 'stage', 'method', 'app', 'ip', 'latency', 'time'];
const KEYWORDS = ['and', 'or', 'not'];
const WORD_BOUNDARY = /[\s()[\]]/;

/** Completions at `cursor` in `text`: values after `field:`, else field names and keywords. */
export function completions(text: string, cursor: number, index?: LogIndex, limit = 20): CompletionResult {
  const quote = openQuoteAt(text, cursor);
  if (quote > 0 && text[quote - 1] === ':') {
    let fieldStart = quote - 1;
    while (fieldStart > 0 && !WORD_BOUNDARY.test(text[fieldStart - 1])) fieldStart--;
    const field = queryFieldId(text.slice(fieldStart, quote - 1));
    const items = field && index ? valueCompletions(index, field, text.slice(quote + 1, cursor), limit) : [];
    return { from: quote, to: cursor, items };
  }
  let start = cursor;
  while (start > 0 && !WORD_BOUNDARY.test(text[start - 1])) start--;
  const word = text.slice(start, cursor);
  const colon = word.indexOf(':');
  if (colon > 0) {
    const field = queryFieldId(word.slice(0, colon));
    const from = start + colon + 1;
    const items = field && index ? valueCompletions(index, field, word.slice(colon + 1), limit) : [];
    return { from, to: cursor, items };
  }
  return { from: start, to: cursor, items: nameCompletions(word, start > 0 && text.slice(0, start).trim() !== '', limit) };
}

/** The offset of the `"` opening a quoted string still open at `cursor`, or -1. */
function openQuoteAt(text: string, cursor: number): number {
  let open = -1;
  for (let i = 0; i < cursor; i++) {
    if (open >= 0 && text[i] === '\\') i++;
    else if (text[i] === '"') open = open >= 0 ? -1 : i;
  }
  return open;
}

function nameCompletions(prefix: string, afterTerm: boolean, limit: number): Completion[] {
  const lower = prefix.toLowerCase();
  const items: Completion[] = [];
  if (afterTerm && lower !== '') {
    for (const k of KEYWORDS) if (k.startsWith(lower)) items.push({ label: k, insertText: `${k} `, kind: 'keyword' });
  }
  const seen = new Set<string>();
  for (const [name, field] of fieldNames()) {
    if (!name.toLowerCase().startsWith(lower) || seen.has(name)) continue;
    seen.add(name);
    items.push({ label: name, insertText: `${name}:`, kind: 'field', detail: name === field ? undefined : field });
  }
  return items.slice(0, limit);
}

let names: [string, FieldId][] | undefined;

/** Every name a field can be queried by: short names first, then canonical ids, then QueryRequestLogs names. */
function fieldNames(): [string, FieldId][] {
  if (names) return names;
  names = [];
  for (const s of SHORT_NAMES) {
    const id = queryFieldId(s);
    if (id) names.push([s, id]);
  }
  for (const id of FIELD_IDS) names.push([id, id]);
  for (const id of FIELD_IDS) {
    const api = apiFieldName(id);
    if (api && api !== id) names.push([api, id]);
  }
  return names;
}

function valueCompletions(index: LogIndex, field: FieldId, typed: string, limit: number): Completion[] {
  const target = fieldTarget(field);
  if (target.kind !== 'dict') return [];
  const prefix = typed.replace(/^"/, '').toLowerCase();
  const ranked = rankedValues(index, index.dict(target.column));
  const starts = ranked.filter((v) => v.value.toLowerCase().startsWith(prefix));
  const contains = prefix === '' ? [] : ranked.filter((v) => !v.value.toLowerCase().startsWith(prefix) && v.value.toLowerCase().includes(prefix));
  return [...starts, ...contains].slice(0, limit).map(({ value, count }) => ({
    label: value, insertText: quoteQueryValue(value), kind: 'value', detail: String(count), count,
  }));
}

const rankCache = new WeakMap<Dictionary, { rows: number; ranked: { value: string; count: number }[] }>();

/** Non-empty dictionary values by descending count over all rows (cached until the index grows). */
function rankedValues(index: LogIndex, dict: Dictionary): { value: string; count: number }[] {
  const cached = rankCache.get(dict);
  if (cached && cached.rows === index.count) return cached.ranked;
  const counts = countCodes(dict, index.count);
  const ranked: { value: string; count: number }[] = [];
  for (let code = 1; code < counts.length; code++) if (counts[code] > 0) ranked.push({ value: dict.values[code], count: counts[code] });
  ranked.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  rankCache.set(dict, { rows: index.count, ranked });
  return ranked;
}

/** A value as query text: bare when safe, else double-quoted with `"` and `\` escaped. */
export function quoteQueryValue(value: string): string {
  if (value !== '' && !/[\s()[\]":<>=*\\]/.test(value) && !/^(and|or|not|in)$/i.test(value)) return value;
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/** The clause a facet click adds: `field:value`, or `not field:value` to exclude. */
export function fieldClause(field: FieldId, value: string, exclude = false): string {
  return `${exclude ? 'not ' : ''}${field}:${quoteQueryValue(value)}`;
}
