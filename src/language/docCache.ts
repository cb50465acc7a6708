/** Per-document parses for hovers and tokens: one LogText (and rank index) per document version. */
import * as vscode from 'vscode';
import { LogText } from './logText';
import { buildRankIndex, type RankIndex } from './ranking';

interface Entry {
  readonly version: number;
  readonly text: LogText;
  rank?: RankIndex | null;
}

/** Caches the parse of each open access-log document, dropped when it changes or closes. */
export class LogTextCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.entries.delete(e.document.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
    ];
  }

  private entry(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version, text: new LogText(document.getText()) };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** The document's text, parsed lazily. */
  get(document: vscode.TextDocument): LogText {
    return this.entry(document).text;
  }

  /** The document's records in a core index for latency ranks; undefined when it is too large. */
  rankIndex(document: vscode.TextDocument): RankIndex | undefined {
    const entry = this.entry(document);
    if (entry.rank === undefined) entry.rank = buildRankIndex(entry.text) ?? null;
    return entry.rank ?? undefined;
  }

  /** Stops listening and forgets every parse. */
  dispose(): void {
    this.entries.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
