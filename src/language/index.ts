/** Language support for access logs: recognition, CSV semantic tokens, hovers, and request-ID hovers in any file. */
import * as vscode from 'vscode';
import { AutoDetector } from './autoDetect';
import { registerLanguageCommands } from './commands';
import { CSV_TOKEN_LEGEND, CsvSemanticTokensProvider } from './csvSemanticTokens';
import { LogTextCache } from './docCache';
import { FetchedLogsLookup } from './fetchedLookup';
import type { RequestLookup } from './hoverRequest';
import { LogHoverProvider } from './logHoverProvider';
import { RequestIdHoverProvider } from './requestIdHover';
import { OpenDocumentsLookup, combineLookups } from './requestLookup';
import { LANGUAGE_ID } from './settings';

export type { RequestLookup, RequestSummary } from './hoverRequest';

/** What the wiring can add: more places to look requests up (engines of open log explorers, …). */
export interface LanguageServices {
  readonly lookups?: readonly RequestLookup[];
}

/** Registers every language feature; the Disposable undoes all of it. */
export function registerLanguage(context: vscode.ExtensionContext, services: LanguageServices = {}): vscode.Disposable {
  void context;
  const cache = new LogTextCache();
  const lookup = combineLookups([new OpenDocumentsLookup(cache), new FetchedLogsLookup(), ...(services.lookups ?? [])]);
  const logSelector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  return vscode.Disposable.from(
    cache,
    new AutoDetector(),
    registerLanguageCommands(cache),
    vscode.languages.registerHoverProvider(logSelector, new LogHoverProvider(cache, lookup)),
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new RequestIdHoverProvider(lookup)),
    vscode.languages.registerDocumentRangeSemanticTokensProvider(logSelector, new CsvSemanticTokensProvider(cache), CSV_TOKEN_LEGEND),
  );
}
