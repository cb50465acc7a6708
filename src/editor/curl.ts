/** Rebuilds a request as a curl command from its logged fields (bodies in logs are cut at 1024 bytes). */
import { parseHeaders } from '../core/decode';

/** The warning put on top of every generated command. */
export const CURL_BODY_WARNING = '# Logged bodies are cut at 1024 bytes: the body below may be incomplete.';

/** Headers curl sets itself or that would make the replay lie. */
const SKIPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/** Quotes `text` for a POSIX shell (single quotes; embedded quotes closed and escaped). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The field values a curl command needs, by canonical field id. */
export interface CurlFields {
  readonly httpMethod?: string;
  readonly domain?: string;
  readonly path?: string;
  readonly requestQueryString?: string;
  readonly requestHeaders?: string;
  readonly requestBody?: string;
  readonly requestProtocol?: string;
}

/** A curl command for the logged request, or undefined when domain or path is missing. */
export function buildCurl(f: CurlFields): string | undefined {
  if (!f.domain || !f.path) return undefined;
  const scheme = (f.requestProtocol ?? '').toUpperCase() === 'HTTP' ? 'http' : 'https';
  const query = (f.requestQueryString ?? '').replace(/^\?/, '');
  const url = `${scheme}://${f.domain}${f.path.startsWith('/') ? '' : '/'}${f.path}${query ? `?${query}` : ''}`;
  const parts = [`curl -X ${shellQuote((f.httpMethod || 'GET').toUpperCase())} ${shellQuote(url)}`];
  for (const [name, value] of f.requestHeaders ? parseHeaders(f.requestHeaders) : []) {
    if (!SKIPPED_HEADERS.has(name.toLowerCase())) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (f.requestBody) parts.push(`--data-raw ${shellQuote(f.requestBody)}`);
  return `${CURL_BODY_WARNING}\n${parts.join(' \\\n  ')}`;
}
