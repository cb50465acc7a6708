/**
 * Entry point of the engine's worker threads (bundled to dist/worker.js). One script, two roles:
 * the engine worker (owns the index, answers requests) and index workers (index one byte range).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runEngineWorker } from './engineWorker';
import { runIndexWorker } from './indexWorker';
import type { EngineWorkerData, IndexWorkerData } from './protocol';
import { lowerCurrentThreadPriority } from './threadPriority';

const data = workerData as EngineWorkerData | IndexWorkerData | undefined;
if (parentPort) lowerCurrentThreadPriority();
if (parentPort && data?.role === 'index') runIndexWorker(data, parentPort);
else if (parentPort && data?.role === 'engine') runEngineWorker(data, parentPort);
