/** Draws one realistic request record from the world, with consistent times, latencies and codes. */
import type { BackendFailure, GatewayError } from './catalog';
import { F as FIELD_INDEX, FIELDS, type GenRecord } from './fields';
import type { Rng } from './random';
import { formRequestBody, jsonRequestBody, jwtClaims, pluginContext, queryString, requestHeaderBlock, responseBody, responseHeaderBlock } from './texts';
import type { Api, App, World } from './world';

// A module-local copy: property reads on an imported binding go through a getter after transpiling.
const F = { ...FIELD_INDEX };

/** Options that shape every record. */
export interface RecordOptions {
  /** Write headers, query strings and bodies (dedicated instance with body logging on). */
  readonly bodies: boolean;
}

/** Mutable state carried from one record to the next. */
export interface GenState {
  clockMs: number;
  /** Mean gap between requests, ms. */
  readonly meanGapMs: number;
  readonly recentIds: string[];
  isoSecond: number;
  isoText: string;
}

/** A fresh state starting at `startMs`. */
export function newState(startMs: number, meanGapMs: number): GenState {
  return { clockMs: startMs, meanGapMs, recentIds: [], isoSecond: -1, isoText: '' };
}

type Outcome =
  | { kind: 'ok'; status: number }
  | { kind: 'backend'; failure: BackendFailure }
  | { kind: 'gateway'; error: GatewayError };

function drawOutcome(rng: Rng, world: World, api: Api): Outcome {
  const r = rng.next();
  if (r < 0.035) return { kind: 'gateway', error: world.gatewayErrors.pick(rng) };
  if (r < 0.065) return { kind: 'backend', failure: world.backendFailures.pick(rng) };
  if (r < 0.07) return { kind: 'ok', status: rng.pick([301, 302, 304]) };
  const created = api.spec.method === 'POST' && rng.chance(0.3);
  return { kind: 'ok', status: created ? 201 : api.spec.method === 'DELETE' ? 204 : 200 };
}

/** The eight stamps (NaN where the request never got there) for an outcome. */
function drawStamps(rng: Rng, start: number, api: Api, outcome: Outcome, requestBytes: number): number[] {
  const s = new Array<number>(8).fill(NaN);
  s[0] = start;
  s[1] = start + (requestBytes > 1500 ? rng.int(4) : rng.int(2));
  s[2] = s[1] + Math.max(1, Math.round(rng.logNormal(1.5, 0.6)));
  const stage = outcome.kind === 'gateway' ? outcome.error.stage : 'backend';
  let afterBackend = s[2];
  if (stage === 'backend' || stage === 'internal') {
    s[3] = s[2] + rng.int(2);
    s[4] = s[3] + Math.min(api.spec.timeoutMs - 1, Math.round(rng.logNormal(api.spec.medianMs, 0.9)));
    s[5] = s[4] + rng.int(6);
    if (rng.chance(0.002)) s[4] = s[3] - 1 - rng.int(3); // clock skew between gateway nodes: out-of-order stamps
    afterBackend = s[5];
  } else if (stage === 'timeout') {
    s[3] = s[2] + rng.int(2);
    afterBackend = s[2] + api.spec.timeoutMs;
  } else if (stage === 'connect') {
    afterBackend = s[2] + (rng.chance(0.5) ? 3000 : 1 + rng.int(3));
  }
  if (stage === 'front') s[2] = NaN;
  s[6] = afterBackend + rng.int(2);
  s[7] = s[6] + rng.int(3);
  return s;
}

function isoSecond(state: GenState, epochSeconds: number): string {
  if (state.isoSecond !== epochSeconds) {
    state.isoSecond = epochSeconds;
    state.isoText = new Date(epochSeconds * 1000).toISOString().slice(0, 19) + 'Z';
  }
  return state.isoText;
}

function pickApp(rng: Rng, world: World, api: Api): App | undefined {
  if (api.spec.auth === 'ANONYMOUS' && rng.chance(0.7)) return undefined;
  return world.apps.pick(rng);
}

function fillPath(rng: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    name === 'currency' ? rng.pick(['USD', 'CNY', 'EUR', 'JPY']) : name === 'service' ? rng.pick(['reboot', 'setTemp', 'upgrade']) : rng.digits(name === 'orderId' ? 16 : 7));
}

function rememberId(state: GenState, id: string): void {
  if (state.recentIds.length < 64) state.recentIds.push(id);
  else state.recentIds[(id.charCodeAt(0) * 31 + id.charCodeAt(9)) & 63] = id;
}

/** The random choices behind one request. */
interface Draw {
  readonly start: number;
  readonly api: Api;
  readonly stage: string;
  readonly app: App | undefined;
  readonly ip: string;
  readonly outcome: Outcome;
  readonly status: number;
  readonly notFound: boolean;
  readonly requestId: string;
}

function drawRequest(rng: Rng, world: World, state: GenState): Draw {
  state.clockMs += rng.exponential(state.meanGapMs);
  const start = Math.round(state.clockMs) - rng.int(400);
  const api = world.apis.pick(rng);
  const stage = world.stages.pick(rng);
  const app = pickApp(rng, world, api);
  const ip = app && rng.chance(0.9) ? rng.pick(app.ips) : world.anonymousIps.pick(rng);
  const outcome = drawOutcome(rng, world, api);
  const status = outcome.kind === 'ok' ? outcome.status : outcome.kind === 'backend' ? outcome.failure.status : outcome.error.status;
  const notFound = outcome.kind === 'gateway' && outcome.error.code === 'I404NF';
  return { start, api, stage, app, ip, outcome, status, notFound, requestId: rng.uuidUpper() };
}

/** Group, API, stage, path and outcome fields (an unknown API leaves the API fields empty). */
function setRouting(v: string[], rng: Rng, d: Draw): void {
  const { api, outcome, notFound } = d;
  const group = api.group;
  v[F.apiGroupUid] = group.uid;
  v[F.apiGroupName] = group.spec.name;
  v[F.apiUid] = notFound ? '' : api.uid;
  v[F.apiName] = notFound ? '' : api.spec.name;
  v[F.apiStageUid] = notFound ? '' : group.stageUids[d.stage];
  v[F.apiStageName] = notFound ? '' : d.stage;
  v[F.httpMethod] = api.spec.method;
  v[F.path] = notFound ? fillPath(rng, api.spec.path) + rng.pick(['/x', 's', '/../admin', '/v0']) : fillPath(rng, api.spec.path);
  v[F.domain] = group.domain;
  v[F.statusCode] = String(d.status);
  v[F.errorCode] = outcome.kind === 'gateway' ? outcome.error.code : outcome.kind === 'ok' && group.okCode ? 'OK' : '';
  v[F.errorMessage] = outcome.kind === 'gateway' ? outcome.error.message : '';
  v[F.exception] = outcome.kind === 'backend' ? outcome.failure.exception : '';
}

/** Caller, instance and tracing fields. */
function setCaller(v: string[], rng: Rng, state: GenState, d: Draw): void {
  const { app, api, ip } = d;
  v[F.appId] = app ? app.id : '';
  v[F.appName] = app ? app.name : '';
  v[F.consumerAppKey] = app ? app.key : '';
  v[F.clientIp] = ip;
  v[F.providerAliUid] = api.group.providerAliUid;
  v[F.region] = api.group.spec.region;
  v[F.requestId] = d.requestId;
  if (state.recentIds.length > 0 && rng.chance(0.03)) v[F.initialRequestId] = rng.pick(state.recentIds);
  rememberId(state, d.requestId);
  v[F.requestProtocol] = rng.chance(0.8) ? 'HTTPS' : rng.chance(0.95) ? 'HTTP' : 'WS';
  v[F.instanceId] = api.group.instanceId;
  v[F.clientNonce] = app && api.spec.auth === 'APP' ? rng.uuid() : '';
  v[F.customTraceId] = rng.chance(0.15) ? rng.hex(32) : '';
  v[F.jwtClaims] = api.spec.auth === 'JWT' ? jwtClaims(rng) : '{}';
  v[F.plugin] = pluginContext(rng, d.ip);
}

/** Headers, bodies, sizes, the eight stamps and the latencies derived from them. */
function setPayload(v: string[], rng: Rng, d: Draw, opts: RecordOptions): void {
  const { api, outcome, status, requestId } = d;
  const errorText = outcome.kind === 'gateway' ? outcome.error.message : outcome.kind === 'backend' ? outcome.failure.exception : '';
  const reqBody = api.spec.requestBody === 'json' ? jsonRequestBody(rng, rng.digits(12)) : api.spec.requestBody === 'form' ? formRequestBody(rng) : '';
  const reqBodyBytes = Buffer.byteLength(reqBody);
  const reqHeaders = requestHeaderBlock(rng, api.group.domain, v[F.consumerAppKey], v[F.clientNonce], d.start, d.ip, reqBodyBytes, api.spec.auth === 'JWT');
  const requestBytes = reqHeaders.length + 40 + v[F.path].length + reqBodyBytes;
  const stamps = drawStamps(rng, d.start, api, outcome, requestBytes);
  const respBody = responseBody(rng, status, requestId, errorText, api.spec.method === 'GET' && !api.spec.path.endsWith('}'));
  const respBytes = status >= 300 ? Buffer.byteLength(respBody) : Math.max(Buffer.byteLength(respBody), Math.round(rng.logNormal(1800, 1.1)));
  if (opts.bodies) {
    v[F.requestQueryString] = queryString(rng, api.spec.method);
    v[F.requestHeaders] = reqHeaders;
    v[F.requestBody] = reqBody;
    v[F.responseHeaders] = responseHeaderBlock(requestId, stamps[6], respBytes, v[F.errorCode], v[F.errorMessage]);
    v[F.responseBody] = respBody;
  }
  v[F.requestSize] = String(requestBytes);
  v[F.responseSize] = String(respBytes);
  v[F.totalLatency] = String(stamps[7] - stamps[0]);
  v[F.serviceLatency] = String(serviceLatency(stamps));
  for (let i = 0; i < 8; i++) v[F.frontRequestStart + i] = Number.isNaN(stamps[i]) ? '' : String(stamps[i]);
}

/** Generates the next record. */
export function nextRecord(rng: Rng, world: World, state: GenState, opts: RecordOptions): GenRecord {
  const d = drawRequest(rng, world, state);
  const v = new Array<string>(FIELDS.length).fill('');
  setRouting(v, rng, d);
  setCaller(v, rng, state, d);
  setPayload(v, rng, d, opts);
  const seconds = Math.floor(d.start / 1000);
  v[F.requestHandleTime] = isoSecond(state, seconds);
  return { time: seconds, receiveTime: seconds + 1 + rng.int(3), topic: '', source: world.sources[rng.int(world.sources.length)], values: v };
}

/** Backend time: from the first backend stamp to the last one known (0 when the backend was never called). */
function serviceLatency(s: number[]): number {
  if (Number.isNaN(s[2])) return 0;
  const end = Number.isNaN(s[5]) ? s[6] : s[5];
  return Math.max(0, end - s[2]);
}
