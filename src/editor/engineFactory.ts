/** The one place that knows the core engine's concrete API: opens it and adapts it to ExplorerEngine. */
import type { ExplorerEngine } from './engineApi';
import type { DocumentProgress } from './logDocument';

/** An engine being built, with what the document needs around it. */
export interface OpenedEngine {
  readonly engine: ExplorerEngine;
  /** Settles when the first full index is built. */
  readonly ready: Promise<void>;
  onProgress(listener: (p: DocumentProgress) => void): void;
  /** Indexes what was appended to the file; resolves with the number of new records. */
  append(): Promise<number>;
  dispose(): void;
}

/** Options of the engine. */
export interface EngineOptions {
  readonly workerPath: string;
  readonly tempDir: string;
}

/** Opens `file` in the core engine. */
export async function openEngine(file: string, options: EngineOptions): Promise<OpenedEngine> {
  void file;
  void options;
  throw new Error('The log engine is not available yet.');
}
