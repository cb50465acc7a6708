/** Request lookups: over the open access-log documents, and combined with others (fetched logs, engines). */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import type { LogTextCache } from './docCache';
import { summaryFromFields, type RequestLookup, type RequestSummary } from './hoverRequest';
import { LANGUAGE_ID } from './settings';

/** Finds requests in the access-log documents open in the editor (a text search for the ID, then its record). */
export class OpenDocumentsLookup implements RequestLookup {
  constructor(private readonly cache: LogTextCache) {}

  /** Summaries of the records with this request ID, one per open document that holds it. */
  find(requestId: string): Promise<RequestSummary[]> {
    const found: RequestSummary[] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== LANGUAGE_ID) continue;
      const record = this.cache.get(document).findRequest(requestId);
      if (record) found.push(summaryFromFields(record.fields, basename(document.uri.path), document.positionAt(record.start).line));
    }
    return Promise.resolve(found);
  }
}

/** Asks every lookup and joins their answers; a failing lookup answers nothing. */
export function combineLookups(lookups: readonly RequestLookup[]): RequestLookup {
  return {
    async find(requestId: string): Promise<RequestSummary[]> {
      const answers = await Promise.all(lookups.map((l) => l.find(requestId).catch((): RequestSummary[] => [])));
      return answers.flat();
    },
  };
}
