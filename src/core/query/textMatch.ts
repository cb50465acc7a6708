/**
 * Text matching as Log Service users expect it: case-insensitive, on whole values or on tokens split
 * at Log Service's default delimiters, with `*` wildcards.
 */

/** Log Service's default token delimiters. `.` and `-` are not delimiters, so IPs and request IDs stay whole. */
export const TOKEN_DELIMITERS = ", '\";=()[]{}?@&<>/:\n\t\r";

const delimiterCodes = new Uint8Array(128);
for (const c of TOKEN_DELIMITERS) delimiterCodes[c.charCodeAt(0)] = 1;

/** The tokens of an (already lower-cased) value. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const isDelimiter = c < 128 && delimiterCodes[c] === 1;
    if (isDelimiter && start >= 0) {
      tokens.push(text.slice(start, i));
      start = -1;
    } else if (!isDelimiter && start < 0) {
      start = i;
    }
  }
  return tokens;
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** A RegExp body for a `*` pattern: each `*` matches any run of characters. */
export function globBody(pattern: string): string {
  return pattern.split('*').map(escapeRegExp).join('.*');
}

/** An anchored, case-insensitive RegExp for a whole-value `*` pattern. */
export function globRegExp(pattern: string): RegExp {
  return new RegExp(`^${globBody(pattern)}$`, 'is');
}

/** A value as the matchers see it: lower-cased, with its tokens. */
export interface MatchSubject {
  lower: string;
  tokens: readonly string[];
}

/** The lower-cased form and tokens of `value`. */
export function matchSubject(value: string): MatchSubject {
  const lower = value.toLowerCase();
  return { lower, tokens: tokenize(lower) };
}

/** A predicate over match subjects. */
export type SubjectMatcher = (subject: MatchSubject) => boolean;

/**
 * The matcher for a typed value. Literal: the whole value equals it, or its tokens appear in a row
 * among the value's tokens (`path:/api/users` matches `/api/users/7`). Wildcard: the pattern matches
 * the whole value or one token. `*` alone: any non-empty value. An empty literal matches empty values.
 */
export function subjectMatcher(value: string, wildcard: boolean): SubjectMatcher {
  if (wildcard && /^\**$/.test(value)) return (s) => s.lower !== '';
  const lower = value.toLowerCase();
  if (wildcard) {
    const re = globRegExp(lower);
    return (s) => s.lower !== '' && (re.test(s.lower) || s.tokens.some((t) => re.test(t)));
  }
  const wanted = tokenize(lower);
  if (wanted.length === 0) return (s) => s.lower === lower;
  return (s) => s.lower === lower || containsRun(s.tokens, wanted);
}

/** True when `run` appears contiguously in `tokens`. */
export function containsRun(tokens: readonly string[], run: readonly string[]): boolean {
  const last = tokens.length - run.length;
  for (let i = 0; i <= last; i++) {
    let j = 0;
    while (j < run.length && tokens[i + j] === run[j]) j++;
    if (j === run.length) return true;
  }
  return false;
}

/** Convenience: does `value` match the typed value? (Uses the same rules as the index evaluation.) */
export function textMatches(value: string, typed: string, wildcard: boolean): boolean {
  return subjectMatcher(typed, wildcard)(matchSubject(value));
}
