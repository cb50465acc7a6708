/** Writes one parsed record (field name → value, either naming scheme) into a row of the index. */
import { DICT_COLUMNS, ID_COLUMNS, NUMERIC_COLUMNS, canonicalFieldId, isTagField, type DictColumn, type FieldId, type IdColumn, type NumericColumn } from '../fields/ids';
import type { LogIndex, RecordLocation } from './store';

const dictSet = new Set<string>(DICT_COLUMNS);
const idSet = new Set<string>(ID_COLUMNS);
const numericSet = new Set<string>(NUMERIC_COLUMNS);

/** Epoch ms of an ISO-8601 time (`2022-10-29T03:59:59Z`), NaN when it is not one. */
export function parseIsoTime(value: string): number {
  if (value.length < 19 || value.charCodeAt(4) !== 45) return NaN;
  return Date.parse(value);
}

/** A number from a log value (numbers or numeric strings), NaN for anything else. */
export function parseNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value === '') return NaN;
  const n = Number(value);
  return Number.isFinite(n) ? n : NaN;
}

/** Turns any log value into the string the index stores. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Writes one field of the row being built; unknown names go to `index.extraFields`. */
export function writeField(index: LogIndex, row: number, name: string, value: unknown): void {
  const id = canonicalFieldId(name);
  if (id === undefined) {
    if (!isTagField(name)) index.extraFields.add(name);
    return;
  }
  writeCanonical(index, row, id, value);
}

/** Writes a field already resolved to its canonical id. */
export function writeCanonical(index: LogIndex, row: number, id: FieldId, value: unknown): void {
  if (dictSet.has(id)) index.setStr(id as DictColumn, row, asText(value));
  if (idSet.has(id)) index.setId(id as IdColumn, row, asText(value));
  if (numericSet.has(id)) index.setNum(id as NumericColumn, row, parseNumber(value));
  if (id === 'statusCode') index.setNum('status', row, parseNumber(value));
  else if (id === 'requestHandleTime') index.setNum('time', row, parseIsoTime(asText(value)));
  else if (id === '__time__' && Number.isNaN(index.num('time', row))) index.setNum('time', row, parseNumber(value) * 1000);
}

/** Adds a whole parsed record as a new row; returns the row number. */
export function addRecord(index: LogIndex, fields: Record<string, unknown>, loc: RecordLocation): number {
  const row = index.beginRow(loc);
  // __time__ is only a fallback: write it after requestHandleTime whatever the key order.
  let epochSeconds: unknown;
  for (const name in fields) {
    if (name === '__time__') epochSeconds = fields[name];
    else writeField(index, row, name, fields[name]);
  }
  if (epochSeconds !== undefined) writeCanonical(index, row, '__time__', epochSeconds);
  index.commitRow(row);
  return row;
}
