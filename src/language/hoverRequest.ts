/** Hover Markdown for request IDs: a summary of the request and links to the extension's own commands. */
import { isRequestId, normalizeRequestId } from '../core/decode/requestId';
import { canonicalFieldId, type FieldId } from '../core/fields/ids';
import type { Lang } from '../core/fields/lang';
import { label } from './labels';
import { codeSpan, escapeMarkdown, requestCommandLink } from './markdown';

/** What is known about one request, from one source (an open log or a fetched log). */
export interface RequestSummary {
  readonly requestId: string;
  /** Where it was found, for people: a file name or "fetched (cn-hangzhou)". */
  readonly source: string;
  /** 0-based line in that source, when it is a document. */
  readonly line?: number;
  readonly time?: string;
  readonly apiName?: string;
  readonly httpMethod?: string;
  readonly path?: string;
  readonly statusCode?: string;
  readonly errorCode?: string;
  readonly totalLatency?: string;
}

/** Finds what is known about a request ID; implemented over open documents, fetched logs or engines. */
export interface RequestLookup {
  find(requestId: string): Promise<RequestSummary[]>;
}

const SUMMARY_FIELDS: Partial<Record<FieldId, keyof RequestSummary>> = {
  requestHandleTime: 'time', apiName: 'apiName', httpMethod: 'httpMethod', path: 'path',
  statusCode: 'statusCode', errorCode: 'errorCode', totalLatency: 'totalLatency',
};

/** A summary of a record's fields (either naming scheme); `__time__` stands in for a missing request time. */
export function summaryFromFields(fields: Readonly<Record<string, unknown>>, source: string, line?: number): RequestSummary {
  const out: Record<string, string | number> = { requestId: '', source };
  let epochSeconds: string | undefined;
  for (const [key, value] of Object.entries(fields)) {
    const id = canonicalFieldId(key);
    const text = value === null || value === undefined ? '' : String(value);
    if (id === 'requestId') out.requestId = normalizeRequestId(text);
    else if (id === '__time__') epochSeconds = text;
    else if (id && SUMMARY_FIELDS[id] && text !== '') out[SUMMARY_FIELDS[id]] = text;
  }
  if (out.time === undefined && epochSeconds && /^\d+$/.test(epochSeconds)) out.time = new Date(Number(epochSeconds) * 1000).toISOString().replace('.000Z', 'Z');
  if (line !== undefined) out.line = line;
  return out as unknown as RequestSummary;
}

/** One summary as Markdown list lines (all values escaped). */
export function summaryLines(s: RequestSummary, lang: Lang): string[] {
  const lines: string[] = [];
  if (s.time) lines.push(`- ${label('time', lang)}: ${codeSpan(s.time)}`);
  const call = [s.httpMethod, s.path].filter(Boolean).join(' ');
  if (s.apiName || call) lines.push(`- ${label('api', lang)}: ${[s.apiName && `**${escapeMarkdown(s.apiName, 120)}**`, call && codeSpan(call)].filter(Boolean).join(' ')}`);
  const outcome = [s.statusCode && codeSpan(s.statusCode), s.errorCode && `${escapeMarkdown(label('errorCode', lang))} ${codeSpan(s.errorCode)}`].filter(Boolean);
  if (outcome.length > 0) lines.push(`- ${label('status', lang)}: ${outcome.join(' · ')}`);
  if (s.totalLatency) lines.push(`- ${label('latency', lang)}: ${codeSpan(s.totalLatency)} ms`);
  return lines;
}

/** The row of command links for a request ID (empty when the ID is not UUID-shaped). */
export function requestLinks(requestId: string, lang: Lang): string {
  return [
    requestCommandLink(label('revealTree', lang), 'apigwLogs.revealRequest', requestId),
    requestCommandLink(label('revealExplorer', lang), 'apigwLogs.revealInExplorer', requestId),
    requestCommandLink(label('fetchLog', lang), 'apigwLogs.fetchRequestLog', requestId),
  ].filter(Boolean).join(' · ');
}

function title(requestId: string, lang: Lang): string {
  return `**${escapeMarkdown(label('requestId', lang))}** ${codeSpan(requestId)}`;
}

/** The card for a requestId value in a log: the record's summary and the links. */
export function requestIdCard(requestId: string, record: RequestSummary | undefined, lang: Lang): string {
  if (!isRequestId(requestId)) return codeSpan(requestId);
  const parts = [title(requestId, lang)];
  if (record) parts.push(summaryLines(record, lang).join('\n'));
  parts.push(requestLinks(requestId, lang));
  return parts.filter(Boolean).join('\n\n');
}

/** The card for an initialRequestId value: the calling request, where it is in this file, and links. */
export function initialRequestCard(requestId: string, inFile: RequestSummary | undefined, lang: Lang): string {
  if (!isRequestId(requestId)) return codeSpan(requestId);
  const parts = [title(requestId, lang), escapeMarkdown(label('initialRequest', lang))];
  if (inFile) {
    const where = lang === 'zh' ? `${label('inFileAt', lang)} ${(inFile.line ?? 0) + 1} 行` : `${label('inFileAt', lang)} ${(inFile.line ?? 0) + 1}`;
    parts.push(`${escapeMarkdown(where)}: ${requestCommandLink(label('goToRequest', lang), 'apigwLogs.goToRequest', requestId)}`);
    parts.push(summaryLines(inFile, lang).join('\n'));
  } else {
    parts.push(`*${escapeMarkdown(label('notInFile', lang))}*`);
  }
  parts.push(requestLinks(requestId, lang));
  return parts.filter(Boolean).join('\n\n');
}

/** The card for a request ID hovered in any file: what open and fetched logs know, and links. */
export function anyFileRequestCard(requestId: string, known: readonly RequestSummary[], lang: Lang): string {
  if (!isRequestId(requestId)) return '';
  const parts = [title(normalizeRequestId(requestId), lang)];
  if (known.length === 0) parts.push(escapeMarkdown(label('notKnown', lang)));
  for (const s of known.slice(0, 3)) {
    const where = s.line !== undefined ? `${s.source}:${s.line + 1}` : s.source;
    parts.push(`${label('knownFrom', lang)} ${codeSpan(where)}\n\n${summaryLines(s, lang).join('\n')}`);
  }
  if (known.length > 3) parts.push(escapeMarkdown(`+${known.length - 3} ${label('more', lang)}`));
  parts.push(requestLinks(normalizeRequestId(requestId), lang));
  return parts.join('\n\n');
}
