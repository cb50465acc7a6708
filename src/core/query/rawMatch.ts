/**
 * Matching against a record's raw text, for what the index does not hold (bodies, headers, messages):
 * full-text terms as delimited words, and `field:value` by reading the field from a JSON record.
 */
import { canonicalFieldId, type FieldId } from '../fields/ids';
import type { CompareNode, RangeNode, TextNode } from './ast';
import { numericBounds, withinBounds } from './bounds';
import { TOKEN_DELIMITERS, escapeRegExp, matchSubject, subjectMatcher } from './textMatch';

const BOUNDARY = `[${escapeRegExp(TOKEN_DELIMITERS)}\\\\]`;

/** A test for a term in raw text: the value as whole delimited words (a `*` stays inside one string value). */
export function rawTermPredicate(value: string, wildcard: boolean): (raw: string) => boolean {
  if (wildcard && /^\**$/.test(value)) return () => true;
  const parts = value.trim().split(/\s+/).map((word) => (wildcard ? word.split('*').map(escapeRegExp).join('[^"\\s]*') : escapeRegExp(word)));
  const re = new RegExp(`(?:^|${BOUNDARY})${parts.join('\\s+')}(?=$|${BOUNDARY})`, 'i');
  return (raw) => re.test(raw);
}

/**
 * An ASCII text that every raw text passing `rawTermPredicate(value, wildcard)` holds (ASCII letters
 * in any case): the longest ASCII run of the term's literal parts, at least 2 characters. Undefined
 * when there is none (then every row must be tested). Without the `u` flag, a case-insensitive RegExp
 * matches an ASCII character only with ASCII characters, so the run must appear as ASCII bytes.
 */
export function rawTermAnchor(value: string, wildcard: boolean): string | undefined {
  if (wildcard && /^\**$/.test(value)) return undefined;
  const words = value.trim().split(/\s+/);
  const pieces = wildcard ? words.flatMap((word) => word.split('*')) : words;
  let best = '';
  for (const piece of pieces) {
    for (const run of piece.match(/[\x00-\x7f]+/g) ?? []) if (run.length > best.length) best = run;
  }
  return best.length >= 2 ? best : undefined;
}

/** The value of `field` in a JSON record's text; undefined when the text is not a JSON object, null when absent. */
export function jsonFieldValue(raw: string, field: FieldId): string | null | undefined {
  const start = raw.search(/\S/);
  if (start < 0 || raw[start] !== '{') return undefined;
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    if (canonicalFieldId(key) !== field) continue;
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }
  return null;
}

/** A test of a raw record for a node on a field the index does not hold. */
export function rawFieldPredicate(node: TextNode | CompareNode | RangeNode): (raw: string) => boolean {
  const field = node.field!;
  if (node.type === 'text') return rawTextFieldPredicate(node, field);
  const bounds = numericBounds(node);
  return (raw) => {
    const value = jsonFieldValue(raw, field);
    return withinBounds(typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN, bounds);
  };
}

function rawTextFieldPredicate(node: TextNode, field: FieldId): (raw: string) => boolean {
  const matcher = subjectMatcher(node.value, node.wildcard);
  const prefilter = node.value === '' ? undefined : rawTermPredicate(node.value, node.wildcard);
  return (raw) => {
    if (prefilter && !prefilter(raw)) return false;
    const value = jsonFieldValue(raw, field);
    if (value === undefined) return prefilter !== undefined;
    const subject = matchSubject(value ?? '');
    return matcher(subject.lower, subject.joined);
  };
}
