/**
 * The log the requests tree shows now: a lease on its engine from the shared registry, the backend
 * adapting that engine for the tree, and one event for everything that means "render again"
 * (another log, indexing progress, the index ready, the file grown or rewritten).
 */
import * as vscode from 'vscode';
import type { EngineLease, EngineRegistry, RegistryEngine } from '../logs/engineRegistry';
import type { TreeBackend } from './backend';
import type { LogSource } from './logSource';

/** Why the tree must render again. */
export type SessionChange = 'source' | 'progress' | 'data';

/** Opens engines for logs and adapts them to the tree. */
export interface EngineProvider<E extends RegistryEngine> {
  readonly registry: EngineRegistry<E>;
  backendOf(engine: E): TreeBackend;
}

/** What the provider reads of the session. */
export interface CurrentLog {
  readonly source: LogSource | undefined;
  readonly backend: TreeBackend | undefined;
  readonly error: string | undefined;
  readonly onDidChange: vscode.Event<SessionChange>;
}

/** The current log and its backend. */
export class TreeSession<E extends RegistryEngine> implements CurrentLog, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<SessionChange>();
  /** Fires when the tree should render again, with the reason. */
  readonly onDidChange = this._onDidChange.event;
  private _source: LogSource | undefined;
  private _backend: TreeBackend | undefined;
  private _error: string | undefined;
  private lease: EngineLease<E> | undefined;
  private subscriptions: (() => void)[] = [];
  private generation = 0;
  private _opening: Promise<void> = Promise.resolve();

  constructor(private readonly engines: EngineProvider<E>) {}

  /** The log shown, if any. */
  get source(): LogSource | undefined {
    return this._source;
  }

  /** Its backend, once its engine is open. */
  get backend(): TreeBackend | undefined {
    return this._backend;
  }

  /** Why the engine could not be opened, if it could not. */
  get error(): string | undefined {
    return this._error;
  }

  /** Settles when the last `show` has its engine open (or failed). */
  get opening(): Promise<void> {
    return this._opening;
  }

  /** Shows another log (undefined: none). Showing the same file again only updates `pinned`. */
  show(source: LogSource | undefined): Promise<void> {
    if (source && this._source && source.file === this._source.file && source.kind === this._source.kind) {
      if (source.pinned && !this._source.pinned) this._source = source;
      return this._opening;
    }
    this.release();
    const generation = ++this.generation;
    this._source = source;
    this._error = undefined;
    this._onDidChange.fire('source');
    this._opening = source ? this.open(source, generation) : Promise.resolve();
    return this._opening;
  }

  private async open(source: LogSource, generation: number): Promise<void> {
    let lease: EngineLease<E>;
    try {
      lease = await this.engines.registry.acquire(source.file);
    } catch (e) {
      if (generation !== this.generation) return;
      this._error = e instanceof Error ? e.message : String(e);
      this._onDidChange.fire('data');
      return;
    }
    if (generation !== this.generation) {
      lease.dispose();
      return;
    }
    this.lease = lease;
    const changes = lease.onDidChange(() => this.attach(lease, generation));
    this.subscriptions.push(() => changes.dispose());
    this.attach(lease, generation);
  }

  /** Takes the lease's (possibly new) engine, follows its progress and readiness. */
  private attach(lease: EngineLease<E>, generation: number): void {
    const backend = this.engines.backendOf(lease.engine);
    const fresh = backend !== this._backend;
    this._backend = backend;
    if (fresh) {
      this.subscriptions.push(backend.onProgress(() => generation === this.generation && this._onDidChange.fire('progress')));
      backend.ready.then(
        () => generation === this.generation && this._onDidChange.fire('data'),
        () => generation === this.generation && this._onDidChange.fire('data'),
      );
    }
    this._onDidChange.fire('data');
  }

  private release(): void {
    for (const unsubscribe of this.subscriptions) unsubscribe();
    this.subscriptions = [];
    this.lease?.dispose();
    this.lease = undefined;
    this._backend = undefined;
  }

  dispose(): void {
    this.generation++;
    this.release();
    this._onDidChange.dispose();
  }
}
