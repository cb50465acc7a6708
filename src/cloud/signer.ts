/** Alibaba Cloud signature V3 (ACS3-HMAC-SHA256), written against help.aliyun.com/document_detail/2593177. */
import { createHash, createHmac } from 'node:crypto';

/** The algorithm name that prefixes the string to sign and the Authorization header. */
export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** The key pair (and STS token) a request is signed with. */
export interface SigningKey {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/** Everything that goes into one signed request. */
export interface SignInput {
  readonly method: string;
  /** Host header value, e.g. apigateway.cn-hangzhou.aliyuncs.com or 127.0.0.1:8080. */
  readonly host: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly action: string;
  readonly version: string;
  readonly key: SigningKey;
  /** Request time; formatted as yyyy-MM-ddTHH:mm:ssZ (UTC). */
  readonly date: Date;
  /** Unique per request. */
  readonly nonce: string;
  readonly body?: string | Buffer;
  /** Further headers to send; `content-type` and every `x-acs-*` among them are signed too. */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

/** A signed request: the headers to send and the intermediate strings (for tests and diagnostics). */
export interface SignedRequest {
  /** Lower-case header names, including `authorization`. */
  readonly headers: Record<string, string>;
  readonly canonicalRequest: string;
  readonly hashedCanonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  readonly signedHeaders: string;
}

/** Hex SHA-256 of the given bytes. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Percent-encodes as ACS3 expects: encodeURIComponent, plus ! ' ( ) * encoded. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Formats a date as the x-acs-date header wants it: 2024-01-01T00:00:00Z. */
export function formatAcsDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The canonical query string: keys sorted, `key=value` percent-encoded, joined by `&`. */
export function canonicalQueryString(query: Readonly<Record<string, string>>): string {
  return Object.keys(query)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(query[key] ?? '')}`)
    .join('&');
}

/** Whether a header takes part in the signature: host, content-type and every x-acs-* header. */
export function isSignedHeaderName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'host' || lower === 'content-type' || lower.startsWith('x-acs-');
}

/** Canonical headers block and the signed header names, from headers with lower-case names. */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): { block: string; signedHeaders: string } {
  const names = Object.keys(headers).filter(isSignedHeaderName).map((n) => n.toLowerCase()).sort();
  const block = names.map((name) => `${name}:${(headers[name] ?? '').trim()}\n`).join('');
  return { block, signedHeaders: names.join(';') };
}

/** The headers a request carries before the Authorization header is added. */
function headersToSign(input: SignInput, bodyHash: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.extraHeaders ?? {})) headers[name.toLowerCase()] = value;
  headers['host'] = input.host;
  headers['x-acs-action'] = input.action;
  headers['x-acs-version'] = input.version;
  headers['x-acs-date'] = formatAcsDate(input.date);
  headers['x-acs-signature-nonce'] = input.nonce;
  headers['x-acs-content-sha256'] = bodyHash;
  if (input.key.securityToken) headers['x-acs-security-token'] = input.key.securityToken;
  return headers;
}

/** Signs a request: computes the canonical request, string to sign, signature and Authorization header. */
export function signRequest(input: SignInput): SignedRequest {
  const bodyHash = sha256Hex(input.body ?? '');
  const headers = headersToSign(input, bodyHash);
  const { block, signedHeaders } = canonicalHeaders(headers);
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path,
    canonicalQueryString(input.query),
    block,
    signedHeaders,
    bodyHash,
  ].join('\n');
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = `${ACS3_ALGORITHM}\n${hashedCanonicalRequest}`;
  const signature = createHmac('sha256', input.key.accessKeySecret).update(stringToSign).digest('hex');
  headers['authorization'] =
    `${ACS3_ALGORITHM} Credential=${input.key.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { headers, canonicalRequest, hashedCanonicalRequest, stringToSign, signature, signedHeaders };
}
