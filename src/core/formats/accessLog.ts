/** Tells API Gateway access logs from other text: enough known gateway field names in the first records. */
import { asBuffer } from './bytes';
import { detectFormat } from './detect';
import { canonicalFieldId, type FieldId } from '../fields/ids';

/** Fields only an API Gateway access log carries together (generic ones like path or requestId excluded). */
const GATEWAY_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>([
  'apiGroupUid', 'apiGroupName', 'apiUid', 'apiName', 'apiStageUid', 'apiStageName', 'errorCode',
  'consumerAppKey', 'serviceLatency', 'totalLatency', 'requestHandleTime', 'providerAliUid', 'instanceId',
  'frontRequestStart', 'frontResponseEnd', 'appId', 'clientIp', 'statusCode',
]);

/** Known field ids needed in all, and gateway-specific ones among them. */
const MIN_KNOWN = 5;
const MIN_GATEWAY = 3;

/** Quoted JSON keys: `"name":`. */
const JSON_KEY = /"([A-Za-z_][\w:]{0,63})"\s*:/g;

function fieldNames(headText: string): Iterable<string> {
  const format = detectFormat(asBuffer(Buffer.from(headText.slice(0, 1 << 18), 'utf8')));
  if (format.kind === 'csv') return format.columns ?? [];
  if (format.kind === 'unknown') return [];
  return Array.from(headText.slice(0, 1 << 18).matchAll(JSON_KEY), (m) => m[1]);
}

/** True when the first records carry enough known API Gateway field names (either naming scheme). */
export function looksLikeAccessLog(headText: string): boolean {
  const known = new Set<FieldId>();
  for (const name of fieldNames(headText)) {
    const id = canonicalFieldId(name);
    if (id !== undefined) known.add(id);
  }
  let gateway = 0;
  for (const id of known) if (GATEWAY_FIELDS.has(id)) gateway++;
  return known.size >= MIN_KNOWN && gateway >= MIN_GATEWAY;
}
