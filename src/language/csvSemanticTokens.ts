/** Semantic tokens for CSV access logs: data cells coloured by their header's field (range-limited for big files). */
import * as vscode from 'vscode';
import { csvTokenType } from './csvTokens';
import type { LogTextCache } from './docCache';
import { SEMANTIC_TYPE_IDS } from './semanticTypes';

/** The legend: the extension's token types, no modifiers. */
export const CSV_TOKEN_LEGEND = new vscode.SemanticTokensLegend([...SEMANTIC_TYPE_IDS], []);

/** Colours the cells of the requested range only; JSON documents get no semantic tokens. */
export class CsvSemanticTokensProvider implements vscode.DocumentRangeSemanticTokensProvider {
  constructor(private readonly cache: LogTextCache) {}

  /** Tokens for the records overlapping the range. */
  provideDocumentRangeSemanticTokens(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(CSV_TOKEN_LEGEND);
    const text = this.cache.get(document);
    if (text.shape.kind !== 'csv') return builder.build();
    const columns = text.columns();
    for (const record of text.csvRecordsIn(document.offsetAt(range.start), document.offsetAt(range.end))) {
      if (token.isCancellationRequested) break;
      record.cells.forEach((cell, i) => {
        const type = columns[i] ? csvTokenType(columns[i], cell.value) : undefined;
        if (!type || cell.end <= cell.start) return;
        const start = document.positionAt(cell.start);
        const end = document.positionAt(cell.end);
        if (start.line === end.line) builder.push(start.line, start.character, end.character - start.character, SEMANTIC_TYPE_IDS.indexOf(type), 0);
      });
    }
    return builder.build();
  }
}
