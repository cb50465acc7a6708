/** HTTP(S) proxy settings: parsing the http.proxy URL, NO_PROXY matching, opening a CONNECT tunnel. */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { invalidEndpointError, proxyRefusedError } from './errors';

/** A proxy as the editor's http.* settings describe it. */
export interface ProxySettings {
  /** http://[user:pass@]host:port or https://… */
  readonly url: string;
  /** A full Proxy-Authorization header value (http.proxyAuthorization); wins over user:pass in the URL. */
  readonly authorization?: string;
  /** Host names (or .suffixes, or *) that bypass the proxy. */
  readonly noProxy?: readonly string[];
}

/** A parsed proxy: where it listens and the header it needs. */
export interface ParsedProxy {
  readonly protocol: 'http' | 'https';
  readonly hostname: string;
  readonly port: number;
  readonly authorization?: string;
}

/** Parses a proxy URL; the password never appears in the thrown error. */
export function parseProxy(settings: ProxySettings): ParsedProxy {
  let url: URL;
  try {
    url = new URL(settings.url.includes('://') ? settings.url : `http://${settings.url}`);
  } catch {
    throw invalidEndpointError('the http.proxy setting is not a URL.');
  }
  const protocol = url.protocol.replace(':', '');
  if (protocol !== 'http' && protocol !== 'https') throw invalidEndpointError(`proxy scheme ${protocol} is not supported.`);
  const basic = url.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
    : undefined;
  return {
    protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
    authorization: settings.authorization ?? basic,
  };
}

/** The secrets a proxy setting holds (password, authorization header), for redaction. */
export function proxySecrets(settings: ProxySettings | undefined): string[] {
  if (!settings) return [];
  const secrets: string[] = [];
  if (settings.authorization) secrets.push(settings.authorization);
  try {
    const url = new URL(settings.url.includes('://') ? settings.url : `http://${settings.url}`);
    if (url.password) secrets.push(url.password, decodeURIComponent(url.password));
  } catch {
    // an unparsable URL is reported without its text
  }
  return secrets;
}

/** Whether a host bypasses the proxy by a NO_PROXY-style list (exact name, .suffix / suffix, or *). */
export function bypassesProxy(hostname: string, noProxy: readonly string[] | undefined): boolean {
  const host = hostname.toLowerCase();
  return (noProxy ?? []).some((raw) => {
    const entry = raw.trim().toLowerCase().replace(/:\d+$/, '');
    if (entry === '') return false;
    if (entry === '*') return true;
    const suffix = entry.startsWith('.') ? entry : `.${entry}`;
    return host === entry.replace(/^\./, '') || host.endsWith(suffix);
  });
}

/** Opens a CONNECT tunnel to host:port through the proxy; resolves with the raw socket. */
export function openTunnel(proxy: ParsedProxy, host: string, port: number, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const target = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const headers: Record<string, string> = { host: target };
    if (proxy.authorization) headers['proxy-authorization'] = proxy.authorization;
    const request = (proxy.protocol === 'https' ? https : http).request({
      method: 'CONNECT',
      hostname: proxy.hostname,
      port: proxy.port,
      path: target,
      headers,
      agent: false,
      signal,
    });
    request.once('connect', (response: http.IncomingMessage, socket: Socket) => {
      if (response.statusCode === 200) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(proxyRefusedError(response.statusCode ?? 0));
    });
    request.once('error', reject);
    request.end();
  });
}
