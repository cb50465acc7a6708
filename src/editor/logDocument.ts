/**
 * One log file opened in the explorer: holds a lease on the file's shared engine (src/logs: one engine
 * per file for the tree, hovers and explorer; it watches the file, appends what grows and reopens what
 * is rewritten), turns its progress and changes into events for the webviews, and keeps the explorer's
 * follow mode (jump to the newest rows as the file grows).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IndexProgress, IndexSummary } from '../core/engine/protocol';
import type { EngineLease, LogChange, SharedEngine } from '../logs';
import type { FileSummary } from '../shared/protocol';
import type { ExplorerEngine } from './engineApi';

/** Indexing progress as the webview shows it. */
export interface DocumentProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly records: number;
}

/** Opens (or shares) the engine of a file. */
export type AcquireEngine = (uri: vscode.Uri) => Promise<EngineLease<SharedEngine>>;

/** What the document knows of its index between engine answers. */
interface KnownState {
  records: number;
  bytes: number;
  problems: number;
  format: string;
  timeRange?: [number, number];
  firstProblems?: readonly { line: number; reason: string }[];
}

/** The explorer's document. */
export class LogDocument implements vscode.CustomDocument {
  private readonly _onProgress = new vscode.EventEmitter<DocumentProgress>();
  /** Indexing progress. */
  readonly onProgress = this._onProgress.event;
  private readonly _onIndexed = new vscode.EventEmitter<FileSummary>();
  /** Indexing finished (also after the file was rewritten and indexed again). */
  readonly onIndexed = this._onIndexed.event;
  private readonly _onGrew = new vscode.EventEmitter<FileSummary>();
  /** Records were appended to the file and indexed. */
  readonly onGrew = this._onGrew.event;
  private readonly _onFailed = new vscode.EventEmitter<string>();
  /** Indexing failed. */
  readonly onFailed = this._onFailed.event;
  private failure: string | undefined;
  private complete = false;
  private following = false;
  private known: KnownState = { records: 0, bytes: 0, problems: 0, format: '…' };
  private progressSubscription: { dispose(): void } | undefined;
  private readonly changeSubscription: { dispose(): void };

  private constructor(readonly uri: vscode.Uri, private readonly lease: EngineLease<SharedEngine>) {
    this.watchEngine(lease.engine);
    this.changeSubscription = lease.onDidChange((c) => void this.onChange(c));
  }

  /** Opens `uri` on its shared engine (indexing in a worker, started by the first user of the file). */
  static async open(uri: vscode.Uri, acquire: AcquireEngine): Promise<LogDocument> {
    if (uri.scheme !== 'file') throw new Error(`The log explorer reads files on disk only (got ${uri.scheme}:).`);
    return new LogDocument(uri, await acquire(uri));
  }

  /** The engine (usable while indexing: it answers over what is indexed so far). */
  get engine(): ExplorerEngine {
    return this.lease.engine;
  }

  /** Settles when the first full index is built (rejects if indexing failed). */
  get ready(): Promise<unknown> {
    return this.lease.engine.ready;
  }

  /** The indexing error, if indexing failed. */
  get failed(): string | undefined {
    return this.failure;
  }

  /** True when the explorer jumps to new rows as the file grows. */
  get isFollowing(): boolean {
    return this.following;
  }

  /** What the webview shows about the file now. */
  summary(): FileSummary {
    const k = this.known;
    const timeRange = k.timeRange ? { from: k.timeRange[0], to: k.timeRange[1] } : undefined;
    const problems = k.firstProblems?.map((p) => ({ line: p.line, reason: p.reason }));
    return { fileName: path.basename(this.uri.fsPath), records: k.records, bytes: k.bytes, format: k.format, badLines: k.problems, problems, timeRange, complete: this.complete };
  }

  /** Turns follow mode on or off; answers the mode in force. */
  setFollow(on: boolean): boolean {
    this.following = on;
    return this.following;
  }

  private watchEngine(engine: SharedEngine): void {
    this.progressSubscription?.dispose();
    this.progressSubscription = engine.onProgress((p) => this.onEngineProgress(p));
    this.complete = false;
    engine.ready.then((summary) => {
      if (engine !== this.lease.engine) return;
      this.remember(summary);
      this.complete = true;
      this.failure = undefined;
      this._onIndexed.fire(this.summary());
    }, (e: unknown) => {
      if (engine !== this.lease.engine) return;
      this.failure = e instanceof Error ? e.message : String(e);
      this._onFailed.fire(this.failure);
    });
  }

  private async onChange(change: LogChange): Promise<void> {
    if (change.kind === 'reopened') {
      this.watchEngine(this.lease.engine);
      return;
    }
    this.remember(await this.lease.engine.summary());
    this._onGrew.fire(this.summary());
  }

  private onEngineProgress(p: IndexProgress): void {
    this.known.records = p.records;
    this.known.problems = p.problems;
    this._onProgress.fire({ bytesRead: p.bytesRead, totalBytes: p.bytesTotal, records: p.records });
  }

  private remember(s: IndexSummary): void {
    const format = `${s.format}${s.gzip ? ' (gzip)' : ''}`;
    this.known = { records: s.records, bytes: s.bytes, problems: s.problems, format, timeRange: s.timeRange, firstProblems: s.firstProblems };
  }

  /** Releases the engine lease (the registry closes the engine when nobody else uses it). */
  dispose(): void {
    this.progressSubscription?.dispose();
    this.changeSubscription.dispose();
    this.lease.dispose();
    for (const e of [this._onProgress, this._onIndexed, this._onGrew, this._onFailed]) e.dispose();
  }
}
