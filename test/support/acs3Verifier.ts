/**
 * Server-side ACS3-HMAC-SHA256 verification for the fake QueryRequestLogs server. Written independently of
 * src/cloud/signer.ts (own parsing, own RFC 3986 encoder) so that a shared mistake cannot pass unnoticed.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A key the fake server knows. */
export interface FakeKey {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/** A request as it arrived: method, raw URL (path + query), headers, body. */
export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** The service error a failed check produces. */
export interface Rejection {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** What a passed verification knows about the request. */
export interface Verified {
  readonly key: FakeKey;
  readonly query: Readonly<Record<string, string>>;
  readonly nonce: string;
}

/** The fake server's checks and state (known keys, used nonces, its clock). */
export interface VerifierConfig {
  readonly keys: readonly FakeKey[];
  readonly now: () => number;
  readonly maxSkewMs: number;
  readonly usedNonces: Set<string>;
  readonly action: string;
  readonly version: string;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const REQUIRED_SIGNED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
const AUTH_SHAPE = /^ACS3-HMAC-SHA256 Credential=([^,\s]+),SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** RFC 3986 encoding, one UTF-8 byte at a time. */
export function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Splits a raw query string into decoded pairs (duplicates: last wins). */
export function parseRawQuery(raw: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    pairs[key] = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
  }
  return pairs;
}

function reject(status: number, code: string, message: string): Rejection {
  return { status, code, message };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function rebuildCanonical(request: RawRequest, signedNames: string[], query: Record<string, string>): string {
  const [path = '/'] = request.url.split('?');
  const canonicalQuery = Object.entries(query)
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headerLines = signedNames.map((name) => `${name}:${(header(request.headers, name) ?? '').trim()}\n`).join('');
  const bodyHash = header(request.headers, 'x-acs-content-sha256') ?? '';
  return `${request.method}\n${path}\n${canonicalQuery}\n${headerLines}\n${signedNames.join(';')}\n${bodyHash}`;
}

function checkSignedHeaders(request: RawRequest, signedNames: string[]): Rejection | undefined {
  const sorted = [...signedNames].sort();
  if (sorted.join(';') !== signedNames.join(';')) return reject(400, 'IncompleteSignature', 'SignedHeaders must be sorted.');
  const missing = REQUIRED_SIGNED.find((name) => !signedNames.includes(name));
  if (missing) return reject(400, 'IncompleteSignature', `The header ${missing} must be signed.`);
  const unsigned = Object.keys(request.headers).find((name) => name.startsWith('x-acs-') && !signedNames.includes(name));
  if (unsigned) return reject(400, 'IncompleteSignature', `The header ${unsigned} must be signed.`);
  const absent = signedNames.find((name) => header(request.headers, name) === undefined);
  return absent ? reject(400, 'IncompleteSignature', `Signed header ${absent} is missing.`) : undefined;
}

function checkApi(request: RawRequest, config: VerifierConfig): Rejection | undefined {
  const action = header(request.headers, 'x-acs-action');
  if (action !== config.action) {
    return reject(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
  }
  if (header(request.headers, 'x-acs-version') !== config.version) {
    return reject(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
  }
  return undefined;
}

function checkFreshness(request: RawRequest, config: VerifierConfig): Rejection | undefined {
  const date = header(request.headers, 'x-acs-date') ?? '';
  if (!DATE_SHAPE.test(date)) return reject(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
  if (Math.abs(Date.parse(date) - config.now()) > config.maxSkewMs) {
    return reject(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const nonce = header(request.headers, 'x-acs-signature-nonce') ?? '';
  if (nonce === '') return reject(400, 'MissingSignatureNonce', 'SignatureNonce is mandatory for this action.');
  if (config.usedNonces.has(nonce)) return reject(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  if (header(request.headers, 'x-acs-content-sha256') !== bodyHash) {
    return reject(400, 'SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the body.');
  }
  return undefined;
}

function checkKey(request: RawRequest, key: FakeKey | undefined): Rejection | undefined {
  if (!key) return reject(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  const token = header(request.headers, 'x-acs-security-token');
  if (key.securityToken === undefined && token !== undefined) {
    return reject(400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.');
  }
  if (key.securityToken !== undefined && token !== key.securityToken) {
    return reject(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
  }
  return undefined;
}

/** Verifies a request as the real service would; returns the rejection, or what was verified. */
export function verifyAcs3(request: RawRequest, config: VerifierConfig): Rejection | Verified {
  const auth = AUTH_SHAPE.exec(header(request.headers, 'authorization') ?? '');
  if (!auth) return reject(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
  const [, accessKeyId, signedList, signature] = auth as unknown as [string, string, string, string];
  const signedNames = signedList.split(';');
  const early = checkSignedHeaders(request, signedNames) ?? checkApi(request, config) ?? checkFreshness(request, config);
  if (early) return early;
  const key = config.keys.find((k) => k.accessKeyId === accessKeyId);
  const keyProblem = checkKey(request, key);
  if (keyProblem || !key) return keyProblem!;
  const query = parseRawQuery(request.url.split('?')[1] ?? '');
  const canonical = rebuildCanonical(request, signedNames, query);
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  const expected = createHmac('sha256', key.accessKeySecret).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return reject(400, 'SignatureDoesNotMatch', 'Specified signature does not match our calculation.');
  }
  const nonce = header(request.headers, 'x-acs-signature-nonce')!;
  config.usedNonces.add(nonce);
  return { key, query, nonce };
}

/** Whether a verification result is a rejection. */
export function isRejection(result: Rejection | Verified): result is Rejection {
  return 'code' in result;
}
