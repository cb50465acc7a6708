/** The QueryRequestLogs client: signs, sends, retries with backoff, and parses the answer. */
import { randomBytes } from 'node:crypto';
import { EndpointError, Endpoint, resolveEndpoint } from './endpoints';
import { CloudError, cancelledError, invalidEndpointError, malformedError, notFoundError, redactSecrets, withoutSecrets } from './errors';
import { ProxySettings, proxySecrets } from './proxy';
import { FailureContext, errorFromServiceResponse, readServiceErrorBody } from './serviceErrors';
import { SigningKey, formatAcsDate, signRequest } from './signer';
import { HttpResponse, Transport, createNodeTransport } from './transport';
import { backoffDelayMs, retryAfterSeconds, sleep } from './retry';

/** The CloudAPI version and action called. */
export const API_VERSION = '2016-07-14';
/** The RPC action name. */
export const API_ACTION = 'QueryRequestLogs';

/** Options of one QueryRequestLogs call; time, nonce, randomness and transport are injectable for tests. */
export interface QueryOptions {
  readonly region: string;
  /** host[:port], https://host[:port], or http://<loopback>[:port]; overrides the region's host. */
  readonly endpoint?: string;
  readonly credentials: SigningKey & { readonly sourceName?: string };
  readonly signal?: AbortSignal;
  /** Per attempt; default 15 000 ms. */
  readonly timeoutMs?: number;
  /** Further attempts after the first on throttling, 5xx and network errors; default 3. */
  readonly retries?: number;
  readonly proxy?: ProxySettings;
  readonly strictSSL?: boolean;
  readonly userAgent: string;
  readonly now?: () => Date;
  readonly nonce?: () => string;
  readonly transport?: Transport;
  /** First backoff step; default 500 ms (then ×2 per attempt, capped at 8 s, full jitter). */
  readonly backoffBaseMs?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A parsed QueryRequestLogs answer. */
export interface QueryResult {
  /** The service's RequestId for this call. */
  readonly requestId: string;
  /** The RequestLog objects, as returned. */
  readonly logs: Record<string, unknown>[];
  /** The whole parsed answer ({RequestId, RequestLogs: {RequestLog: […]}}). */
  readonly response: Record<string, unknown>;
  /** How many HTTP attempts it took. */
  readonly attempts: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRIES = 3;

/** A fresh random nonce (32 hex digits). */
export function randomNonce(): string {
  return randomBytes(16).toString('hex');
}

/** Calls QueryRequestLogs for one request ID; rejects with a CloudError whose text holds no secret. */
export async function queryRequestLogs(requestLogId: string, options: QueryOptions): Promise<QueryResult> {
  const secrets = secretsOf(options);
  try {
    return await queryWithRetries(requestLogId.trim(), options);
  } catch (error) {
    if (error instanceof CloudError) throw withoutSecrets(error, secrets);
    if (error instanceof EndpointError) throw invalidEndpointError(redactSecrets(error.message, secrets));
    throw new CloudError('malformed', 'Unexpected failure while calling QueryRequestLogs.', {
      hint: 'Try again; if it persists, report it with the steps that lead to it.',
    });
  }
}

/** Like queryRequestLogs, but an answer without any log is a 'notFound' CloudError. */
export async function fetchRequestLog(requestLogId: string, options: QueryOptions): Promise<QueryResult> {
  const result = await queryRequestLogs(requestLogId, options);
  if (result.logs.length > 0) return result;
  throw withoutSecrets(notFoundError(requestLogId.trim(), options.region, result.requestId), secretsOf(options));
}

/** The secrets an options object holds: AccessKey secret, STS token, proxy password. */
function secretsOf(options: QueryOptions): (string | undefined)[] {
  return [options.credentials.accessKeySecret, options.credentials.securityToken, ...proxySecrets(options.proxy)];
}

async function queryWithRetries(requestLogId: string, options: QueryOptions): Promise<QueryResult> {
  if (requestLogId === '' || requestLogId.length > 128) throw invalidEndpointError('the request ID is empty or too long.');
  const endpoint = resolveEndpoint(options.region, options.endpoint);
  const transport = options.transport ?? createNodeTransport({ proxy: options.proxy, strictSSL: options.strictSSL });
  const retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
  for (let attempt = 0; ; attempt++) {
    if (options.signal?.aborted) throw cancelledError();
    try {
      const result = await attemptOnce(requestLogId, endpoint, transport, options);
      return { ...result, attempts: attempt + 1 };
    } catch (error) {
      if (!(error instanceof CloudError) || !error.retryable || attempt >= retries) throw error;
      const delay = backoffDelayMs(attempt, options.backoffBaseMs, options.random, error.retryAfterSeconds);
      await (options.sleep ?? sleep)(delay, options.signal);
    }
  }
}

async function attemptOnce(requestLogId: string, endpoint: Endpoint, transport: Transport, options: QueryOptions):
  Promise<Omit<QueryResult, 'attempts'>> {
  const query = { RequestLogId: requestLogId };
  const date = (options.now ?? (() => new Date()))();
  const signed = signRequest({
    method: 'POST', host: endpoint.hostHeader, path: '/', query, action: API_ACTION, version: API_VERSION,
    key: options.credentials, date, nonce: (options.nonce ?? randomNonce)(), body: '',
    extraHeaders: { 'user-agent': options.userAgent, accept: 'application/json', 'content-length': '0' },
  });
  const response = await transport(
    { method: 'POST', endpoint, path: `/?RequestLogId=${encodeURIComponent(requestLogId)}`, headers: signed.headers, body: '' },
    { signal: options.signal, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
  );
  return parseAnswer(response, {
    accessKeyId: options.credentials.accessKeyId,
    sourceName: options.credentials.sourceName,
    signedAt: formatAcsDate(date),
    usedSecurityToken: Boolean(options.credentials.securityToken),
    retryAfterSeconds: retryAfterSeconds(response.headers['retry-after']),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return undefined;
  }
}

/** Turns an HTTP answer into a QueryResult, or throws the matching CloudError. */
export function parseAnswer(response: HttpResponse, context: FailureContext): Omit<QueryResult, 'attempts'> {
  const body = parseJson(response.body);
  if (response.status < 200 || response.status >= 300) throw errorFromServiceResponse(response.status, body, context);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw malformedError(body === undefined ? 'it is not JSON' : 'it is not a JSON object', response.status);
  }
  const record = body as Record<string, unknown>;
  if (readServiceErrorBody(record) && record['RequestLogs'] === undefined) {
    throw errorFromServiceResponse(response.status, record, context);
  }
  const requestId = typeof record['RequestId'] === 'string' ? record['RequestId'] : '';
  return { requestId, logs: readLogs(record['RequestLogs'], response.status), response: record };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RequestLogs.RequestLog as an array (a lone object, as XML-to-JSON gateways produce, is accepted too). */
function readLogs(container: unknown, status: number): Record<string, unknown>[] {
  if (container === undefined || container === null) return [];
  if (!isRecord(container)) throw malformedError('RequestLogs is not an object', status);
  const list = container['RequestLog'];
  if (list === undefined || list === null) return [];
  const items = Array.isArray(list) ? list : [list];
  if (!items.every(isRecord)) throw malformedError('RequestLogs.RequestLog holds something other than objects', status);
  return items;
}
