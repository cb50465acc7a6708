/**
 * Text of the requests tree's nodes: group labels and descriptions, request labels, tooltips and the
 * status icons' colours. Pure functions (no 'vscode'), so they are unit-tested in plain Node.
 * Values come from the log (hostile): they are only ever used as plain text, cleaned of control
 * characters and shortened.
 */
import { format } from 'date-fns';
import type { DictColumn } from '../core/fields/ids';
import { decodeGatewayErrorCode } from '../core/decode/gatewayErrorCode';
import { decodeHttpStatus } from '../core/decode/httpStatus';
import { formatLatency } from '../core/decode/latency';

/** What a group node shows of its group. */
export interface GroupFigures {
  readonly column: DictColumn;
  readonly value: string;
  readonly count: number;
  readonly failures: number;
  readonly p95: number;
}

/** The fields of one request the tree shows (a subset of the engine's row summary). */
export interface RequestFigures {
  readonly row: number;
  readonly line: number;
  readonly time?: number;
  readonly requestId?: string;
  readonly httpMethod?: string;
  readonly path?: string;
  readonly statusCode?: string | number;
  readonly errorCode?: string;
  readonly totalLatency?: number;
  readonly apiName?: string;
  readonly apiGroupName?: string;
}

/** The longest value shown in a label; longer ones end with an ellipsis. */
export const MAX_LABEL_CHARS = 120;

const MISSING: Partial<Record<DictColumn, string>> = {
  apiName: '(no API name)', apiGroupName: '(no group)', statusCode: '(no status)', errorCode: '(no error code)',
};

// C0/C1 controls, bidi overrides/isolates, zero-width characters and line/paragraph separators.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]+/g;

/** Log text made safe to show on one line: control and invisible characters become spaces, long text is cut. */
export function cleanText(value: string, max = MAX_LABEL_CHARS): string {
  const oneLine = value.replace(INVISIBLE, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** A group's label: the value, with the reason phrase for a status code ("404 Not Found"). */
export function groupLabel(column: DictColumn, value: string): string {
  if (value === '') return MISSING[column] ?? '(none)';
  if (column === 'statusCode') {
    const status = decodeHttpStatus(value);
    return status.text ? `${cleanText(value)} ${status.text.en}` : cleanText(value);
  }
  return cleanText(value);
}

/** A group's description: "42 · p95 845 ms · 3 failed" (p95 left out when unknown). */
export function groupDescription(group: GroupFigures): string {
  const parts = [countText(group.count)];
  if (Number.isFinite(group.p95)) parts.push(`p95 ${formatLatency(group.p95)}`);
  if (group.failures > 0 && !allFailedByDefinition(group)) parts.push(`${countText(group.failures)} failed`);
  return parts.join(' · ');
}

/** Status and error-code groups whose every request failed need no "n failed": the icon says so. */
function allFailedByDefinition(group: GroupFigures): boolean {
  return group.failures === group.count && (group.column === 'statusCode' || group.column === 'errorCode');
}

/** A count with thousands separators ("1,234,567"). */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** A group's tooltip, in plain text. */
export function groupTooltip(group: GroupFigures): string {
  const lines = [`${columnTitle(group.column)}: ${groupLabel(group.column, group.value)}`, `${countText(group.count)} requests`];
  if (group.failures > 0) lines.push(`${countText(group.failures)} failed (${percentText(group.failures, group.count)})`);
  lines.push(`p95 total latency: ${formatLatency(group.p95)}`);
  if (group.column === 'errorCode' && group.value !== '') lines.push(decodeGatewayErrorCode(group.value).meaning.en);
  if (group.column === 'statusCode') lines.push(decodeHttpStatus(group.value).meaning.en);
  return lines.join('\n');
}

function percentText(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '—';
}

/** Human names of the columns the tree groups by. */
export function columnTitle(column: DictColumn): string {
  const titles: Partial<Record<DictColumn, string>> = { apiName: 'API', apiGroupName: 'Group', statusCode: 'Status', errorCode: 'Error code' };
  return titles[column] ?? column;
}

/** A request's local time of day, "10:21:03" (".123" when it has milliseconds), or '' when unknown. */
export function timeText(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  return format(epochMs, epochMs % 1000 === 0 ? 'HH:mm:ss' : 'HH:mm:ss.SSS');
}

/** A request's full local time, "2024-05-01 10:21:03.123", or '' when unknown. */
export function dateTimeText(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  return format(epochMs, 'yyyy-MM-dd HH:mm:ss.SSS');
}

/** A request's label: "10:21:03.123 GET /pay/v2/payments/1" (the date is in the tooltip). */
export function requestLabel(request: RequestFigures): string {
  const parts = [timeText(request.time), cleanText(request.httpMethod ?? '', 10), cleanText(request.path ?? '')];
  const label = parts.filter((p) => p !== '').join(' ');
  return label === '' ? `line ${request.line}` : label;
}

/** A request's description: "845 ms · X403AS" (error code only when it marks a failure). */
export function requestDescription(request: RequestFigures): string {
  const parts: string[] = [];
  if (request.totalLatency !== undefined && Number.isFinite(request.totalLatency)) parts.push(formatLatency(request.totalLatency));
  const code = request.errorCode ?? '';
  if (code !== '' && code.toUpperCase() !== 'OK') parts.push(cleanText(code, 24));
  return parts.join(' · ');
}

/** A request's tooltip, in plain text. */
export function requestTooltip(request: RequestFigures): string {
  const lines = [
    `Request ID: ${cleanText(request.requestId ?? '') || '—'}`,
    `${dateTimeText(request.time)}${request.time !== undefined ? ' · ' : ''}line ${request.line}`,
    `${cleanText(request.httpMethod ?? '', 10)} ${cleanText(request.path ?? '', 400)}`.trim(),
    `Status: ${cleanText(String(request.statusCode ?? '')) || '—'}${request.errorCode ? ` · error code ${cleanText(request.errorCode, 24)}` : ''}`,
    `Total latency: ${formatLatency(request.totalLatency ?? NaN)}`,
  ];
  return lines.filter((l) => l !== '').join('\n');
}
