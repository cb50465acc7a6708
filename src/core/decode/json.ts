/** JSON text fields (jwtClaims, plugin): pretty-printed, unwrapping double encoding, never throwing. */

/** The result of prettyJson. */
export interface PrettyJson {
  /** True when the text (after unwrapping) is valid JSON. */
  readonly ok: boolean;
  /** Pretty-printed JSON, or the original text when it is not JSON. */
  readonly text: string;
  /** The parsed value, when ok. */
  readonly value?: unknown;
  /** How many extra layers of string encoding were removed ("\"{\\\"a\\\":1}\"" → 1). */
  readonly unwrapped: number;
  /** True for an empty object, empty array or empty string ("{}", "[]", ""). */
  readonly empty: boolean;
}

const MAX_UNWRAP = 3;
const MAX_LENGTH = 2_000_000;

/** Pretty-prints JSON text, unwrapping string-encoded JSON up to three times; the original on failure. */
export function prettyJson(text: string, indent = 2): PrettyJson {
  const original = String(text);
  if (original.trim() === '') return { ok: false, text: original, unwrapped: 0, empty: true };
  if (original.length > MAX_LENGTH) return { ok: false, text: original, unwrapped: 0, empty: false };
  const parsed = tryParse(original);
  if (!parsed.ok) return { ok: false, text: original, unwrapped: 0, empty: false };
  let value = parsed.value;
  let unwrapped = 0;
  while (typeof value === 'string' && unwrapped < MAX_UNWRAP) {
    const inner = tryParse(value);
    if (!inner.ok || (typeof inner.value !== 'object' && typeof inner.value !== 'string') || inner.value === null) break;
    value = inner.value;
    unwrapped++;
  }
  return { ok: true, text: stringify(value, indent) ?? original, value, unwrapped, empty: isEmpty(value) };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function stringify(value: unknown, indent: number): string | undefined {
  try {
    return JSON.stringify(value, null, indent);
  } catch {
    return undefined;
  }
}

function isEmpty(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}
