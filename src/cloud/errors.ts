/** Every failure of a QueryRequestLogs call as one typed error with a next step; never carries a secret. */

/** What went wrong, in terms of what the user can do about it. */
export type CloudErrorKind =
  | 'noCredentials'
  | 'invalidAccessKey'
  | 'signatureMismatch'
  | 'forbidden'
  | 'notFound'
  | 'throttled'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'server'
  | 'cancelled'
  | 'invalidEndpoint';

/** The fields of a CloudError besides its kind and message. */
export interface CloudErrorDetails {
  readonly hint: string;
  /** The service's error code, e.g. SignatureDoesNotMatch. */
  readonly code?: string;
  /** The service's RequestId for the failed call (quote it to support). */
  readonly requestId?: string;
  readonly httpStatus?: number;
  /** Seconds the service asked us to wait (Retry-After). */
  readonly retryAfterSeconds?: number;
}

/** The RAM action a caller needs. */
export const RAM_ACTION = 'apigateway:QueryRequestLogs';

/** A failure of the cloud layer: kind, message, and a hint naming the next step. */
export class CloudError extends Error {
  override readonly name = 'CloudError';
  readonly kind: CloudErrorKind;
  readonly hint: string;
  readonly code?: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  readonly retryAfterSeconds?: number;

  constructor(kind: CloudErrorKind, message: string, details: CloudErrorDetails) {
    super(message);
    this.kind = kind;
    this.hint = details.hint;
    this.code = details.code;
    this.requestId = details.requestId;
    this.httpStatus = details.httpStatus;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** Whether trying again may succeed: throttling, server-side failures and network errors. */
  get retryable(): boolean {
    if (this.kind === 'throttled' || this.kind === 'network') return true;
    return this.kind === 'server' && (this.httpStatus === undefined || this.httpStatus >= 500);
  }
}

/** Shows the start and end of an AccessKey ID only (LTAI…xyz), enough to tell keys apart. */
export function maskAccessKeyId(accessKeyId: string): string {
  if (accessKeyId.length <= 8) return '****';
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-3)}`;
}

/** Replaces every occurrence of each secret (and its percent-encoded form) with ***. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join('***');
  }
  return result;
}

/** A copy of the error with message and hint stripped of the given secrets. */
export function withoutSecrets(error: CloudError, secrets: readonly (string | undefined)[]): CloudError {
  return new CloudError(error.kind, redactSecrets(error.message, secrets), {
    hint: redactSecrets(error.hint, secrets),
    code: error.code === undefined ? undefined : redactSecrets(error.code, secrets),
    requestId: error.requestId === undefined ? undefined : redactSecrets(error.requestId, secrets),
    httpStatus: error.httpStatus,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** Text from strangers made safe to show: control characters removed, length capped. */
export function cleanServerText(text: unknown, max = 300): string {
  const value = typeof text === 'string' ? text : '';
  const flat = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** No source in the chain had credentials. */
export function noCredentialsError(triedSources: readonly string[]): CloudError {
  const tried = triedSources.length ? ` Looked in: ${triedSources.join(', ')}.` : '';
  return new CloudError('noCredentials', `No Alibaba Cloud credentials found.${tried}`, {
    hint: 'Run "Set Access Key", or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, ' +
      'or configure a profile with `aliyun configure`.',
  });
}

/** The API answered, but holds no log for this request ID. */
export function notFoundError(requestLogId: string, region: string, serviceRequestId?: string): CloudError {
  return new CloudError('notFound', `No log found for request ${cleanServerText(requestLogId, 80)} in ${region}.`, {
    hint: 'Check the region (it must be the region of the gateway instance that served the request) and that ' +
      'the request is recent: QueryRequestLogs only keeps recent requests; older ones are in your Log Service logstore.',
    requestId: serviceRequestId,
  });
}

/** The user cancelled the call. */
export function cancelledError(): CloudError {
  return new CloudError('cancelled', 'The request was cancelled.', { hint: 'Run the command again when ready.' });
}

/** No answer within the time limit. */
export function timeoutError(timeoutMs: number, host: string): CloudError {
  return new CloudError('timeout', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
    hint: 'Try again; if it keeps happening, check your network, the http.proxy setting and the endpoint.',
  });
}

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the host name could not be resolved',
  EAI_AGAIN: 'the host name could not be resolved (DNS temporarily unavailable)',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection was closed while sending',
};

/** A socket, DNS, TLS or proxy failure; the cause's own text is not shown (it may quote a proxy URL). */
export function networkError(cause: unknown, host: string, viaProxy: boolean): CloudError {
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : undefined;
  const tls = code !== undefined && /CERT|SSL|TLS|SELF_SIGNED/.test(code);
  const reason = (code && NETWORK_CODES[code]) ?? (tls ? `the TLS certificate was rejected (${code})` : 'the connection failed');
  const proxyNote = viaProxy ? ' through the proxy' : '';
  return new CloudError('network', `Could not reach ${host}${proxyNote}: ${reason}${code && !tls ? ` (${code})` : ''}.`, {
    hint: viaProxy
      ? 'Check the http.proxy setting (address, credentials, http.proxyStrictSSL) and your network.'
      : 'Check your network connection, the region and the endpoint setting; behind a proxy, set http.proxy.',
    code,
  });
}

/** The proxy refused to open a tunnel. */
export function proxyRefusedError(status: number): CloudError {
  return new CloudError('network', `The proxy refused the connection (HTTP ${status}).`, {
    hint: status === 407
      ? 'The proxy wants credentials: put them in http.proxy (http://user:pass@host:port) or http.proxyAuthorization.'
      : 'Check the http.proxy setting and whether the proxy allows connections to *.aliyuncs.com.',
    httpStatus: status,
  });
}

/** The endpoint or region setting cannot be used. */
export function invalidEndpointError(reason: string): CloudError {
  return new CloudError('invalidEndpoint', `Invalid endpoint: ${reason}`, {
    hint: 'Fix apigwLogs.endpoint (host[:port]; http:// only for localhost/127.0.0.1/::1) or apigwLogs.region.',
  });
}

/** The answer was not a QueryRequestLogs response. */
export function malformedError(what: string, httpStatus?: number): CloudError {
  return new CloudError('malformed', `The service's answer could not be read: ${what}.`, {
    hint: 'Try again; if it persists, check that apigwLogs.endpoint points at the API Gateway (CloudAPI) service ' +
      'and that no proxy rewrites the answer.',
    httpStatus,
  });
}
