/** Sends one HTTP(S) request with Node's http/https modules: time limit, cancellation, proxy, size cap. */
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';
import { isIP } from 'node:net';
import type { Endpoint } from './endpoints';
import { CloudError, cancelledError, malformedError, networkError, timeoutError } from './errors';
import { ParsedProxy, ProxySettings, bypassesProxy, openTunnel, parseProxy } from './proxy';

/** One request to send. */
export interface HttpRequest {
  readonly method: string;
  readonly endpoint: Endpoint;
  /** Path and query, e.g. /?RequestLogId=… */
  readonly path: string;
  /** Lower-case names; includes host. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The answer, read in full. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Per-call limits. */
export interface TransportCallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs: number;
}

/** Sends a request; rejects with a CloudError of kind network, timeout, cancelled or malformed. */
export type Transport = (request: HttpRequest, options: TransportCallOptions) => Promise<HttpResponse>;

/** How the Node transport connects. */
export interface NodeTransportOptions {
  readonly proxy?: ProxySettings;
  /** Verify TLS certificates (http.proxyStrictSSL); default true. */
  readonly strictSSL?: boolean;
  /** Extra trusted CA certificates (PEM), e.g. for tests or corporate roots. */
  readonly ca?: string | Buffer;
  /** Answers larger than this are refused; default 8 MiB. */
  readonly maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY = 8 * 1024 * 1024;

/** A Transport over node:http / node:https, honouring an HTTP(S) proxy (CONNECT tunnel for HTTPS targets). */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const proxy = options.proxy ? parseProxy(options.proxy) : undefined;
  return (request, callOptions) => send(request, callOptions, options, proxy);
}

async function send(request: HttpRequest, call: TransportCallOptions, options: NodeTransportOptions,
  proxy: ParsedProxy | undefined): Promise<HttpResponse> {
  if (call.signal?.aborted) throw cancelledError();
  const viaProxy = proxy !== undefined && !bypassesProxy(request.endpoint.hostname, options.proxy?.noProxy);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, call.timeoutMs);
  const onCancel = (): void => controller.abort();
  call.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    return await dispatch(request, controller.signal, options, viaProxy ? proxy : undefined);
  } catch (error) {
    if (timedOut) throw timeoutError(call.timeoutMs, request.endpoint.hostHeader);
    if (call.signal?.aborted) throw cancelledError();
    if (error instanceof CloudError) throw error;
    throw networkError(error, request.endpoint.hostHeader, viaProxy);
  } finally {
    clearTimeout(timer);
    call.signal?.removeEventListener('abort', onCancel);
  }
}

async function dispatch(request: HttpRequest, signal: AbortSignal, options: NodeTransportOptions,
  proxy: ParsedProxy | undefined): Promise<HttpResponse> {
  const { endpoint } = request;
  const base: https.RequestOptions = { method: request.method, headers: { ...request.headers }, signal };
  const tlsOptions = { ca: options.ca, rejectUnauthorized: options.strictSSL ?? true };
  if (!proxy) {
    const direct = { ...base, ...tlsOptions, hostname: endpoint.hostname, port: endpoint.port, path: request.path, agent: false as const };
    return exchange(endpoint.protocol === 'https' ? https.request(direct) : http.request(direct), request.body, options);
  }
  if (endpoint.protocol === 'https') {
    const socket = await openTunnel(proxy, endpoint.hostname, endpoint.port, signal);
    const servername = isIP(endpoint.hostname) ? undefined : endpoint.hostname;
    const secure = tls.connect({ ...tlsOptions, socket, servername });
    const tunnelled = { ...base, path: request.path, createConnection: () => secure };
    return exchange(https.request(tunnelled), request.body, options);
  }
  const headers = { ...request.headers, ...(proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {}) };
  const absolute = { ...base, ...tlsOptions, headers, hostname: proxy.hostname, port: proxy.port,
    path: `http://${endpoint.hostHeader}${request.path}`, agent: false as const };
  return exchange(proxy.protocol === 'https' ? https.request(absolute) : http.request(absolute), request.body, options);
}

function exchange(outgoing: http.ClientRequest, body: string, options: NodeTransportOptions): Promise<HttpResponse> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  return new Promise((resolve, reject) => {
    outgoing.once('error', reject);
    outgoing.once('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          response.destroy();
          reject(malformedError(`the answer is larger than ${Math.round(limit / 1024)} KiB`, response.statusCode));
          return;
        }
        chunks.push(chunk);
      });
      response.once('error', reject);
      response.once('end', () => resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }));
    });
    outgoing.end(body);
  });
}
