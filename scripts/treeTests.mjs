// The requests tree's integration tests alone, in code-server (see docs/testing-in-real-vscode).
//   node scripts/treeTests.mjs           the tree tests (quick)
//   node scripts/treeTests.mjs --perf    also the event-loop stall check on a 1M-record file (`npm run test:tree-perf`):
//                                        generates bench-data/tree-1m.apigw.jsonl (~2 GB, gitignored) unless it exists
//                                        or APIGW_TREE_PERF_FILE names another file.
import fs from 'node:fs';
import path from 'node:path';
import { buildIntegrationTests, compiledEntry } from './lib/buildIntegration.mjs';
import { ensureCodeServer } from './lib/codeServerSetup.mjs';
import { pendingCleanups, runPass } from './lib/integrationPass.mjs';
import { repoRoot, testResultsDir } from './lib/paths.mjs';
import { runOrThrow } from './lib/processes.mjs';

const perf = process.argv.includes('--perf');
const timeoutMs = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 900_000);

/** The 1M-record file, generated once. */
async function perfFile() {
  const file = path.resolve(process.env.APIGW_TREE_PERF_FILE ?? path.join(repoRoot, 'bench-data', 'tree-1m.apigw.jsonl'));
  if (fs.existsSync(file)) return file;
  console.log(`generating ${path.relative(repoRoot, file)} (1,000,000 records)…`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  await runOrThrow(process.execPath, [tsx, 'scripts/generate.ts', '--records', '1000000', '--format', 'jsonl', '--out', file], { cwd: repoRoot });
  return file;
}

async function main() {
  await ensureCodeServer();
  if (perf) process.env.APIGW_TREE_PERF_FILE = await perfFile();
  fs.rmSync(path.join(testResultsDir, 'tree-perf.json'), { force: true });
  await runOrThrow(process.execPath, ['esbuild.js'], { cwd: repoRoot });
  await buildIntegrationTests();
  fs.mkdirSync(testResultsDir, { recursive: true });
  const result = await runPass({ name: perf ? 'tree-perf' : 'tree', title: 'requests tree', entry: compiledEntry('tree') }, Date.now() + timeoutMs);
  if (result.problem) console.log(`  ✗ FAIL: ${result.problem}`);
  const perfFigures = path.join(testResultsDir, 'tree-perf.json');
  if (perf && fs.existsSync(perfFigures)) console.log(`\n${JSON.parse(fs.readFileSync(perfFigures, 'utf8')).summary}`);
  console.log(`${result.passed} passed, ${result.failed + (result.problem ? 1 : 0)} failed`);
  return result.failed === 0 && !result.problem ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void Promise.all([...pendingCleanups].map((c) => Promise.resolve().then(c).catch(() => {}))).then(() => process.exit(130));
  });
}

main().then((code) => { process.exitCode = code; }, async (e) => {
  console.error(`tree tests: ${e instanceof Error ? e.message : e}`);
  for (const cleanup of pendingCleanups) await Promise.resolve().then(cleanup).catch(() => {});
  process.exitCode = 1;
});
