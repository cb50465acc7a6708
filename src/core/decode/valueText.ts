/** Any value found in a parsed record as text, without ever throwing. */

/** Strings as they are, null/undefined as "", objects as JSON, anything else through String(). */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  try {
    if (typeof value === 'object') return JSON.stringify(value) ?? '';
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
