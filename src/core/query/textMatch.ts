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

/** Separates tokens in a joined token string (never part of a token in practice). */
const SEP = '\u0001';

/**
 * A value as the matchers see it: lower-cased, and, when it holds delimiters, its tokens joined as
 * `SEP tok SEP tok SEP` (a value without delimiters is its own single token, so `joined` is left out).
 */
export interface MatchSubject {
  lower: string;
  joined?: string;
}

/** True when `lower` holds a token delimiter. */
function hasDelimiter(lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128 && delimiterCodes[c] === 1) return true;
  }
  return false;
}

/** The lower-cased form of `value` (the same string when already lower case) and its joined tokens. */
export function matchSubject(value: string): MatchSubject {
  const converted = value.toLowerCase();
  const lower = converted === value ? value : converted;
  return hasDelimiter(lower) ? { lower, joined: joinTokens(tokenize(lower)) } : { lower };
}

function joinTokens(tokens: readonly string[]): string {
  return `${SEP}${tokens.join(SEP)}${SEP}`;
}

/** A predicate over a value's lower-cased form and joined tokens. */
export type SubjectMatcher = (lower: string, joined: string | undefined) => boolean;

/**
 * The matcher for a typed value. Literal: the whole value equals it, or its tokens appear in a row
 * among the value's tokens (`path:/api/users` matches `/api/users/7`). Wildcard: the pattern matches
 * the whole value or one token. `*` alone: any non-empty value. An empty literal matches empty values.
 */
export function subjectMatcher(value: string, wildcard: boolean): SubjectMatcher {
  if (wildcard && /^\**$/.test(value)) return (lower) => lower !== '';
  const typed = value.toLowerCase();
  if (wildcard) {
    const whole = new RegExp(`^${globBody(typed)}$`, 's');
    const token = new RegExp(`${SEP}${typed.split('*').map(escapeRegExp).join(`[^${SEP}]*`)}${SEP}`);
    return (lower, joined) => lower !== '' && (whole.test(lower) || (joined !== undefined && token.test(joined)));
  }
  const wanted = tokenize(typed);
  if (wanted.length === 0) return (lower) => lower === typed;
  const run = joinTokens(wanted);
  const single = wanted.length === 1 ? wanted[0] : undefined;
  return (lower, joined) => lower === typed || (joined === undefined ? lower === single : joined.includes(run));
}

/** Does `value` match the typed value? (The same rules as the index evaluation.) */
export function textMatches(value: string, typed: string, wildcard: boolean): boolean {
  const subject = matchSubject(value);
  return subjectMatcher(typed, wildcard)(subject.lower, subject.joined);
}
