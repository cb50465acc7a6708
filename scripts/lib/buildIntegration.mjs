// Compiles test/integration/**.ts into out/integration: one cjs bundle per entry, vscode and mocha left external.
import esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { integrationOutDir, repoRoot } from './paths.mjs';

const sourceDir = path.join(repoRoot, 'test', 'integration');

/** Entry points: every *.test.ts (found by pattern, never listed by hand) and every index.ts (suite entries). */
export function integrationEntries() {
  return fs.readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.test.ts') || path.basename(rel) === 'index.ts')
    .map((rel) => path.join(sourceDir, rel))
    .sort();
}

/** Bundles the integration tests; resolves to the number of files written. */
export async function buildIntegrationTests() {
  const entryPoints = integrationEntries();
  fs.rmSync(integrationOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outbase: sourceDir,
    outdir: integrationOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'warning',
  });
  return entryPoints.length;
}

/** Where a suite entry (test/integration/<rel>/index.ts) lands once compiled. */
export function compiledEntry(relativeDir = '') {
  return path.join(integrationOutDir, relativeDir, 'index.js');
}
