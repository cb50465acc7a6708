/**
 * Hover Markdown for a field name and for a value, built only from escaped text: catalog text and log
 * text alike go through escapeMarkdown / codeSpan / codeBlock.
 */
import { decodeValue, type DecodedValue } from '../core/decode/decodeValue';
import { prettyJson } from '../core/decode/json';
import { describeField, fieldInfo } from '../core/fields/catalog';
import { pick, type Lang } from '../core/fields/lang';
import { label } from './labels';
import { codeBlock, codeSpan, escapeMarkdown } from './markdown';

/** What value cards need besides the value: language, clock and time zone (for tests). */
export interface CardOptions {
  readonly lang: Lang;
  readonly now?: number;
  readonly timeZone?: string;
}

/** The card for a field name: what it is, its kind, both of its names, in the display language. */
export function fieldNameCard(name: string, lang: Lang): string {
  const info = fieldInfo(name, 'log');
  const d = describeField(info, lang);
  const title = `**${escapeMarkdown(info.name, 120)}** — ${escapeMarkdown(d.short)}`;
  const kind = `*${escapeMarkdown(d.kind)}*`;
  const names = info.origin === 'unknown' ? escapeMarkdown(label('unknownField', lang)) : namesLine(info.slsName, info.apiName, lang);
  return [title, `${label('kind', lang)}: ${kind} · ${names}`, escapeMarkdown(d.long, 2000)].join('\n\n');
}

function namesLine(sls: string | undefined, api: string | undefined, lang: Lang): string {
  const none = lang === 'zh' ? '无' : 'none';
  const logService = lang === 'zh' ? '日志服务' : 'Log Service';
  return `${logService}: ${sls ? codeSpan(sls) : none} · QueryRequestLogs: ${api ? codeSpan(api) : none}`;
}

/** The first line of a value card: the field's name and short description. */
export function valueTitle(name: string, lang: Lang): string {
  const info = fieldInfo(name, 'log');
  return `**${escapeMarkdown(info.name, 120)}** — ${escapeMarkdown(pick(info.short, lang))}`;
}

/** The card for a value: its field and the value decoded by the field's kind. */
export function valueCard(name: string, value: string, opts: CardOptions): string {
  const decoded = decodeValue(name, value, { lang: opts.lang, now: opts.now, timeZone: opts.timeZone });
  const body = decoded.empty ? escapeMarkdown(label('empty', opts.lang)) : decodedLines(decoded, opts);
  return [valueTitle(name, opts.lang), body].filter((s) => s !== '').join('\n\n');
}

function decodedLines(d: DecodedValue, opts: CardOptions): string {
  const { lang } = opts;
  const raw = codeSpan(d.raw);
  switch (d.kind) {
    case 'status': {
      const text = d.status.text ? ` **${escapeMarkdown(pick(d.status.text, lang))}**` : '';
      return `${raw}${text} — ${escapeMarkdown(pick(d.status.meaning, lang))}`;
    }
    case 'errorCode': return errorCodeLines(d, lang);
    case 'ms': return `${raw} → **${escapeMarkdown(d.human)}**`;
    case 'bytes': return `${raw} → **${escapeMarkdown(d.size.human)}** (${escapeMarkdown(d.size.binary)}, ${escapeMarkdown(d.size.exact)})`;
    case 'epochMs': case 'epochS': case 'isoTime': return timeLines(d, lang);
    case 'json': return jsonLines(d.raw, lang);
    case 'headers': return `${label('headers', lang)}:\n\n${codeBlock(d.headers.text, 'http')}`;
    case 'id': return raw;
    case 'ip': return ipLine(d, lang);
    case 'enum': return d.meaning ? `${raw} — ${escapeMarkdown(pick(d.meaning, lang))}` : raw;
    case 'text': return textLines(d.raw, lang);
  }
}

function errorCodeLines(d: Extract<DecodedValue, { kind: 'errorCode' }>, lang: Lang): string {
  const e = d.error;
  const lines = [`${codeSpan(d.raw)} — ${escapeMarkdown(pick(e.meaning, lang))}`];
  if (e.template) lines.push(`X-Ca-Error-Message: ${codeSpan(e.template)}`);
  return lines.join('\n\n');
}

function timeLines(d: Extract<DecodedValue, { kind: 'epochMs' | 'epochS' | 'isoTime' }>, lang: Lang): string {
  const t = d.time;
  if (!t.valid) return `${codeSpan(d.raw)} — ${escapeMarkdown(label('unreadableTime', lang))}`;
  return [
    `${codeSpan(d.raw)}`,
    `- ${label('utc', lang)}: ${codeSpan(t.utc)}`,
    `- ${label('local', lang)}: ${codeSpan(t.local)} (${escapeMarkdown(t.timeZone)})`,
    `- ${label('relative', lang)}: ${escapeMarkdown(t.relative)}`,
  ].join('\n');
}

function jsonLines(raw: string, lang: Lang): string {
  const pretty = prettyJson(raw);
  if (!pretty.ok) return `${escapeMarkdown(label('notJson', lang))}\n\n${codeBlock(raw)}`;
  const note = pretty.unwrapped > 0 ? `${escapeMarkdown(label('unwrapped', lang))}\n\n` : '';
  return `${note}${codeBlock(pretty.text, 'json')}`;
}

function ipLine(d: Extract<DecodedValue, { kind: 'ip' }>, lang: Lang): string {
  const parts = [d.ip.version ? `IPv${d.ip.version}` : '', d.ip.scope ?? '', d.ip.masked ? label('masked', lang) : ''].filter(Boolean);
  return parts.length > 0 ? `${codeSpan(d.raw)} — ${escapeMarkdown(parts.join(', '))}` : codeSpan(d.raw);
}

function textLines(raw: string, lang: Lang): string {
  const trimmed = raw.trim();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && prettyJson(raw).ok) return jsonLines(raw, lang);
  if (raw.length <= 80 && !/[\r\n]/.test(raw)) return codeSpan(raw);
  return codeBlock(raw);
}
