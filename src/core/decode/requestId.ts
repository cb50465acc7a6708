/** Request IDs (uppercase UUIDs such as 95657ED9-2F6F-426F-BD99-79C8D8F1A2B3): recognise, find, extract. */

/** A request ID found in text: normalised (upper case) and where it is. */
export interface FoundRequestId {
  readonly id: string;
  readonly index: number;
  readonly length: number;
}

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const WHOLE = new RegExp(`^${UUID}$`);
const KEY_BEFORE = /([\w-]{1,40})["']?\s*[:=]\s*["']?$/;
const REQUEST_ID_KEYS = new Set(['requestid', 'xcarequestid', 'requestlogid']);

/** True when the text is a request ID (any case, no surrounding text). */
export function isRequestId(text: string): boolean {
  return text.length === 36 && WHOLE.test(text);
}

/** Upper-case form of a request ID, as the gateway writes it. */
export function normalizeRequestId(id: string): string {
  return id.toUpperCase();
}

/** Every request ID in a text, not glued to other letters, digits or dashes. */
export function findRequestIds(text: string, limit = 1000): FoundRequestId[] {
  const found: FoundRequestId[] = [];
  const re = new RegExp(`(?<![0-9A-Za-z-])${UUID}(?![0-9A-Za-z-])`, 'g');
  for (let m = re.exec(text); m && found.length < limit; m = re.exec(text)) {
    found.push({ id: normalizeRequestId(m[0]), index: m.index, length: m[0].length });
  }
  return found;
}

/**
 * The request ID of a pasted line: the value of a `requestId` / `RequestId` / `X-Ca-Request-Id` key
 * when there is one, else the first ID in the line; undefined when the line holds none.
 */
export function extractRequestId(line: string): string | undefined {
  const text = String(line);
  const ids = findRequestIds(text);
  const keyed = ids.find((f) => {
    const key = KEY_BEFORE.exec(text.slice(Math.max(0, f.index - 48), f.index))?.[1];
    return key !== undefined && REQUEST_ID_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));
  });
  return (keyed ?? ids[0])?.id;
}
