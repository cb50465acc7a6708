/**
 * Fetched request logs as one JSON-lines file in the extension's storage, so the tree builds them
 * through the same engine as any log: rewritten whenever a log is fetched (the engine registry sees
 * the rewrite and re-indexes; the file is small).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/** The part of the fetched-logs store the tree reads. */
export interface FetchedStore {
  all(): readonly { readonly requestId: string; readonly logs: readonly Record<string, unknown>[]; readonly uri: vscode.Uri }[];
  readonly onDidFetch: vscode.Event<unknown>;
}

/** The fetched-logs file; `write()` brings it up to date with the store. */
export class FetchedLogsFile {
  /** Where the file is. */
  readonly file: string;

  constructor(private readonly store: FetchedStore, storageDir: string) {
    this.file = path.join(storageDir, 'fetched-request-logs.apigw.jsonl');
  }

  /** Number of fetched requests. */
  get count(): number {
    return this.store.all().length;
  }

  /** Writes every fetched record, one JSON object a line (atomically: a reader never sees half a file). */
  async write(): Promise<void> {
    const lines = this.store.all().flatMap((entry) => entry.logs.map((record) => JSON.stringify(record)));
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    await fs.promises.writeFile(partial, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    await fs.promises.rename(partial, this.file);
  }

  /** The document showing a fetched request (by ID, any case), if it is in the store. */
  documentOf(requestId: string): vscode.Uri | undefined {
    const id = requestId.trim().toUpperCase();
    return this.store.all().find((entry) => entry.requestId.toUpperCase() === id)?.uri;
  }
}
