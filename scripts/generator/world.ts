/** Concrete, seeded identities for the catalog: uids, domains, apps, client IPs, popularity. */
import { APP_NAMES, BACKEND_FAILURES, GATEWAY_ERRORS, GROUPS, STAGES, type ApiSpec, type BackendFailure, type GatewayError, type GroupSpec } from './catalog';
import { Rng, WeightedPicker, zipfPicker } from './random';

/** A group with its generated identifiers. */
export interface Group {
  readonly spec: GroupSpec;
  readonly uid: string;
  readonly domain: string;
  readonly instanceId: string;
  /** Whether this instance writes "OK" (true) or "" (false) as the success error code. */
  readonly okCode: boolean;
  readonly providerAliUid: string;
  readonly stageUids: Record<string, string>;
}

/** An API with its generated identifier and its group. */
export interface Api {
  readonly spec: ApiSpec;
  readonly uid: string;
  readonly group: Group;
}

/** A calling application and the client IPs it calls from. */
export interface App {
  readonly id: string;
  readonly name: string;
  readonly key: string;
  readonly ips: readonly string[];
}

/** Everything a record is drawn from. */
export interface World {
  readonly apis: WeightedPicker<Api>;
  readonly allApis: readonly Api[];
  readonly apps: WeightedPicker<App>;
  readonly allApps: readonly App[];
  readonly anonymousIps: WeightedPicker<string>;
  readonly stages: WeightedPicker<string>;
  readonly gatewayErrors: WeightedPicker<GatewayError>;
  readonly backendFailures: WeightedPicker<BackendFailure>;
  readonly sources: readonly string[];
}

function ipv4(rng: Rng): string {
  const first = rng.pick([36, 39, 42, 47, 58, 101, 106, 112, 114, 116, 117, 118, 119, 120, 121, 123, 180, 183, 202, 218, 223]);
  return `${first}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

function ipv6(rng: Rng): string {
  const groups = [rng.pick(['240e', '2408', '2409', '2001']), rng.hex(3), rng.hex(4), rng.hex(2), '', rng.hex(3), rng.hex(1)];
  return groups.join(':').replace(/:0+([0-9a-f])/g, ':$1');
}

/** A client IP: mostly IPv4, about 8% IPv6. */
export function clientIp(rng: Rng): string {
  return rng.chance(0.08) ? ipv6(rng) : ipv4(rng);
}

function makeGroup(rng: Rng, spec: GroupSpec): Group {
  const uid = rng.hex(32);
  const domain = spec.customDomain ?? `${uid}-${spec.region}.alicloudapi.com`;
  const stageUids: Record<string, string> = {};
  for (const s of STAGES) stageUids[s.name] = rng.hex(32);
  const instanceId = rng.chance(0.5) ? `apigateway-cn-${rng.hex(12)}` : `apigateway-${spec.region.replace(/^cn-/, '').slice(0, 2)}-${rng.hex(12)}`;
  return { spec, uid, domain, instanceId, okCode: rng.chance(0.7), providerAliUid: rng.digits(16), stageUids };
}

function makeApp(rng: Rng, name: string): App {
  const ips = Array.from({ length: 1 + rng.int(6) }, () => clientIp(rng));
  return { id: rng.digits(9), name, key: rng.digits(9), ips };
}

/** Shuffles a copy so that popularity is not tied to the catalog's order. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const k = rng.int(i + 1);
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}

/** Builds the world for a seed. */
export function buildWorld(rng: Rng): World {
  const groups = GROUPS.map((g) => makeGroup(rng, g));
  // Slow batch APIs are rare in real traffic: keep them in the long tail whatever the shuffle.
  const allApis = shuffled(rng, groups.flatMap((g) => g.spec.apis.map((spec) => ({ spec, uid: rng.hex(32), group: g }))))
    .sort((a, b) => Number(a.spec.medianMs > 1000) - Number(b.spec.medianMs > 1000));
  const allApps = APP_NAMES.map((n) => makeApp(rng, n));
  const anonymous = Array.from({ length: 400 }, () => clientIp(rng));
  return {
    apis: zipfPicker(allApis, 1.05),
    allApis,
    apps: zipfPicker(allApps, 1.0),
    allApps,
    anonymousIps: zipfPicker(anonymous, 0.9),
    stages: new WeightedPicker(STAGES.map((s) => s.name), STAGES.map((s) => s.weight)),
    gatewayErrors: new WeightedPicker(GATEWAY_ERRORS, GATEWAY_ERRORS.map((e) => e.weight)),
    backendFailures: new WeightedPicker(BACKEND_FAILURES, BACKEND_FAILURES.map((e) => e.weight)),
    sources: Array.from({ length: 6 }, () => `11.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`),
  };
}
