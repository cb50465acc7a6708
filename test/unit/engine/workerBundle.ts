/** Builds the engine worker from TypeScript source into a temp dir (as esbuild.js does for dist/worker.js). */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A built worker script and a temp dir; `cleanup` removes both. */
export interface WorkerBundle {
  workerPath: string;
  tempDir: string;
  cleanup(): void;
}

/** Bundles src/core/engine/worker.ts into a fresh temp dir. */
export function buildWorkerBundle(): WorkerBundle {
  const tempDir = mkdtempSync(join(tmpdir(), 'apigw-engine-test-'));
  const workerPath = join(tempDir, 'worker.js');
  buildSync({
    entryPoints: [resolve(__dirname, '../../../src/core/engine/worker.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: workerPath, logLevel: 'warning',
  });
  return { workerPath, tempDir, cleanup: () => rmSync(tempDir, { recursive: true, force: true }) };
}
