/** Where QueryRequestLogs is served: the SDK's region → host map, the fallback, and endpoint overrides. */
import { isIP } from 'node:net';

/**
 * Region → host, copied from @alicloud/cloudapi20160714 4.7.8 (`_endpointMap` in dist/client.js).
 * Regions outside this map fall back to `cloudapi.<region>.aliyuncs.com`, as the SDK's endpoint rule does.
 */
export const ENDPOINT_MAP: Readonly<Record<string, string>> = {
  'cn-qingdao': 'apigateway.cn-qingdao.aliyuncs.com',
  'cn-beijing': 'apigateway.cn-beijing.aliyuncs.com',
  'cn-zhangjiakou': 'apigateway.cn-zhangjiakou.aliyuncs.com',
  'cn-huhehaote': 'apigateway.cn-huhehaote.aliyuncs.com',
  'cn-wulanchabu': 'apigateway.cn-wulanchabu.aliyuncs.com',
  'cn-hangzhou': 'apigateway.cn-hangzhou.aliyuncs.com',
  'cn-shanghai': 'apigateway.cn-shanghai.aliyuncs.com',
  'cn-shenzhen': 'apigateway.cn-shenzhen.aliyuncs.com',
  'cn-heyuan': 'apigateway.cn-heyuan.aliyuncs.com',
  'cn-guangzhou': 'apigateway.cn-guangzhou.aliyuncs.com',
  'cn-chengdu': 'apigateway.cn-chengdu.aliyuncs.com',
  'cn-hongkong': 'apigateway.cn-hongkong.aliyuncs.com',
  'ap-northeast-1': 'apigateway.ap-northeast-1.aliyuncs.com',
  'ap-southeast-1': 'apigateway.ap-southeast-1.aliyuncs.com',
  'ap-southeast-2': 'apigateway.ap-southeast-2.aliyuncs.com',
  'ap-southeast-3': 'apigateway.ap-southeast-3.aliyuncs.com',
  'ap-southeast-5': 'apigateway.ap-southeast-5.aliyuncs.com',
  'ap-southeast-6': 'apigateway.ap-southeast-6.aliyuncs.com',
  'ap-southeast-7': 'apigateway.ap-southeast-7.aliyuncs.com',
  'us-east-1': 'apigateway.us-east-1.aliyuncs.com',
  'us-west-1': 'apigateway.us-west-1.aliyuncs.com',
  'eu-west-1': 'apigateway.eu-west-1.aliyuncs.com',
  'eu-central-1': 'apigateway.eu-central-1.aliyuncs.com',
  'ap-south-1': 'apigateway.ap-south-1.aliyuncs.com',
  'me-east-1': 'apigateway.me-east-1.aliyuncs.com',
  'me-central-1': 'apigateway.me-central-1.aliyuncs.com',
  'cn-hangzhou-finance': 'apigateway.cn-hangzhou-finance.aliyuncs.com',
  'cn-shanghai-finance-1': 'apigateway.cn-shanghai-finance-1.aliyuncs.com',
  'cn-shenzhen-finance-1': 'apigateway.cn-shenzhen-finance-1.aliyuncs.com',
  'cn-north-2-gov-1': 'apigateway.cn-north-2-gov-1.aliyuncs.com',
  'ap-northeast-2-pop': 'apigateway.aliyuncs.com',
  'cn-beijing-finance-1': 'apigateway.cn-beijing-finance-1.aliyuncs.com',
  'cn-beijing-finance-pop': 'apigateway.aliyuncs.com',
  'cn-beijing-gov-1': 'apigateway.aliyuncs.com',
  'cn-beijing-nu16-b01': 'apigateway.aliyuncs.com',
  'cn-edge-1': 'apigateway.aliyuncs.com',
  'cn-fujian': 'apigateway.aliyuncs.com',
  'cn-haidian-cm12-c01': 'apigateway.aliyuncs.com',
  'cn-hangzhou-bj-b01': 'apigateway.aliyuncs.com',
  'cn-hangzhou-internal-prod-1': 'apigateway.aliyuncs.com',
  'cn-hangzhou-internal-test-1': 'apigateway.aliyuncs.com',
  'cn-hangzhou-internal-test-2': 'apigateway.aliyuncs.com',
  'cn-hangzhou-internal-test-3': 'apigateway.aliyuncs.com',
  'cn-hangzhou-test-306': 'apigateway.aliyuncs.com',
  'cn-hongkong-finance-pop': 'apigateway.aliyuncs.com',
  'cn-huhehaote-nebula-1': 'apigateway.aliyuncs.com',
  'cn-qingdao-nebula': 'apigateway.aliyuncs.com',
  'cn-shanghai-et15-b01': 'apigateway.aliyuncs.com',
  'cn-shanghai-et2-b01': 'apigateway.aliyuncs.com',
  'cn-shanghai-inner': 'apigateway.cn-shanghai-inner.aliyuncs.com',
  'cn-shanghai-internal-test-1': 'apigateway.aliyuncs.com',
  'cn-shenzhen-inner': 'apigateway.aliyuncs.com',
  'cn-shenzhen-st4-d01': 'apigateway.aliyuncs.com',
  'cn-shenzhen-su18-b01': 'apigateway.aliyuncs.com',
  'cn-wuhan': 'apigateway.aliyuncs.com',
  'cn-yushanfang': 'apigateway.aliyuncs.com',
  'cn-zhangbei': 'apigateway.aliyuncs.com',
  'cn-zhangbei-na61-b01': 'apigateway.aliyuncs.com',
  'cn-zhangjiakou-na62-a01': 'apigateway.aliyuncs.com',
  'cn-zhengzhou-nebula-1': 'apigateway.aliyuncs.com',
  'eu-west-1-oxs': 'apigateway.aliyuncs.com',
  'rus-west-1-pop': 'apigateway.aliyuncs.com',
};

/** The public regions offered in the region quick pick (the SDK map's `apigateway.<region>` entries). */
export const PUBLIC_REGIONS: readonly string[] = [
  'cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'cn-qingdao', 'cn-zhangjiakou', 'cn-huhehaote',
  'cn-wulanchabu', 'cn-chengdu', 'cn-hongkong', 'cn-heyuan', 'cn-guangzhou',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ap-northeast-1', 'ap-south-1', 'eu-central-1', 'eu-west-1', 'us-west-1', 'us-east-1', 'me-east-1', 'me-central-1',
];

/** The region used when neither the setting nor the CLI profile names one. */
export const DEFAULT_REGION = 'cn-hangzhou';

/** Where to send a request: protocol, host name, port and the Host header to sign. */
export interface Endpoint {
  readonly protocol: 'https' | 'http';
  readonly hostname: string;
  readonly port: number;
  /** host[:port] as sent (and signed) in the Host header. */
  readonly hostHeader: string;
}

/** Thrown for an endpoint override or region that cannot be used; the client maps it to kind 'invalidEndpoint'. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

const REGION_SHAPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const HOSTNAME_SHAPE = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** The host serving QueryRequestLogs in a region: the SDK map, else cloudapi.<region>.aliyuncs.com. */
export function hostForRegion(region: string): string {
  if (!REGION_SHAPE.test(region)) throw new EndpointError(`"${region.slice(0, 40)}" is not a region id such as cn-hangzhou.`);
  return ENDPOINT_MAP[region] ?? `cloudapi.${region}.aliyuncs.com`;
}

/** Whether a host name is the loopback interface (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return isIP(bare) === 6 && (bare === '::1' || bare === '0:0:0:0:0:0:0:1');
}

/** Splits host[:port] (IPv6 in brackets) into its parts; throws EndpointError when malformed. */
function splitHostPort(text: string): { hostname: string; port: number | undefined } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:/?#\s[\]]+)(?::(\d{1,5}))?\/?$/.exec(text);
  if (!match) throw new EndpointError(`"${text.slice(0, 80)}" is not host[:port].`);
  const hostname = match[1]!;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) throw new EndpointError(`Port ${port} is out of range.`);
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!isIP(bare) && !HOSTNAME_SHAPE.test(bare)) throw new EndpointError(`"${hostname.slice(0, 80)}" is not a host name.`);
  return { hostname: bare, port };
}

/**
 * Parses an endpoint override: `host[:port]`, `https://host[:port]`, or `http://host[:port]` for loopback only
 * (plain HTTP would expose the signed request and the response to the network).
 */
export function parseEndpointOverride(text: string): Endpoint {
  const trimmed = text.trim();
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(trimmed);
  const protocol = scheme ? scheme[1]!.toLowerCase() : 'https';
  if (protocol !== 'http' && protocol !== 'https') throw new EndpointError(`Scheme "${protocol}" is not supported; use host[:port].`);
  const { hostname, port } = splitHostPort(scheme ? trimmed.slice(scheme[0].length) : trimmed);
  if (protocol === 'http' && !isLoopbackHost(hostname)) {
    throw new EndpointError(`http:// is allowed only for loopback hosts (localhost, 127.0.0.1, ::1), not ${hostname}.`);
  }
  const defaultPort = protocol === 'https' ? 443 : 80;
  const shownHost = isIP(hostname) === 6 ? `[${hostname}]` : hostname;
  return {
    protocol,
    hostname,
    port: port ?? defaultPort,
    hostHeader: port === undefined ? shownHost : `${shownHost}:${port}`,
  };
}

/** The endpoint for a request: the override when given, else the region's public HTTPS host. */
export function resolveEndpoint(region: string, override?: string): Endpoint {
  if (override !== undefined && override.trim() !== '') return parseEndpointOverride(override);
  const host = hostForRegion(region);
  return { protocol: 'https', hostname: host, port: 443, hostHeader: host };
}
