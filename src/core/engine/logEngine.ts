/**
 * The host side of the log engine: a handle on one log file whose index lives in a worker thread, so
 * the caller's event loop stays free. All calls are asynchronous messages; if the worker dies, every
 * pending call (and `ready`, if the build had not finished) is rejected.
 *
 * ```ts
 * const engine = LogEngine.open(path, { workerPath: `${extensionPath}/dist/worker.js`, tempDir });
 * engine.onProgress((p) => ...);             // bytes read / total, records, problems
 * const summary = await engine.ready;        // IndexSummary; rejects on failure or cancel
 * const page = await engine.query({ query: 'statusCode >= 500', offset: 0, limit: 100 });
 * ```
 *
 * Calls made while the index is being built answer over the records indexed so far (with JSON lines,
 * the first part of the file is indexed by the engine worker itself, in file order); each answer says
 * `complete: false` and how many records it covered. Await `ready` for answers over the whole file.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { QueryError } from '../query/ast';
import type {
  EngineCall, EngineCalls, EngineWorkerData, IndexProgress, IndexSummary, RequestMessage, WorkerMessage,
} from './protocol';

/** Options of `LogEngine.open`. */
export interface LogEngineOptions {
  /** The bundled worker script (the extension's dist/worker.js). */
  workerPath: string;
  /** A directory for the decompressed copy of gzip input. */
  tempDir: string;
  /** Threads used to index JSON lines (default: available cores). */
  parallelism?: number;
  /** execArgv for the worker threads. */
  execArgv?: string[];
  /** Smallest byte range worth its own thread (default 16 MB; smaller files use one thread). */
  minRangeBytes?: number;
}

/** A rejected call whose query did not parse: `detail` has the position and what was expected. */
export class EngineQueryError extends Error {
  constructor(message: string, readonly detail: QueryError) {
    super(message);
    this.name = 'EngineQueryError';
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** One open log file. */
export class LogEngine {
  /** Resolves with the summary when the whole file is indexed; rejects on failure, cancel or dispose. */
  readonly ready: Promise<IndexSummary>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly progressListeners = new Set<(p: IndexProgress) => void>();
  private nextId = 1;
  private stopped: Error | undefined;
  private settleReady!: { resolve: (s: IndexSummary) => void; reject: (e: Error) => void };

  private constructor(readonly path: string, private readonly tempFile: string, options: LogEngineOptions) {
    this.ready = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.ready.catch(() => undefined);
    const workerData: EngineWorkerData = {
      role: 'engine', path, workerPath: options.workerPath, tempDir: options.tempDir, tempFile,
      parallelism: Math.max(1, options.parallelism ?? availableParallelism()), execArgv: options.execArgv,
      minRangeBytes: options.minRangeBytes ?? 16 << 20,
    };
    this.worker = new Worker(options.workerPath, { workerData, execArgv: options.execArgv });
    this.worker.on('message', (m: WorkerMessage) => this.receive(m));
    this.worker.on('error', (e) => this.stop(new Error(`log engine worker failed: ${e.message}`)));
    this.worker.on('exit', (code) => this.stop(new Error(`log engine worker stopped (exit code ${code})`)));
  }

  /** Opens `path` and starts indexing it in a worker thread. */
  static open(path: string, options: LogEngineOptions): LogEngine {
    const tempFile = join(options.tempDir, `apigw-log-${process.pid}-${randomBytes(6).toString('hex')}.log`);
    return new LogEngine(path, tempFile, options);
  }

  /** Calls `listener` with build progress; returns a disposable. */
  onProgress(listener: (p: IndexProgress) => void): { dispose(): void } {
    this.progressListeners.add(listener);
    return { dispose: () => this.progressListeners.delete(listener) };
  }

  /** A page of the rows matching `query` (Log Service syntax, '' = all), optionally sorted. */
  query(params: EngineCalls['query']['params']): Promise<EngineCalls['query']['result']> {
    return this.call('query', params);
  }

  /** The preset report (timeline, rates, latency percentiles, top lists) over the rows matching `query`. */
  stats(params: EngineCalls['stats']['params']): Promise<EngineCalls['stats']['result']> {
    return this.call('stats', params);
  }

  /** The most frequent values of `columns` over the rows matching `query`. */
  facets(params: EngineCalls['facets']['params']): Promise<EngineCalls['facets']['result']> {
    return this.call('facets', params);
  }

  /** Nested groups by `keys` (count, failures, p95) with the last level's first `rowLimit` rows (default 200). */
  groups(params: EngineCalls['groups']['params']): Promise<EngineCalls['groups']['result']> {
    return this.call('groups', params);
  }

  /** Summaries of the given rows (e.g. a tree group's rows). */
  rows(rows: number[]): Promise<EngineCalls['rows']['result']> {
    return this.call('rows', { rows });
  }

  /** Every field of one record, read back from the file (bodies and headers included). */
  record(row: number): Promise<EngineCalls['record']['result']> {
    return this.call('record', { row });
  }

  /**
   * Many records in one round trip, read with few large sequential reads: listed rows, or a page of a
   * query's matching rows. In `raw` mode JSON-lines records come as their bytes (copy them as they are).
   */
  recordsBatch(params: EngineCalls['recordsBatch']['params']): Promise<EngineCalls['recordsBatch']['result']> {
    return this.call('recordsBatch', params);
  }

  /** Rows with this request ID, then rows whose initialRequestId is it. */
  findRequestId(id: string): Promise<EngineCalls['findRequestId']['result']> {
    return this.call('findRequestId', { id });
  }

  /** Indexes what was appended to the file since the last build or append (JSON lines only). */
  append(): Promise<EngineCalls['append']['result']> {
    return this.call('append', {});
  }

  /** The index summary so far (also during the build). */
  summary(): Promise<EngineCalls['summary']['result']> {
    return this.call('summary', {});
  }

  /** Stops the build; `ready` then rejects, and calls answer over what was indexed. */
  cancel(): Promise<EngineCalls['cancel']['result']> {
    return this.call('cancel', {});
  }

  /** Stops the worker, rejects pending calls, and removes the decompressed copy. */
  dispose(): void {
    this.stop(new Error('log engine disposed'));
    void this.worker.terminate();
    rmSync(this.tempFile, { force: true });
  }

  private call<K extends EngineCall>(call: K, params: EngineCalls[K]['params']): Promise<EngineCalls[K]['result']> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    const message: RequestMessage<K> = { type: 'request', id, call, params };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(message);
    });
  }

  private receive(m: WorkerMessage): void {
    switch (m.type) {
      case 'reply': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (!p) return;
        if (m.ok) p.resolve(m.result);
        else p.reject(m.queryError ? new EngineQueryError(m.error, m.queryError) : new Error(m.error));
        return;
      }
      case 'progress':
        for (const listener of this.progressListeners) listener(m.progress);
        return;
      case 'ready':
        this.settleReady.resolve(m.summary);
        return;
      case 'buildFailed':
        this.settleReady.reject(new Error(m.error));
        return;
    }
  }

  private stop(error: Error): void {
    if (this.stopped) return;
    this.stopped = error;
    this.settleReady.reject(error);
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.progressListeners.clear();
  }
}
