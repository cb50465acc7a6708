/** Hovers in access-log documents: field names, decoded values, timing waterfalls and request IDs. */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { LogTextCache } from './docCache';
import { hoverMarkdown, type HoverContext } from './hoverCompose';
import { summaryFromFields } from './hoverRequest';
import { hoverMarkdownString } from './markdownString';
import { rankOf } from './ranking';
import { displayLang } from './settings';
import { requestIdHoverAt } from './requestIdHover';
import type { RequestLookup } from './hoverRequest';

/** The hover provider registered for the access-log language. */
export class LogHoverProvider implements vscode.HoverProvider {
  constructor(private readonly cache: LogTextCache, private readonly lookup: RequestLookup) {}

  /** The card for the field under the cursor, or for a request ID outside any field. */
  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.ProviderResult<vscode.Hover> {
    const text = this.cache.get(document);
    const hit = text.hitAt(document.offsetAt(position));
    if (!hit) return requestIdHoverAt(document, position, this.lookup, token);
    const source = basename(document.uri.path);
    const ctx: HoverContext = {
      lang: displayLang(),
      source,
      recordLine: document.positionAt(hit.record.start).line,
      rank: () => rankOf(this.cache.rankIndex(document), hit.record),
      findInDocument: (id) => {
        const record = text.findRequest(id);
        return record && summaryFromFields(record.fields, source, document.positionAt(record.start).line);
      },
    };
    const range = new vscode.Range(document.positionAt(hit.start), document.positionAt(Math.max(hit.start, hit.end)));
    return new vscode.Hover(hoverMarkdownString(hoverMarkdown(hit, ctx)), range);
  }
}
