// Integration tests inside a real VS Code (code-server + headless Debian Chromium), see docs/testing-in-real-vscode.
// Env: INTEGRATION_PASS=dev|packaged|all (default all), INTEGRATION_TIMEOUT_MS (default 600000),
//      INTEGRATION_GREP=<regexp> (only tests whose full title matches), INTEGRATION_VERBOSE=1 (echo the whole page console).
import fs from 'node:fs';
import path from 'node:path';
import { buildIntegrationTests, compiledEntry } from './lib/buildIntegration.mjs';
import { ensureCodeServer } from './lib/codeServerSetup.mjs';
import { pendingCleanups, runPass } from './lib/integrationPass.mjs';
import { repoRoot, testResultsDir } from './lib/paths.mjs';
import { runOrThrow } from './lib/processes.mjs';
import { ensureVsix } from './lib/vsix.mjs';

const timeoutMs = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 600_000);
const wanted = process.env.INTEGRATION_PASS ?? 'all';
const verbose = process.env.INTEGRATION_VERBOSE === '1';

/** The passes: the source tree as extension under development, then the packaged .vsix as users install it. */
function selectPasses(vsix) {
  const passes = [
    { name: 'dev', title: 'extension under development', entry: compiledEntry() },
    { name: 'packaged', title: 'packaged .vsix', entry: compiledEntry('packaged'), vsix },
  ];
  const chosen = passes.filter((p) => wanted === 'all' || wanted === p.name);
  if (chosen.length === 0) throw new Error(`INTEGRATION_PASS must be dev, packaged or all (got ${wanted})`);
  return chosen;
}

/** Runs every cleanup still pending, newest first (browser, code-server, temp folder), each bounded to 5 s. */
async function cleanupAll() {
  for (const cleanup of [...pendingCleanups].reverse()) {
    const bounded = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([Promise.resolve().then(cleanup).catch(() => {}), bounded]);
  }
  pendingCleanups.clear();
}

async function main() {
  const started = Date.now();
  await ensureCodeServer();
  const vsix = wanted === 'dev' ? undefined : await ensureVsix();
  console.log('build: extension (development) and integration tests');
  await runOrThrow(process.execPath, ['esbuild.js'], { cwd: repoRoot });
  await buildIntegrationTests();
  fs.mkdirSync(testResultsDir, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  const totals = { passed: 0, failed: 0 };
  for (const pass of selectPasses(vsix)) {
    if (Date.now() >= deadline) {
      console.log(`\n  ✗ FAIL ${pass.name} pass: not run, the time limit (${timeoutMs} ms) is spent`);
      totals.failed++;
      continue;
    }
    console.log(`\nintegration: ${pass.title} (code-server, headless Chromium)`);
    const passStarted = Date.now();
    fs.rmSync(path.join(testResultsDir, `integration-${pass.name}-failure.png`), { force: true });
    const result = await runPass(pass, deadline, verbose).catch((e) => ({ passed: 0, failed: 0, problem: e instanceof Error ? e.message : String(e) }));
    console.log(`  (${pass.name} pass: ${result.passed} passed, ${result.failed} failed, ${((Date.now() - passStarted) / 1000).toFixed(1)} s)`);
    totals.passed += result.passed;
    totals.failed += result.failed;
    if (result.problem) {
      console.log(`  ✗ FAIL ${pass.name} pass: ${result.problem} (logs in ${path.relative(repoRoot, testResultsDir)}/)`);
      totals.failed++;
    }
  }
  console.log(`\nintegration tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed === 0 ? 0 : 1;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping code-server and the browser`);
    void cleanupAll().then(() => process.exit(130));
  });
}

main().then(
  (code) => { process.exitCode = code; },
  async (e) => {
    console.error(`integration: ${e instanceof Error ? e.message : e}`);
    await cleanupAll();
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
