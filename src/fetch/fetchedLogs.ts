/** Request logs fetched in this session, by request ID: read by the hover and the tree, announced when added. */
import * as vscode from 'vscode';

/** One fetched request log. */
export interface FetchedLog {
  /** The request ID asked for (upper case). */
  readonly requestId: string;
  readonly region: string;
  readonly fetchedAt: Date;
  /** The RequestLog objects as returned (PascalCase QueryRequestLogs field names). */
  readonly logs: readonly Record<string, unknown>[];
  /** The whole QueryRequestLogs answer ({RequestId, RequestLogs: {RequestLog: […]}}). */
  readonly response: Readonly<Record<string, unknown>>;
  /** The read-only document showing it (scheme apigw-log). */
  readonly uri: vscode.Uri;
}

/** An in-memory store of fetched logs with an event; bounded to the most recent entries. */
export class FetchedLogs implements vscode.Disposable {
  private readonly byId = new Map<string, FetchedLog>();
  private readonly _onDidFetch = new vscode.EventEmitter<FetchedLog>();
  /** Fires after a log is added (or replaced by a newer fetch of the same ID). */
  readonly onDidFetch: vscode.Event<FetchedLog> = this._onDidFetch.event;

  constructor(private readonly capacity = 200) {}

  /** Adds or replaces the log of a request ID and fires onDidFetch. */
  add(entry: FetchedLog): void {
    const key = entry.requestId.toUpperCase();
    this.byId.delete(key);
    this.byId.set(key, entry);
    while (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value!);
    this._onDidFetch.fire(entry);
  }

  /** The fetched log of a request ID (any case), if any. */
  get(requestId: string): FetchedLog | undefined {
    return this.byId.get(requestId.trim().toUpperCase());
  }

  /** Every fetched log, oldest first. */
  all(): FetchedLog[] {
    return [...this.byId.values()];
  }

  /** The fetched log shown in a document of the apigw-log scheme, if any. */
  forUri(uri: vscode.Uri): FetchedLog | undefined {
    return this.all().find((entry) => entry.uri.toString() === uri.toString());
  }

  /** Forgets every entry (no event). */
  clear(): void {
    this.byId.clear();
  }

  dispose(): void {
    this._onDidFetch.dispose();
  }
}

/** The extension's single store. */
export const fetchedLogs = new FetchedLogs();
