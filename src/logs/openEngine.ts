/** The one place that knows which engine the shared registry opens: the core's LogEngine (indexing in a worker thread). */
import * as fs from 'node:fs';
import { LogEngine, type LogEngineOptions } from '../core/engine/logEngine';

/** The engine shared per log file. */
export type SharedEngine = LogEngine;

/** Opens `file` in a new engine (indexing starts at once in its worker). */
export async function openSharedEngine(file: string, options: Pick<LogEngineOptions, 'workerPath' | 'tempDir'>): Promise<SharedEngine> {
  await fs.promises.mkdir(options.tempDir, { recursive: true });
  return LogEngine.open(file, options);
}
