/** Hovers on request IDs in any file: only the text under the cursor is examined, then open and fetched logs are asked. */
import * as vscode from 'vscode';
import { isRequestId } from '../core/decode/requestId';
import { anyFileRequestCard, type RequestLookup, type RequestSummary } from './hoverRequest';
import { hoverMarkdownString } from './markdownString';
import { LANGUAGE_ID, displayLang } from './settings';

const UUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/;
const LOOKUP_TIMEOUT_MS = 1500;

function glued(line: string, range: vscode.Range): boolean {
  const before = line[range.start.character - 1] ?? '';
  const after = line[range.end.character] ?? '';
  return /[0-9A-Za-z-]/.test(before) || /[0-9A-Za-z-]/.test(after);
}

function withTimeout(lookup: Promise<RequestSummary[]>): Promise<RequestSummary[]> {
  return Promise.race([lookup.catch(() => []), new Promise<RequestSummary[]>((resolve) => setTimeout(() => resolve([]), LOOKUP_TIMEOUT_MS))]);
}

/** The request-ID card for the UUID under the cursor, or undefined when there is none. */
export async function requestIdHoverAt(
  document: vscode.TextDocument, position: vscode.Position, lookup: RequestLookup, token: vscode.CancellationToken,
): Promise<vscode.Hover | undefined> {
  const range = document.getWordRangeAtPosition(position, UUID);
  if (!range || range.start.line !== range.end.line) return undefined;
  const id = document.getText(range);
  if (!isRequestId(id) || glued(document.lineAt(range.start.line).text, range)) return undefined;
  const known = await withTimeout(lookup.find(id));
  if (token.isCancellationRequested) return undefined;
  return new vscode.Hover(hoverMarkdownString(anyFileRequestCard(id, known, displayLang())), range);
}

/** The hover provider for request IDs in files of every other language. */
export class RequestIdHoverProvider implements vscode.HoverProvider {
  constructor(private readonly lookup: RequestLookup) {}

  /** The request-ID card, except in access-log documents (their own provider covers IDs). */
  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.ProviderResult<vscode.Hover> {
    if (document.languageId === LANGUAGE_ID) return undefined;
    return requestIdHoverAt(document, position, this.lookup, token);
  }
}
