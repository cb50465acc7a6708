/** The table's columns and the facet columns, described once for both sides of the protocol. */
import type { ColumnDef } from '../shared/protocol';

const col = (id: string, title: string, kind: ColumnDef['kind'], width: number, sortable = true): ColumnDef => ({ id, title, kind, width, sortable });

/** Every column the table can show, in chooser order; ids are canonical field ids (or `time`). */
export const TABLE_COLUMNS: readonly ColumnDef[] = [
  col('time', 'Time', 'time', 178),
  col('httpMethod', 'Method', 'text', 64),
  col('statusCode', 'Status', 'status', 58),
  col('errorCode', 'Error code', 'text', 84),
  col('totalLatency', 'Latency', 'ms', 78),
  col('serviceLatency', 'Backend', 'ms', 78),
  col('apiName', 'API', 'text', 150),
  col('path', 'Path', 'text', 220),
  col('apiGroupName', 'Group', 'text', 120),
  col('apiStageName', 'Stage', 'text', 70),
  col('appName', 'App', 'text', 110),
  col('appId', 'App ID', 'text', 100),
  col('clientIp', 'Client IP', 'text', 112),
  col('domain', 'Domain', 'text', 170),
  col('requestSize', 'Req size', 'bytes', 76),
  col('responseSize', 'Resp size', 'bytes', 80),
  col('region', 'Region', 'text', 96),
  col('requestProtocol', 'Protocol', 'text', 70),
  col('requestId', 'Request ID', 'id', 290),
];

/** Columns shown the first time a file is opened. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'time', 'httpMethod', 'statusCode', 'errorCode', 'totalLatency', 'apiName', 'path', 'appName', 'clientIp', 'requestId',
];

/** Facet columns, their titles and the name a query uses for them. */
export const FACETS: readonly { column: string; title: string; queryField: string }[] = [
  { column: 'apiName', title: 'API', queryField: 'apiName' },
  { column: 'apiGroupName', title: 'Group', queryField: 'apiGroupName' },
  { column: 'apiStageName', title: 'Stage', queryField: 'apiStageName' },
  { column: 'statusCode', title: 'Status', queryField: 'statusCode' },
  { column: 'errorCode', title: 'Error code', queryField: 'errorCode' },
  { column: 'appName', title: 'App', queryField: 'appName' },
  { column: 'clientIp', title: 'Client IP', queryField: 'clientIp' },
  { column: 'httpMethod', title: 'Method', queryField: 'httpMethod' },
];
