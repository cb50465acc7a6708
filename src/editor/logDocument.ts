/**
 * One log file opened in the explorer: owns its engine (indexing in a worker), reports progress, and in
 * follow mode watches the file and appends what was added. Several webviews may share one document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileSummary } from '../shared/protocol';
import type { ExplorerEngine } from './engineApi';
import { openEngine, type OpenedEngine } from './engineFactory';

/** Indexing progress as the webview shows it. */
export interface DocumentProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly records: number;
}

/** The explorer's document. */
export class LogDocument implements vscode.CustomDocument {
  private readonly _onProgress = new vscode.EventEmitter<DocumentProgress>();
  /** Indexing progress (throttled by the engine). */
  readonly onProgress = this._onProgress.event;
  private readonly _onIndexed = new vscode.EventEmitter<FileSummary>();
  /** Indexing finished. */
  readonly onIndexed = this._onIndexed.event;
  private readonly _onGrew = new vscode.EventEmitter<FileSummary>();
  /** Follow mode appended records. */
  readonly onGrew = this._onGrew.event;
  private readonly _onFailed = new vscode.EventEmitter<string>();
  /** Indexing failed. */
  readonly onFailed = this._onFailed.event;
  private readonly _onFollowChanged = new vscode.EventEmitter<boolean>();
  /** Follow mode was turned on or off. */
  readonly onFollowChanged = this._onFollowChanged.event;
  private watcher: fs.FSWatcher | undefined;
  private appending: Promise<void> | undefined;
  private appendAgain = false;
  private failure: string | undefined;
  private complete = false;

  private constructor(readonly uri: vscode.Uri, private readonly opened: OpenedEngine) {
    opened.onProgress((p) => this._onProgress.fire(p));
    opened.ready.then(() => {
      this.complete = true;
      this._onIndexed.fire(this.summary());
    }, (e: unknown) => {
      this.failure = e instanceof Error ? e.message : String(e);
      this._onFailed.fire(this.failure);
    });
  }

  /** Opens `uri` and starts indexing it in a worker. */
  static async open(uri: vscode.Uri, workerPath: string, tempDir: string): Promise<LogDocument> {
    if (uri.scheme !== 'file') throw new Error(`The log explorer reads files on disk only (got ${uri.scheme}:).`);
    return new LogDocument(uri, await openEngine(uri.fsPath, { workerPath, tempDir }));
  }

  /** The engine (usable while indexing: it answers over what is indexed so far). */
  get engine(): ExplorerEngine {
    return this.opened.engine;
  }

  /** The indexing error, if indexing failed. */
  get failed(): string | undefined {
    return this.failure;
  }

  /** True while the file is watched and appended to. */
  get following(): boolean {
    return this.watcher !== undefined;
  }

  /** What the webview shows about the file now. */
  summary(): FileSummary {
    const s = this.opened.engine.summary();
    const timeRange = s.timeRange ? { from: s.timeRange[0], to: s.timeRange[1] } : undefined;
    return { fileName: path.basename(this.uri.fsPath), records: s.records, bytes: s.bytes, format: s.format, badLines: s.badLines, timeRange, complete: this.complete && s.complete };
  }

  /** Turns follow mode on or off; answers the mode in force. */
  setFollow(on: boolean): boolean {
    if (on && !this.watcher) {
      this.watcher = fs.watch(this.uri.fsPath, { persistent: false }, () => this.scheduleAppend());
      this.watcher.on('error', () => this.setFollow(false));
      this.scheduleAppend();
    } else if (!on && this.watcher) {
      this.watcher.close();
      this.watcher = undefined;
    }
    this._onFollowChanged.fire(this.following);
    return this.following;
  }

  /** Reads what was appended to the file since the last look (coalescing bursts of change events). */
  scheduleAppend(): void {
    if (this.appending) {
      this.appendAgain = true;
      return;
    }
    this.appending = this.appendOnce().finally(() => {
      this.appending = undefined;
      if (this.appendAgain) {
        this.appendAgain = false;
        this.scheduleAppend();
      }
    });
  }

  private async appendOnce(): Promise<void> {
    await this.opened.ready.catch(() => undefined);
    const added = await this.opened.append().catch(() => 0);
    if (added > 0) this._onGrew.fire(this.summary());
  }

  /** Stops the watcher and the engine's worker. */
  dispose(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.opened.dispose();
    for (const e of [this._onProgress, this._onIndexed, this._onGrew, this._onFailed, this._onFollowChanged]) e.dispose();
  }
}
