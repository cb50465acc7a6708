/** How each catalog field is answered from the index: a dictionary, a numeric column, an ID column, or raw text. */
import {
  DICT_COLUMNS, ID_COLUMNS, TIMING_FIELDS,
  type DictColumn, type FieldId, type IdColumn, type NumericColumn,
} from '../fields/ids';

/** Where a field's values live in the index. */
export type FieldTarget =
  | { kind: 'dict'; column: DictColumn; numeric?: NumericColumn }
  | { kind: 'numeric'; column: NumericColumn; time: boolean }
  | { kind: 'id'; column: IdColumn }
  | { kind: 'raw' };

const dictSet = new Set<string>(DICT_COLUMNS);
const idSet = new Set<string>(ID_COLUMNS);

/** Numeric fields and the column holding them; times are kept in epoch ms. */
const NUMERIC_FIELDS: Partial<Record<FieldId, { column: NumericColumn; time: boolean }>> = {
  requestSize: { column: 'requestSize', time: false },
  responseSize: { column: 'responseSize', time: false },
  serviceLatency: { column: 'serviceLatency', time: false },
  totalLatency: { column: 'totalLatency', time: false },
  requestHandleTime: { column: 'time', time: true },
  __time__: { column: 'time', time: true },
  ...Object.fromEntries(TIMING_FIELDS.map((f) => [f, { column: f, time: true }])),
};

/** Where `field` is answered from. statusCode is a dictionary with a numeric twin (`status`) for comparisons. */
export function fieldTarget(field: FieldId): FieldTarget {
  if (field === 'statusCode') return { kind: 'dict', column: 'statusCode', numeric: 'status' };
  if (dictSet.has(field)) return { kind: 'dict', column: field as DictColumn };
  if (idSet.has(field)) return { kind: 'id', column: field as IdColumn };
  const numeric = NUMERIC_FIELDS[field];
  return numeric ? { kind: 'numeric', ...numeric } : { kind: 'raw' };
}

/** True when comparisons on `field` are numeric comparisons of a time (epoch ms). */
export function isTimeField(field: FieldId): boolean {
  const target = fieldTarget(field);
  return target.kind === 'numeric' && target.time;
}

/**
 * A number typed in a query for `field`: plain numbers, and for time fields also ISO times
 * (`2022-10-29T03:59:59Z`) and epoch seconds (numbers below 1e11 are taken as seconds). NaN if neither.
 */
export function parseQueryNumber(field: FieldId, text: string, time = isTimeField(field)): number {
  const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!time) return n;
  if (!Number.isNaN(n)) return Math.abs(n) < 1e11 ? n * 1000 : n;
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
}

/** The span a typed time stands for, in ms: a day, minute or second for ISO times of that precision, a second for epoch seconds. */
export function timeValueWidth(text: string): number {
  if (/^[-+]?\d+$/.test(text)) return Math.abs(Number(text)) < 1e11 ? 1000 : 1;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 86_400_000;
  if (/\d:\d{2}(:\d{2})?\.\d/.test(text)) return 1;
  return /T\d{2}:\d{2}(Z|[-+]\d{2}:?\d{2})?$/.test(text) ? 60_000 : 1000;
}
