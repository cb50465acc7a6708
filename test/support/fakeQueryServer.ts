/**
 * A local QueryRequestLogs server for tests: listens on 127.0.0.1 (random port), verifies ACS3 signatures as the
 * real service does (acs3Verifier.ts), answers in the API's shape, and injects faults. It never contacts anything.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { setTimeout as delay } from 'node:timers/promises';
import type { AddressInfo, Socket } from 'node:net';
import { FakeKey, Rejection, isRejection, verifyAcs3 } from './acs3Verifier';
import { TEST_KEY, TEST_STS_KEY, seedLogs } from './requestLogSamples';

/** A failure the server plays instead of (or before) the normal answer. `times` defaults to every request. */
export type Fault =
  | { readonly kind: 'serverError'; readonly times?: number }
  | { readonly kind: 'serviceUnavailable'; readonly times?: number }
  | { readonly kind: 'throttle'; readonly times?: number; readonly status?: 400 | 429 | 503; readonly retryAfter?: number }
  | { readonly kind: 'delay'; readonly ms: number; readonly times?: number }
  | { readonly kind: 'malformed'; readonly times?: number }
  | { readonly kind: 'unknown'; readonly times?: number }
  | { readonly kind: 'badSignature'; readonly times?: number }
  | { readonly kind: 'forbidden'; readonly times?: number }
  | { readonly kind: 'invalidKey'; readonly times?: number }
  | { readonly kind: 'resetConnection'; readonly times?: number };

/** What the server saw and how it answered. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly requestLogId?: string;
  /** 200, or the error code sent. */
  readonly outcome: string;
}

/** Options of the fake server. */
export interface FakeServerOptions {
  readonly keys?: readonly FakeKey[];
  readonly logs?: Record<string, Record<string, unknown>[]>;
  /** The server's clock (ms since epoch); default Date.now. */
  readonly now?: () => number;
  readonly maxSkewMs?: number;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** The running server. */
export interface FakeQueryServer {
  readonly port: number;
  /** host:port, as the endpoint setting or the SDK's `endpoint` takes it. */
  readonly endpoint: string;
  /** http://127.0.0.1:port */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  /** Resolves once `count` requests (admin calls excluded) have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Plays `fault` for requests with this RequestLogId ('*' for every request). */
  inject(requestLogId: string, fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const HOST_ID = 'apigateway.cn-hangzhou.aliyuncs.com';

function errorBody(code: string, message: string): string {
  const requestId = randomUUID().toUpperCase();
  const recommend = `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=CloudAPI&requestId=${requestId}`;
  return JSON.stringify({ RequestId: requestId, HostId: HOST_ID, Code: code, Message: message, Recommend: recommend });
}

function send(response: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  response.end(body);
}

const FAULT_ANSWERS: Readonly<Record<string, Rejection>> = {
  serverError: { status: 500, code: 'InternalError', message: 'The request processing has failed due to some unknown error.' },
  serviceUnavailable: { status: 503, code: 'ServiceUnavailable', message: 'The request has failed due to a temporary failure of the server.' },
  throttle: { status: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' },
  badSignature: { status: 400, code: 'SignatureDoesNotMatch', message: 'Specified signature does not match our calculation.' },
  forbidden: { status: 403, code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource, or this API doesn\'t support RAM.' },
  invalidKey: { status: 404, code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' },
};

/** Starts a fake server on 127.0.0.1 with a random port. */
export async function startFakeQueryServer(options: FakeServerOptions = {}): Promise<FakeQueryServer> {
  const state = new ServerState(options);
  const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => { void state.handle(request, response); };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => { sockets.add(socket); socket.once('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    endpoint: `127.0.0.1:${port}`,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests: state.requests,
    waitForRequests: (count) => state.waitForRequests(count),
    inject: (id, fault) => state.inject(id, fault),
    clearFaults: () => state.faults.clear(),
    close: () => new Promise<void>((resolve) => {
      state.closing.abort();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

class ServerState {
  readonly requests: ReceivedRequest[] = [];
  readonly faults = new Map<string, { fault: Fault; left: number }>();
  /** Aborted on close, to end pending slow answers. */
  readonly closing = new AbortController();
  private readonly usedNonces = new Set<string>();
  private readonly logs: Record<string, Record<string, unknown>[]>;

  constructor(private readonly options: FakeServerOptions) {
    this.logs = options.logs ?? seedLogs();
  }

  private readonly waiters: { count: number; resolve: () => void }[] = [];

  waitForRequests(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private record(entry: ReceivedRequest): void {
    this.requests.push(entry);
    for (const waiter of this.waiters.filter((w) => this.requests.length >= w.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  inject(requestLogId: string, fault: Fault): void {
    this.faults.set(requestLogId, { fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** Takes one use of the fault for this ID (or the '*' fault), if any is left. */
  private takeFault(requestLogId: string | undefined): Fault | undefined {
    const usable = (key: string | undefined): { fault: Fault; left: number } | undefined => {
      const found = key === undefined ? undefined : this.faults.get(key);
      return found && found.left > 0 ? found : undefined;
    };
    const entry = usable(requestLogId) ?? usable('*');
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.fault;
  }

  async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = request.url ?? '/';
    if (url.startsWith('/__admin/')) {
      this.admin(request.method ?? '', body, response);
      return;
    }
    let recorded = false;
    const record = (outcome: string, requestLogId?: string): void => {
      if (recorded) return;
      recorded = true;
      this.record({ method: request.method ?? '', url, headers: request.headers, body: body.toString('utf8'),
        requestLogId, outcome });
    };
    const verdict = verifyAcs3({ method: request.method ?? '', url, headers: request.headers, body }, {
      keys: this.options.keys ?? [TEST_KEY, TEST_STS_KEY],
      now: this.options.now ?? Date.now,
      maxSkewMs: this.options.maxSkewMs ?? 15 * 60_000,
      usedNonces: this.usedNonces,
      action: 'QueryRequestLogs',
      version: '2016-07-14',
    });
    if (isRejection(verdict)) {
      record(verdict.code);
      send(response, verdict.status, errorBody(verdict.code, verdict.message));
      return;
    }
    const requestLogId = verdict.query['RequestLogId'];
    await this.answer(requestLogId, response, (outcome) => record(outcome, requestLogId));
  }

  private async answer(requestLogId: string | undefined, response: http.ServerResponse, record: (o: string) => void): Promise<void> {
    let fault = this.takeFault(requestLogId);
    if (fault?.kind === 'delay') {
      record('delay');
      const done = await delay(fault.ms, true, { signal: this.closing.signal }).catch(() => false);
      if (!done) return;
      fault = undefined;
    }
    if (requestLogId === undefined || requestLogId === '') {
      record('MissingRequestLogId');
      send(response, 400, errorBody('MissingRequestLogId', 'RequestLogId is mandatory for this action.'));
      return;
    }
    if (fault) {
      this.playFault(fault, response, record);
      return;
    }
    record('200');
    const logs = this.logs[requestLogId] ?? [];
    send(response, 200, JSON.stringify({ RequestId: randomUUID().toUpperCase(), RequestLogs: { RequestLog: logs } }));
  }

  private playFault(fault: Fault, response: http.ServerResponse, record: (o: string) => void): void {
    record(fault.kind);
    if (fault.kind === 'resetConnection') {
      response.socket?.destroy();
      return;
    }
    if (fault.kind === 'malformed') {
      send(response, 200, '{"RequestId":"7A0B","RequestLogs":{"RequestLog":[{"ApiId":');
      return;
    }
    if (fault.kind === 'unknown') {
      send(response, 200, JSON.stringify({ RequestId: randomUUID().toUpperCase(), RequestLogs: { RequestLog: [] } }));
      return;
    }
    const answer = FAULT_ANSWERS[fault.kind]!;
    const status = fault.kind === 'throttle' ? fault.status ?? answer.status : answer.status;
    const headers: Record<string, string> = fault.kind === 'throttle' && fault.retryAfter !== undefined
      ? { 'retry-after': String(fault.retryAfter) } : {};
    send(response, status, errorBody(answer.code, answer.message), headers);
  }

  /** POST /__admin/faults {requestLogId, fault} injects; DELETE /__admin/faults clears. */
  private admin(method: string, body: Buffer, response: http.ServerResponse): void {
    if (method === 'DELETE') {
      this.faults.clear();
      send(response, 204, '');
      return;
    }
    try {
      const { requestLogId, fault } = JSON.parse(body.toString('utf8')) as { requestLogId: string; fault: Fault };
      this.inject(requestLogId, fault);
      send(response, 204, '');
    } catch {
      send(response, 400, errorBody('InvalidAdminCall', 'Expected {requestLogId, fault}.'));
    }
  }
}
