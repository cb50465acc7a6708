/**
 * Canonical field ids and their aliases across both naming schemes.
 * Canonical ids are the Log Service (SLS) camelCase names; QueryRequestLogs uses PascalCase.
 * Lookup is case-insensitive, so the seed docs' odd spellings (Responsesize, Servicelatency) resolve too.
 */

/** Every field the gateway writes, by its canonical (Log Service) name. */
export const FIELD_IDS = [
  'apiGroupUid', 'apiGroupName', 'apiUid', 'apiName', 'apiStageUid', 'apiStageName',
  'httpMethod', 'path', 'domain', 'statusCode', 'errorCode', 'errorMessage', 'exception',
  'appId', 'appName', 'consumerAppKey', 'clientIp', 'providerAliUid', 'region',
  'requestHandleTime', 'requestId', 'initialRequestId', 'requestSize', 'responseSize',
  'serviceLatency', 'totalLatency', 'requestProtocol', 'instanceId', 'clientNonce', 'customTraceId',
  'jwtClaims', 'plugin', 'requestQueryString', 'requestHeaders', 'requestBody',
  'responseHeaders', 'responseBody',
  'frontRequestStart', 'frontRequestEnd', 'backendRequestStart', 'backendRequestEnd',
  'backendResponseStart', 'backendResponseEnd', 'frontResponseStart', 'frontResponseEnd',
  'exchangeTimestamp',
  '__time__', '__topic__', '__source__', '__time_ns_part__',
] as const;

/** A canonical field id. */
export type FieldId = (typeof FIELD_IDS)[number];

/** The eight timing stamps, in the order a request passes through them. */
export const TIMING_FIELDS = [
  'frontRequestStart', 'frontRequestEnd', 'backendRequestStart', 'backendRequestEnd',
  'backendResponseStart', 'backendResponseEnd', 'frontResponseStart', 'frontResponseEnd',
] as const satisfies readonly FieldId[];

/** Fields the index keeps as numbers (NaN when missing). `time` is the derived request time in epoch ms. */
export const NUMERIC_COLUMNS = [
  'time', 'status', 'requestSize', 'responseSize', 'serviceLatency', 'totalLatency', ...TIMING_FIELDS,
] as const;

/** A numeric column of the index. `status` is statusCode as a number. */
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

/** Fields the index dictionary-encodes: few distinct values, asked about often. */
export const DICT_COLUMNS = [
  'apiGroupUid', 'apiGroupName', 'apiUid', 'apiName', 'apiStageUid', 'apiStageName',
  'httpMethod', 'path', 'domain', 'statusCode', 'errorCode', 'appId', 'appName', 'consumerAppKey',
  'clientIp', 'providerAliUid', 'region', 'requestProtocol', 'instanceId', '__topic__', '__source__',
] as const satisfies readonly FieldId[];

/** A dictionary-encoded column of the index. */
export type DictColumn = (typeof DICT_COLUMNS)[number];

/** Identifier fields the index keeps per record for lookup (requestId is also indexed for O(1) find). */
export const ID_COLUMNS = ['requestId', 'initialRequestId'] as const satisfies readonly FieldId[];

/** An identifier column of the index. */
export type IdColumn = (typeof ID_COLUMNS)[number];

/** QueryRequestLogs (PascalCase) names that differ from the canonical id other than by case. */
const API_NAMES: Partial<Record<FieldId, string[]>> = {
  apiGroupUid: ['GroupId'], apiGroupName: ['GroupName'], apiUid: ['ApiId'],
  apiStageUid: ['StageId'], apiStageName: ['StageName'], path: ['HttpPath'],
  appId: ['ConsumerAppId'], requestHandleTime: ['RequestTime'],
};

/** Extra aliases users type in queries (short forms). */
const SHORT_ALIASES: Partial<Record<FieldId, string[]>> = {
  statusCode: ['status'], apiName: ['api'], apiGroupName: ['group'], apiStageName: ['stage'],
  httpMethod: ['method'], appName: ['app'], clientIp: ['ip'], totalLatency: ['latency'],
  requestHandleTime: ['time'],
};

const aliasTable = buildAliasTable();

function buildAliasTable(): Map<string, FieldId> {
  const table = new Map<string, FieldId>();
  for (const id of FIELD_IDS) table.set(id.toLowerCase(), id);
  for (const [id, names] of Object.entries(API_NAMES) as [FieldId, string[]][]) {
    for (const n of names) table.set(n.toLowerCase(), id);
  }
  return table;
}

const queryAliasTable = new Map<string, FieldId>([
  ...aliasTable,
  ...(Object.entries(SHORT_ALIASES) as [FieldId, string[]][]).flatMap(([id, ns]) => ns.map((n) => [n.toLowerCase(), id] as [string, FieldId])),
]);

/** The canonical id of a field name as it appears in a log (either scheme, any case), or undefined. */
export function canonicalFieldId(name: string): FieldId | undefined {
  return aliasTable.get(name.toLowerCase());
}

/** Like canonicalFieldId, but also accepts the short names users type in queries (status, api, app…). */
export function queryFieldId(name: string): FieldId | undefined {
  return queryAliasTable.get(name.toLowerCase());
}

/** The QueryRequestLogs (PascalCase) name of a field, or undefined where the API has none. */
export function apiFieldName(id: FieldId): string | undefined {
  if (id.startsWith('__') || id === 'providerAliUid' || id === 'exchangeTimestamp') return undefined;
  if (id === 'plugin') return 'plugin';
  const renamed = API_NAMES[id];
  return renamed ? renamed[0] : id[0].toUpperCase() + id.slice(1);
}

/** True for Log Service tag keys such as `__tag__:__receive_time__`. */
export function isTagField(name: string): boolean {
  return name.startsWith('__tag__:');
}

/** Every other name a field is known by: its QueryRequestLogs names and the short query aliases. */
export function fieldAliases(id: FieldId): readonly string[] {
  return [...(API_NAMES[id] ?? []), ...(SHORT_ALIASES[id] ?? [])];
}
