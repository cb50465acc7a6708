// `npm run test:electron`: the same integration suites in desktop VS Code through @vscode/test-electron, which
// downloads VS Code into .vscode-test/ (for machines that can reach update.code.visualstudio.com; CI here uses
// scripts/runIntegration.mjs instead). On Linux without a display, run it under xvfb-run.
// Env: VSCODE_VERSION (default 'stable'; mocha 12 needs a VS Code whose Node can require() ES modules),
//      INTEGRATION_PASS=dev|packaged|all (default all).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { buildIntegrationTests, compiledEntry } from './lib/buildIntegration.mjs';
import { createProfile } from './lib/codeServer.mjs';
import { prepareWorkspace, writeHostStub } from './lib/integrationPass.mjs';
import { repoRoot } from './lib/paths.mjs';
import { runOrThrow } from './lib/processes.mjs';
import { ensureVsix } from './lib/vsix.mjs';

const version = process.env.VSCODE_VERSION ?? 'stable';
const wanted = process.env.INTEGRATION_PASS ?? 'all';

/** Installs the .vsix into the profile with the downloaded VS Code's CLI. */
function installVsix(vscodeExecutablePath, profile, vsix) {
  const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
  const args = [`--extensions-dir=${profile.extensionsDir}`, `--user-data-dir=${profile.userDataDir}`, '--install-extension', vsix, '--force'];
  const result = spawnSync(cli, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (exit ${result.status})`);
}

/** One pass in a fresh profile and a copy of samples/; resolves to true when every test passed. */
async function runPass(vscodeExecutablePath, pass) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `apigw-electron-${pass.name}-`));
  try {
    const profile = createProfile(path.join(tmp, 'profile'));
    if (pass.vsix) installVsix(vscodeExecutablePath, profile, pass.vsix);
    console.log(`\nintegration (desktop VS Code ${version}): ${pass.title}`);
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: pass.vsix ? writeHostStub(tmp) : repoRoot,
      extensionTestsPath: pass.entry,
      launchArgs: [prepareWorkspace(tmp), `--user-data-dir=${profile.userDataDir}`, `--extensions-dir=${profile.extensionsDir}`, '--disable-gpu'],
    });
    return true;
  } catch (e) {
    console.error(`${pass.name} pass failed: ${e instanceof Error ? e.message : e}`);
    return false;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const passes = [
    { name: 'dev', title: 'extension under development', entry: compiledEntry() },
    { name: 'packaged', title: 'packaged .vsix', entry: compiledEntry('packaged'), vsix: true },
  ].filter((p) => wanted === 'all' || wanted === p.name);
  if (passes.length === 0) throw new Error(`INTEGRATION_PASS must be dev, packaged or all (got ${wanted})`);
  const vsix = passes.some((p) => p.vsix) ? await ensureVsix() : undefined;
  await runOrThrow(process.execPath, ['esbuild.js'], { cwd: repoRoot });
  await buildIntegrationTests();
  const vscodeExecutablePath = await downloadAndUnzipVSCode(version);
  const results = [];
  for (const pass of passes) results.push(await runPass(vscodeExecutablePath, { ...pass, vsix: pass.vsix && vsix }));
  const failed = passes.filter((_, i) => !results[i]).map((p) => p.name);
  console.log(failed.length === 0 ? '\nall integration passes succeeded' : `\nfailed passes: ${failed.join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => {
    console.error(`test:electron: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  },
);
