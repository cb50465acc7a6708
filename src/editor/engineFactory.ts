/** The one place that opens the core engine; the LogEngine already speaks ExplorerEngine. */
import { LogEngine } from '../core/engine/logEngine';
import type { IndexProgress, IndexSummary } from '../core/engine/protocol';
import type { ExplorerEngine } from './engineApi';

/** An engine being built, with what the document needs around it. */
export interface OpenedEngine {
  readonly engine: ExplorerEngine;
  /** Settles with the summary when the first full index is built. */
  readonly ready: Promise<IndexSummary>;
  onProgress(listener: (p: IndexProgress) => void): void;
  /** Indexes what was appended to the file; resolves with the number of new records. */
  append(): Promise<number>;
  /** The summary of what is indexed now. */
  summary(): Promise<IndexSummary>;
  dispose(): void;
}

/** Options of the engine. */
export interface EngineOptions {
  readonly workerPath: string;
  readonly tempDir: string;
}

/** Opens `file` in the core engine (indexing starts at once, in a worker thread). */
export function openEngine(file: string, options: EngineOptions): OpenedEngine {
  const engine = LogEngine.open(file, { workerPath: options.workerPath, tempDir: options.tempDir });
  return {
    engine,
    ready: engine.ready,
    onProgress: (listener) => void engine.onProgress(listener),
    append: () => engine.append().then((r) => r.added),
    summary: () => engine.summary(),
    dispose: () => engine.dispose(),
  };
}
