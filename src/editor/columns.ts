/** The table's columns and the facet columns, described once for both sides of the protocol. */
import { DICT_COLUMNS, NUMERIC_COLUMNS, type DictColumn, type NumericColumn } from '../core/fields/ids';
import type { ColumnDef } from '../shared/protocol';

const col = (id: string, title: string, kind: ColumnDef['kind'], width: number, sortable = true): ColumnDef => ({ id, title, kind, width, sortable });

/** Every column the table can show, in chooser order: the fields of the engine's row summary (ids are canonical field ids, or `time`). */
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
  col('clientIp', 'Client IP', 'text', 112),
  col('requestSize', 'Req size', 'bytes', 76),
  col('responseSize', 'Resp size', 'bytes', 80),
  col('requestId', 'Request ID', 'id', 290, false),
];

/** Columns shown the first time a file is opened. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'time', 'httpMethod', 'statusCode', 'errorCode', 'totalLatency', 'apiName', 'path', 'appName', 'clientIp', 'requestId',
];

/** Facet columns (dictionary columns of the index) and their titles. */
export const FACETS: readonly { column: DictColumn; title: string }[] = [
  { column: 'apiName', title: 'API' },
  { column: 'apiGroupName', title: 'Group' },
  { column: 'apiStageName', title: 'Stage' },
  { column: 'statusCode', title: 'Status' },
  { column: 'errorCode', title: 'Error code' },
  { column: 'appName', title: 'App' },
  { column: 'clientIp', title: 'Client IP' },
  { column: 'httpMethod', title: 'Method' },
];

/** The index column a table column sorts by (status sorts numerically), or undefined when it cannot sort. */
export function sortColumnOf(columnId: string): NumericColumn | DictColumn | undefined {
  if (columnId === 'statusCode') return 'status';
  if ((NUMERIC_COLUMNS as readonly string[]).includes(columnId)) return columnId as NumericColumn;
  if ((DICT_COLUMNS as readonly string[]).includes(columnId)) return columnId as DictColumn;
  return undefined;
}
