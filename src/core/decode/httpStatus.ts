/** HTTP status codes: reason phrase, class, and whether the request counts as a success. */
import { lt, type LocalizedText } from '../fields/lang';
import { STATUS_TEXT } from './httpStatusTable';

/** The class of a status code, or 'invalid' for anything outside 100–599. */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'invalid';

/** A decoded HTTP status. */
export interface HttpStatusInfo {
  /** The value as given, trimmed. */
  readonly raw: string;
  /** The numeric code, or undefined when the value is not a 3-digit code. */
  readonly code: number | undefined;
  readonly statusClass: StatusClass;
  /** Reason phrase, or undefined for codes not registered. */
  readonly text: LocalizedText | undefined;
  /** True for 1xx–3xx: the request was not refused or failed. */
  readonly success: boolean;
  /** What the class means for the request. */
  readonly meaning: LocalizedText;
}

const CLASS_MEANING: Record<StatusClass, LocalizedText> = {
  '1xx': lt('Informational: the request is being processed.', '信息:请求正在处理。'),
  '2xx': lt('Success: the request was handled.', '成功:请求已被处理。'),
  '3xx': lt('Redirection: the client is sent elsewhere.', '重定向:客户端需访问其他位置。'),
  '4xx': lt('Client error: the request was refused (bad request, auth, throttling…).', '客户端错误:请求被拒绝(请求错误、认证、限流等)。'),
  '5xx': lt('Server error: the gateway or the backend failed.', '服务端错误:网关或后端处理失败。'),
  invalid: lt('Not a valid HTTP status code.', '不是有效的 HTTP 状态码。'),
};

/** The class of a numeric status code. */
export function statusClassOf(code: number): StatusClass {
  if (!Number.isInteger(code) || code < 100 || code > 599) return 'invalid';
  return `${Math.floor(code / 100)}xx` as StatusClass;
}

/** Decodes a status code given as a number or string (as logs hold it); never throws. */
export function decodeHttpStatus(value: string | number): HttpStatusInfo {
  const raw = String(value).trim();
  const code = /^\d{3}$/.test(raw) ? Number(raw) : undefined;
  const statusClass = code === undefined ? 'invalid' : statusClassOf(code);
  const valid = statusClass !== 'invalid';
  return {
    raw, code: valid ? code : undefined, statusClass,
    text: valid && code !== undefined ? STATUS_TEXT[code] : undefined,
    success: statusClass === '1xx' || statusClass === '2xx' || statusClass === '3xx',
    meaning: CLASS_MEANING[statusClass],
  };
}
