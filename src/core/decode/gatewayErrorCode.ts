/** Gateway error codes (errorCode / X-Ca-Error-Code): from the table, or decoded from their shape. */
import { lt, type LocalizedText } from '../fields/lang';
import { decodeHttpStatus } from './httpStatus';
import { CLASS_LETTERS, GATEWAY_ERROR_TABLE, REASON_LETTERS } from './gatewayErrorTable';

/**
 * How an errorCode value reads: 'success' ("OK"), 'fromBackend' (empty: the status came from the
 * backend), 'gatewayError' (a six-character code), 'unrecognized' (anything else).
 */
export type GatewayErrorOutcome = 'success' | 'fromBackend' | 'gatewayError' | 'unrecognized';

/** A decoded gateway error code. */
export interface GatewayErrorInfo {
  readonly raw: string;
  /** Trimmed and upper-cased. */
  readonly code: string;
  readonly outcome: GatewayErrorOutcome;
  /** 'table' when the code is listed, 'shape' when decoded from its letters, undefined otherwise. */
  readonly source: 'table' | 'shape' | undefined;
  /** True only for codes the official docs explain. */
  readonly confirmed: boolean;
  readonly classLetter: string | undefined;
  readonly category: LocalizedText | undefined;
  readonly httpStatus: number | undefined;
  readonly reasonLetters: string | undefined;
  readonly reason: LocalizedText | undefined;
  /** The X-Ca-Error-Message template from the docs, where known. */
  readonly template: string | undefined;
  /** One sentence saying what the value means. */
  readonly meaning: LocalizedText;
}

const CODE_SHAPE = /^([A-Z])(\d{3})([A-Z0-9]{2})$/;
const EMPTY_VALUES = new Set(['', '-', 'NULL']);

/** Decodes any errorCode value; never throws. */
export function decodeGatewayErrorCode(value: string): GatewayErrorInfo {
  const raw = String(value);
  const code = raw.trim().toUpperCase();
  if (code === 'OK') return plain(raw, code, 'success', lt('No gateway error: the request passed the gateway.', '无网关错误:请求已通过网关。'));
  if (EMPTY_VALUES.has(code)) {
    return plain(raw, code, 'fromBackend', lt('No gateway error code: the HTTP status came from the backend.', '无网关错误码:HTTP 状态码来自后端。'));
  }
  const m = CODE_SHAPE.exec(code);
  if (!m) return plain(raw, code, 'unrecognized', lt('Not a six-character gateway error code.', '不是六位网关错误码。'));
  return fromShape(raw, code, m[1], Number(m[2]), m[3]);
}

function plain(raw: string, code: string, outcome: GatewayErrorOutcome, meaning: LocalizedText): GatewayErrorInfo {
  return {
    raw, code, outcome, source: undefined, confirmed: false, classLetter: undefined, category: undefined,
    httpStatus: undefined, reasonLetters: undefined, reason: undefined, template: undefined, meaning,
  };
}

function fromShape(raw: string, code: string, letter: string, status: number, reasonLetters: string): GatewayErrorInfo {
  const entry = Object.hasOwn(GATEWAY_ERROR_TABLE, code) ? GATEWAY_ERROR_TABLE[code] : undefined;
  const category = Object.hasOwn(CLASS_LETTERS, letter) ? CLASS_LETTERS[letter] : undefined;
  const reason = entry?.reason ?? (Object.hasOwn(REASON_LETTERS, reasonLetters) ? REASON_LETTERS[reasonLetters] : undefined);
  const info = {
    raw, code, outcome: 'gatewayError' as const, source: entry ? 'table' as const : 'shape' as const,
    confirmed: entry?.confirmed ?? false, classLetter: letter, category, httpStatus: status, reasonLetters,
    reason, template: entry?.template,
  };
  return { ...info, meaning: meaningOf(info) };
}

function meaningOf(i: { code: string; category?: LocalizedText; httpStatus: number; reason?: LocalizedText; confirmed: boolean }): LocalizedText {
  const st = decodeHttpStatus(i.httpStatus).text;
  const status = `HTTP ${i.httpStatus}${st ? ` ${st.en}` : ''}`;
  const statusZh = `HTTP ${i.httpStatus}${st ? ` ${st.zh}` : ''}`;
  const cat = i.category ?? lt('unknown class', '未知类别');
  const reason = i.reason ? lt(`: ${i.reason.en}`, `:${i.reason.zh}`) : lt('', '');
  const tail = i.confirmed ? lt('', '') : lt(' (unconfirmed)', '(未确认)');
  return lt(
    `Gateway error ${i.code}, ${cat.en}, ${status}${reason.en}${tail.en}.`,
    `网关错误 ${i.code},${cat.zh},${statusZh}${reason.zh}${tail.zh}。`,
  );
}
