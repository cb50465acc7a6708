/** A tiny HTTP proxy on 127.0.0.1 for tests: CONNECT tunnels and absolute-form requests, loopback targets only. */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/** The running proxy and what went through it. */
export interface TestProxy {
  readonly port: number;
  /** http://127.0.0.1:port */
  readonly url: string;
  /** One line per proxied request: "CONNECT host:port" or "POST http://host:port/path". */
  readonly log: string[];
  /** Proxy-Authorization values received. */
  readonly authorizations: string[];
  close(): Promise<void>;
}

function isLoopbackTarget(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host);
}

/** Starts the proxy; with `requiredAuthorization`, requests without that Proxy-Authorization get 407. */
export async function startTestProxy(requiredAuthorization?: string): Promise<TestProxy> {
  const log: string[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<net.Socket>();
  const allowed = (headers: http.IncomingHttpHeaders): boolean => {
    const given = headers['proxy-authorization'];
    if (given) authorizations.push(given);
    return requiredAuthorization === undefined || given === requiredAuthorization;
  };
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '');
    log.push(`${request.method} ${request.url}`);
    if (!allowed(request.headers)) { response.writeHead(407).end(); return; }
    if (!isLoopbackTarget(target.host)) { response.writeHead(403).end(); return; }
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request({ hostname: target.hostname, port: target.port, path: target.pathname + target.search,
      method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
    log.push(`CONNECT ${request.url}`);
    sockets.add(client);
    if (!allowed(request.headers)) { client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'); return; }
    if (!isLoopbackTarget(request.url ?? '')) { client.end('HTTP/1.1 403 Forbidden\r\n\r\n'); return; }
    const [host, port] = (request.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: net.Socket) => { sockets.add(socket); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port, url: `http://127.0.0.1:${port}`, log, authorizations,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
