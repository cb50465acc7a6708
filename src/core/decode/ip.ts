/** IP addresses: version, masked (21.237.XXX.XXX), and scope (private, loopback, public…). */
import { isIP } from 'node:net';

/** Where an address lives. 'shared' is carrier-grade NAT (100.64.0.0/10), which Alibaba Cloud uses internally. */
export type IpScope = 'public' | 'private' | 'shared' | 'loopback' | 'linkLocal' | 'unspecified';

/** A decoded IP address. */
export interface IpInfo {
  readonly raw: string;
  readonly version: 4 | 6 | undefined;
  /** True when digits are hidden with X or *, as in documentation samples. */
  readonly masked: boolean;
  readonly scope: IpScope | undefined;
}

/** Decodes an IP address; never throws. */
export function decodeIp(value: string): IpInfo {
  const raw = String(value).trim();
  const masked = /^[0-9Xx*]{1,3}(\.[0-9Xx*]{1,3}){3}$/.test(raw) && /[Xx*]/.test(raw);
  const version = raw.length <= 64 ? isIP(raw) : 0;
  if (version === 4) return { raw, version, masked: false, scope: ipv4Scope(raw.split('.').map(Number)) };
  if (version === 6) return { raw, version, masked: false, scope: ipv6Scope(raw.toLowerCase()) };
  return { raw, version: masked ? 4 : undefined, masked, scope: undefined };
}

function ipv4Scope([a, b]: number[]): IpScope {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if (a === 169 && b === 254) return 'linkLocal';
  return 'public';
}

function ipv6Scope(ip: string): IpScope {
  if (ip === '::') return 'unspecified';
  if (ip === '::1') return 'loopback';
  if (/^fe[89ab]/.test(ip)) return 'linkLocal';
  if (/^f[cd]/.test(ip)) return 'private';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  return mapped ? ipv4Scope(mapped[1].split('.').map(Number)) : 'public';
}
