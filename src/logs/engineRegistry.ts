/**
 * One log engine per file, shared by every feature that needs one (requests tree, hovers, explorer).
 *
 * - `acquire(file)` returns a lease on the file's engine, opening it on first use (indexing runs in
 *   the engine's worker). Leases are reference-counted; when the last one is released the engine is
 *   kept `idleMs` longer (switching editors back and forth does not re-index a 1 GB file), then disposed.
 * - While an engine is alive its file is watched: when the file only grew, the new tail is indexed
 *   with `engine.append()`; when it was rewritten (truncated, edited, rotated) the engine is replaced
 *   by a fresh one. Either way `onDidChange` fires, after a debounce, so views re-query.
 * - No 'vscode' import: the opener and the watcher are injected (see src/logs/index.ts for the wiring).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Emitter, type Listen, type Subscription } from './emitter';
import { classifyChange, fingerprint, probeFile, type FileState } from './fileProbe';

/** What the registry needs of an engine. */
export interface RegistryEngine {
  /** Settles when the first full index is built. */
  readonly ready: Promise<unknown>;
  /** Indexes what was appended to the file since; resolves to the number of new records (or an outcome with `added`). Rejects when it cannot (the file is then re-opened). */
  append(): Promise<number | { readonly added: number }>;
  dispose(): void;
}

/** A change of a watched log. `reopened`: the engine was replaced (lease.engine is the new one). */
export interface LogChange {
  readonly file: string;
  readonly kind: 'appended' | 'reopened';
  /** New records, for `appended`. */
  readonly added: number;
}

/** A lease on one file's engine; dispose it when done. */
export interface EngineLease<E> {
  readonly file: string;
  /** The file's engine now (a new one after a `reopened` change). */
  readonly engine: E;
  /** Changes of this file. */
  readonly onDidChange: Listen<LogChange>;
  /** Releases the lease (idempotent). */
  dispose(): void;
}

/** Watches a file; calls back on any change event. */
export type WatchFile = (file: string, onEvent: () => void) => Subscription;

/** Options of the registry. */
export interface RegistryOptions {
  /** How long an engine nobody leases stays open (default 60 s). */
  readonly idleMs?: number;
  /** Quiet time after the last change event before the file is looked at (default 300 ms). */
  readonly debounceMs?: number;
  /** The watcher (default: fs.watch on the file, re-armed when the file is replaced). */
  readonly watch?: WatchFile;
  /** Starts a timer, returns its cancel function (default: setTimeout); tests pass a manual clock. */
  readonly setTimer?: SetTimer;
}

/** Starts a timer; returns a function cancelling it. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

const realTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

interface Entry<E> {
  readonly file: string;
  refs: number;
  engine: E;
  baseline: Promise<FileState | undefined>;
  readonly changes: Emitter<LogChange>;
  watcher: Subscription | undefined;
  cancelIdle: (() => void) | undefined;
  cancelDebounce: (() => void) | undefined;
  checking: Promise<void> | undefined;
  checkAgain: boolean;
  closed: boolean;
}

/** The registry: ref-counted engines keyed by absolute file path. */
export class EngineRegistry<E extends RegistryEngine> {
  private readonly entries = new Map<string, Promise<Entry<E>>>();
  private readonly changes = new Emitter<LogChange>();
  /** Changes of any leased file. */
  readonly onDidChange: Listen<LogChange> = this.changes.event;
  private readonly idleMs: number;
  private readonly debounceMs: number;
  private readonly watch: WatchFile;
  private readonly setTimer: SetTimer;
  private readonly closes = new Emitter<string>();
  /** An engine was disposed (its file is no longer open). */
  readonly onDidClose: Listen<string> = this.closes.event;

  constructor(private readonly open: (file: string) => Promise<E>, options: RegistryOptions = {}) {
    this.idleMs = options.idleMs ?? 60_000;
    this.debounceMs = options.debounceMs ?? 300;
    this.watch = options.watch ?? watchWithFs;
    this.setTimer = options.setTimer ?? realTimer;
  }

  /** A lease on `file`'s engine, opening it if needed. Rejects when the engine cannot be opened. */
  async acquire(file: string): Promise<EngineLease<E>> {
    const key = path.resolve(file);
    let pending = this.entries.get(key);
    if (!pending) {
      pending = this.createEntry(key);
      this.entries.set(key, pending);
      pending.catch(() => this.entries.delete(key));
    }
    const entry = await pending;
    if (entry.closed) return this.acquire(file);
    entry.refs++;
    entry.cancelIdle?.();
    entry.cancelIdle = undefined;
    return this.lease(entry);
  }

  /** The engine of `file` if one is open (no lease taken). */
  async peek(file: string): Promise<E | undefined> {
    const pending = this.entries.get(path.resolve(file));
    return pending ? (await pending.catch(() => undefined))?.engine : undefined;
  }

  /** Files with an open engine. */
  openFiles(): string[] {
    return [...this.entries.keys()];
  }

  /** Looks at `file` now (not waiting for a watcher event); resolves once any change is indexed. */
  async refresh(file: string): Promise<void> {
    const entry = await this.entries.get(path.resolve(file))?.catch(() => undefined);
    if (entry) await this.check(entry);
  }

  /** Disposes every engine and watcher. */
  dispose(): void {
    for (const pending of this.entries.values()) void pending.then((e) => this.close(e), () => undefined);
    this.entries.clear();
    this.changes.dispose();
    this.closes.dispose();
  }

  private async createEntry(file: string): Promise<Entry<E>> {
    const engine = await this.open(file);
    const entry: Entry<E> = {
      file, refs: 0, engine, baseline: baselineWhenReady(engine, file), changes: new Emitter<LogChange>(),
      watcher: undefined, cancelIdle: undefined, cancelDebounce: undefined, checking: undefined, checkAgain: false, closed: false,
    };
    entry.watcher = this.watch(file, () => this.schedule(entry));
    return entry;
  }

  private lease(entry: Entry<E>): EngineLease<E> {
    let released = false;
    return {
      file: entry.file,
      get engine() {
        return entry.engine;
      },
      onDidChange: entry.changes.event,
      dispose: () => {
        if (released) return;
        released = true;
        this.release(entry);
      },
    };
  }

  private release(entry: Entry<E>): void {
    if (--entry.refs > 0 || entry.closed) return;
    entry.cancelIdle = this.setTimer(() => {
      if (entry.refs > 0) return;
      this.entries.delete(entry.file);
      this.close(entry);
    }, this.idleMs);
  }

  private close(entry: Entry<E>): void {
    entry.closed = true;
    entry.cancelIdle?.();
    entry.cancelDebounce?.();
    entry.watcher?.dispose();
    entry.engine.dispose();
    entry.changes.dispose();
    this.closes.fire(entry.file);
  }

  private schedule(entry: Entry<E>): void {
    entry.cancelDebounce?.();
    entry.cancelDebounce = this.setTimer(() => void this.check(entry), this.debounceMs);
  }

  /** Serialized: a check asked for while one runs runs once more afterwards. */
  private check(entry: Entry<E>): Promise<void> {
    if (entry.checking) {
      entry.checkAgain = true;
      return entry.checking;
    }
    entry.checking = this.checkOnce(entry).catch((e: unknown) => console.error(`apigwLogs: could not follow ${entry.file}`, e)).finally(() => {
      entry.checking = undefined;
      if (!entry.checkAgain || entry.closed) return;
      entry.checkAgain = false;
      void this.check(entry);
    });
    return entry.checking;
  }

  private async checkOnce(entry: Entry<E>): Promise<void> {
    const before = await entry.baseline;
    if (entry.closed || !before) return;
    const change = await classifyChange(entry.file, before);
    if (entry.closed || change === 'same' || change === 'gone') return;
    if (change === 'grown' && !entry.file.endsWith('.gz')) {
      const next = probeFile(entry.file);
      const outcome = await entry.engine.append().catch(() => undefined);
      if (outcome !== undefined) {
        entry.baseline = next;
        await next;
        this.emit(entry, { file: entry.file, kind: 'appended', added: typeof outcome === 'number' ? outcome : outcome.added });
        return;
      }
    }
    await this.reopen(entry);
  }

  private async reopen(entry: Entry<E>): Promise<void> {
    const engine = await this.open(entry.file);
    if (entry.closed) {
      engine.dispose();
      return;
    }
    const old = entry.engine;
    entry.engine = engine;
    entry.baseline = baselineWhenReady(engine, entry.file);
    old.dispose();
    this.emit(entry, { file: entry.file, kind: 'reopened', added: 0 });
  }

  private emit(entry: Entry<E>, change: LogChange): void {
    entry.changes.fire(change);
    this.changes.fire(change);
  }
}

/**
 * The file's state as the engine indexed it: its size is the engine's (ready resolves with a summary
 * holding `bytes`) so that bytes appended while the index was finishing still count as new.
 */
async function baselineWhenReady(engine: RegistryEngine, file: string): Promise<FileState | undefined> {
  let summary: unknown;
  try {
    summary = await engine.ready;
  } catch {
    return undefined;
  }
  const now = await probeFile(file);
  const indexed = (summary as { bytes?: unknown } | undefined)?.bytes;
  if (!now || file.endsWith('.gz') || typeof indexed !== 'number' || indexed >= now.size) return now;
  return { size: indexed, mtimeMs: now.mtimeMs - 1, fingerprint: await fingerprint(file, indexed).catch(() => '') };
}

/**
 * fs.watch on the file, re-armed after a rename (log rotation, atomic save) when the path exists again;
 * falls back to polling its stat every second when fs.watch is unavailable (e.g. out of inotify watches).
 */
export function watchWithFs(file: string, onEvent: () => void): Subscription {
  let watcher: fs.FSWatcher | undefined;
  let polling = false;
  let disposed = false;
  const poll = () => onEvent();
  const arm = () => {
    if (disposed || polling) return;
    try {
      watcher = fs.watch(file, { persistent: false }, (event) => {
        onEvent();
        if (event === 'rename') rearm();
      });
      watcher.on('error', rearm);
    } catch {
      watcher = undefined;
      polling = true;
      fs.watchFile(file, { interval: 1000, persistent: false }, poll);
    }
  };
  const rearm = () => {
    watcher?.close();
    watcher = undefined;
    setTimeout(arm, 200);
  };
  arm();
  return {
    dispose: () => {
      disposed = true;
      watcher?.close();
      if (polling) fs.unwatchFile(file, poll);
    },
  };
}
