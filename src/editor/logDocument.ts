/**
 * One log file opened in the explorer: owns its engine (indexing in a worker), reports progress, and in
 * follow mode watches the file and appends what was added. Several webviews may share one document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IndexProgress, IndexSummary } from '../core/engine/protocol';
import type { FileSummary } from '../shared/protocol';
import type { ExplorerEngine } from './engineApi';
import { openEngine, type OpenedEngine } from './engineFactory';

/** Indexing progress as the webview shows it. */
export interface DocumentProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly records: number;
}

/** What the document knows of its index between engine answers. */
interface KnownState {
  records: number;
  bytes: number;
  problems: number;
  format: string;
  timeRange?: [number, number];
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
  private known: KnownState = { records: 0, bytes: 0, problems: 0, format: '…' };

  private constructor(readonly uri: vscode.Uri, private readonly opened: OpenedEngine) {
    opened.onProgress((p) => this.onEngineProgress(p));
    opened.ready.then((summary) => {
      this.remember(summary);
      this.complete = true;
      this._onIndexed.fire(this.summary());
    }, (e: unknown) => {
      this.failure = e instanceof Error ? e.message : String(e);
      this._onFailed.fire(this.failure);
    });
  }

  /** Opens `uri` and starts indexing it in a worker. */
  static open(uri: vscode.Uri, workerPath: string, tempDir: string): LogDocument {
    if (uri.scheme !== 'file') throw new Error(`The log explorer reads files on disk only (got ${uri.scheme}:).`);
    return new LogDocument(uri, openEngine(uri.fsPath, { workerPath, tempDir }));
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

  /** Settles when the first full index is built (rejects if indexing failed). */
  get ready(): Promise<unknown> {
    return this.opened.ready;
  }

  /** What the webview shows about the file now. */
  summary(): FileSummary {
    const k = this.known;
    const timeRange = k.timeRange ? { from: k.timeRange[0], to: k.timeRange[1] } : undefined;
    return { fileName: path.basename(this.uri.fsPath), records: k.records, bytes: k.bytes, format: k.format, badLines: k.problems, timeRange, complete: this.complete };
  }

  private onEngineProgress(p: IndexProgress): void {
    this.known.records = p.records;
    this.known.problems = p.problems;
    this._onProgress.fire({ bytesRead: p.bytesRead, totalBytes: p.bytesTotal, records: p.records });
  }

  private remember(s: IndexSummary): void {
    const format = `${s.format}${s.gzip ? ' (gzip)' : ''}`;
    this.known = { records: s.records, bytes: s.bytes, problems: s.problems, format, timeRange: s.timeRange };
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
    if (added <= 0) return;
    this.remember(await this.opened.summary());
    this._onGrew.fire(this.summary());
  }

  /** Stops the watcher and the engine's worker. */
  dispose(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.opened.dispose();
    for (const e of [this._onProgress, this._onIndexed, this._onGrew, this._onFailed, this._onFollowChanged]) e.dispose();
  }
}
