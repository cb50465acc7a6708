/** Request IDs: the gateway's upper-case UUIDs, found in selections, pasted lines and headers. */

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;
const UUID_ALONE = new RegExp(`^${UUID.source}$`);
const UUID_ANYWHERE = new RegExp(`(?<![0-9a-zA-Z-])${UUID.source}(?![0-9a-zA-Z-])`, 'g');

/** Whether the text is exactly one request ID (any case, surrounding blanks allowed). */
export function isRequestId(text: string): boolean {
  return UUID_ALONE.test(text.trim());
}

/** The request ID in canonical form (upper case, trimmed). */
export function normalizeRequestId(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * The first request ID inside a text (a pasted log line, a header, a JSON snippet), normalized; an ID named
 * requestId / X-Ca-Request-Id wins over others (e.g. over initialRequestId or a trace ID earlier on the line).
 */
export function findRequestId(text: string): string | undefined {
  const all = [...text.slice(0, 100_000).matchAll(UUID_ANYWHERE)];
  if (all.length === 0) return undefined;
  const named = all.find((m) => /(?:^|[^a-z])(?:request[-_]?id|x-ca-request-id)["']?\s*[:=]\s*["']?$/i
    .test(text.slice(Math.max(0, m.index - 40), m.index)));
  return normalizeRequestId((named ?? all[0]!)[0]);
}

/** Why an input is not usable as a request ID (undefined when it is, or contains one). */
export function requestIdProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a request ID, e.g. 95657ED9-2F6F-426F-BD99-79C8D8F1A2B3.';
  return findRequestId(text) ? undefined : 'No request ID here: expected a UUID such as 95657ED9-2F6F-426F-BD99-79C8D8F1A2B3.';
}
