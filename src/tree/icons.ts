/**
 * Which codicon and theme colour each node of the requests tree gets: status classes have their own
 * colours (green 2xx, blue 3xx, orange 4xx, red 5xx), error codes follow the status they stand for.
 * Pure (ids only); the provider turns them into ThemeIcons.
 */
import type { DictColumn } from '../core/fields/ids';
import { decodeGatewayErrorCode } from '../core/decode/gatewayErrorCode';
import { decodeHttpStatus, type StatusClass } from '../core/decode/httpStatus';

/** A codicon id and an optional theme colour id. */
export interface IconSpec {
  readonly id: string;
  readonly color?: string;
}

const BY_CLASS: Record<StatusClass, IconSpec> = {
  '1xx': { id: 'info', color: 'charts.purple' },
  '2xx': { id: 'pass', color: 'testing.iconPassed' },
  '3xx': { id: 'arrow-right', color: 'charts.blue' },
  '4xx': { id: 'warning', color: 'editorWarning.foreground' },
  '5xx': { id: 'error', color: 'errorForeground' },
  invalid: { id: 'question', color: 'disabledForeground' },
};

/** The icon of a status class. */
export function statusClassIcon(statusClass: StatusClass): IconSpec {
  return BY_CLASS[statusClass];
}

/** The icon of a status code value ('' or junk → the "invalid" icon). */
export function statusIcon(value: string | number | undefined): IconSpec {
  return statusClassIcon(decodeHttpStatus(value ?? '').statusClass);
}

/** The icon of a gateway error code: passed for none/OK, else the class of the status it implies. */
export function errorCodeIcon(value: string): IconSpec {
  const info = decodeGatewayErrorCode(value);
  if (info.outcome === 'success' || info.outcome === 'fromBackend') return BY_CLASS['2xx'];
  if (info.httpStatus !== undefined && info.httpStatus < 500) return BY_CLASS['4xx'];
  return BY_CLASS['5xx'];
}

/** The icon of a group node. API and group levels turn orange/red when some/most of their requests failed. */
export function groupIcon(column: DictColumn, value: string, failures: number, count: number): IconSpec {
  if (column === 'statusCode') return statusIcon(value);
  if (column === 'errorCode') return errorCodeIcon(value);
  const id = column === 'apiGroupName' ? 'symbol-namespace' : 'symbol-method';
  if (failures === 0 || count === 0) return { id };
  return { id, color: failures * 2 >= count ? 'errorForeground' : 'editorWarning.foreground' };
}

/** The icon of a request: a dot in the colour of its status class (red when the gateway flagged an error). */
export function requestIcon(statusCode: string | number | undefined, errorCode: string | undefined): IconSpec {
  const byStatus = statusIcon(statusCode);
  const flagged = errorCode !== undefined && errorCode !== '' && errorCode.toUpperCase() !== 'OK';
  const color = flagged && byStatus === BY_CLASS['2xx'] ? errorCodeIcon(errorCode).color : byStatus.color;
  return { id: 'circle-filled', color };
}
