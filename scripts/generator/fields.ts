/** The field layout of generated records, in the order Log Service writes them. */

/** Field names (Log Service camelCase) of a generated record, in output order. */
export const FIELDS = [
  'apiGroupUid', 'apiGroupName', 'apiUid', 'apiName', 'apiStageUid', 'apiStageName', 'httpMethod', 'path', 'domain',
  'statusCode', 'errorCode', 'errorMessage', 'exception', 'appId', 'appName', 'consumerAppKey', 'clientIp',
  'providerAliUid', 'region', 'requestHandleTime', 'requestId', 'initialRequestId', 'requestSize', 'responseSize',
  'serviceLatency', 'totalLatency', 'requestProtocol', 'instanceId', 'clientNonce', 'customTraceId', 'jwtClaims', 'plugin',
  'requestQueryString', 'requestHeaders', 'requestBody', 'responseHeaders', 'responseBody',
  'frontRequestStart', 'frontRequestEnd', 'backendRequestStart', 'backendRequestEnd',
  'backendResponseStart', 'backendResponseEnd', 'frontResponseStart', 'frontResponseEnd',
] as const;

/** A field name of a generated record. */
export type FieldName = (typeof FIELDS)[number];

/** Index of each field in `GenRecord.values`. */
export const F = Object.fromEntries(FIELDS.map((n, i) => [n, i])) as { readonly [K in FieldName]: number };

/** Fields only dedicated instances with body logging write; left out in lean output. */
export const BODY_FIELDS: ReadonlySet<number> = new Set([F.requestQueryString, F.requestHeaders, F.requestBody, F.responseHeaders, F.responseBody]);

/** Index of the first timing stamp; the eight stamps are the last eight fields. */
export const FIRST_STAMP = F.frontRequestStart;

/** One generated request, every field as the string Log Service stores ('' when absent). */
export interface GenRecord {
  /** `__time__`: epoch seconds. */
  time: number;
  /** `__tag__:__receive_time__`: epoch seconds. */
  receiveTime: number;
  topic: string;
  source: string;
  /** Values aligned with FIELDS. */
  values: string[];
}
