/**
 * Success and failure, and status classes. A request FAILED when its HTTP status is 400 or above, or
 * when the gateway recorded an error code other than "OK" (codes are empty or "OK" on success).
 * Everything else (including rows with neither a status nor an error code) counts as a success.
 */
import type { LogIndex } from '../index/store';
import { gatherCodes, gatherNumeric } from './rowData';

/** HTTP status classes in reports; "other" holds 1xx, odd values and missing statuses. */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx', 'other'] as const;

/** One status class. */
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Index in STATUS_CLASSES of a status (NaN = missing → "other"). */
export function statusClassIndex(status: number): number {
  if (status >= 200 && status < 600) return Math.floor(status / 100) - 2;
  return 4;
}

/** True for a gateway error code that marks a failure (anything but empty and "OK"). */
export function isFailureCode(code: string): boolean {
  return code !== '' && code.toUpperCase() !== 'OK';
}

/** True when a request with this status and error code failed. */
export function isFailure(status: number, errorCode: string): boolean {
  return status >= 400 || isFailureCode(errorCode);
}

/** 1 at each position whose request failed. */
export function failureFlags(index: LogIndex, rows: Uint32Array | undefined, status = gatherNumeric(index, 'status', rows)): Uint8Array {
  const dict = index.dict('errorCode');
  const failingCode = new Uint8Array(dict.values.length);
  for (let c = 1; c < failingCode.length; c++) failingCode[c] = isFailureCode(dict.values[c]) ? 1 : 0;
  const codes = gatherCodes(index, 'errorCode', rows);
  const out = new Uint8Array(status.length);
  for (let j = 0; j < out.length; j++) out[j] = status[j] >= 400 || failingCode[codes[j]] === 1 ? 1 : 0;
  return out;
}
