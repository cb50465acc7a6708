// `npm start`: builds the extension and serves a real VS Code (code-server) on 127.0.0.1 with the extension
// loaded and samples/ opened. Env: PORT (default: a free port), START_PROFILE (a folder to keep the VS Code
// profile in between runs; default: a fresh temp profile). Ctrl+C stops everything it started.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProfile, quietSettings, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { ensureCodeServer } from './lib/codeServerSetup.mjs';
import { repoRoot, samplesDir } from './lib/paths.mjs';
import { runOrThrow } from './lib/processes.mjs';

/** START_PROFILE keeps the profile (settings, open editors, stored access keys) between runs; otherwise a temp one. */
const keptProfile = process.env.START_PROFILE ? path.resolve(process.env.START_PROFILE) : undefined;

/** The extension's folder name in the extensions dir (publisher.name-version, as an install would name it). */
function extensionFolderName() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}-${manifest.version}`;
}

/** Profile with the repository linked into its extensions dir, so the plain URL loads the extension. */
function prepareProfile(profileRoot) {
  const settingsFile = path.join(profileRoot, 'user-data', 'User', 'settings.json');
  const settings = fs.existsSync(settingsFile) ? { ...quietSettings, ...JSON.parse(fs.readFileSync(settingsFile, 'utf8')) } : quietSettings;
  const profile = createProfile(profileRoot, settings);
  const link = path.join(profile.extensionsDir, extensionFolderName());
  if (fs.lstatSync(link, { throwIfNoEntry: false })) fs.unlinkSync(link);
  fs.symlinkSync(repoRoot, link, 'dir');
  return profile;
}

async function main() {
  await ensureCodeServer();
  console.log('build: extension (development)');
  await runOrThrow(process.execPath, ['esbuild.js'], { cwd: repoRoot });
  const profileRoot = keptProfile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-start-'));
  const removeProfile = () => keptProfile || fs.rmSync(profileRoot, { recursive: true, force: true });
  const server = await startCodeServer(prepareProfile(profileRoot), { port: Number(process.env.PORT ?? 0), folder: samplesDir })
    .catch((e) => { removeProfile(); throw e; });
  let stopping = false;
  const stop = async (reason) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping code-server`);
    await server.stop();
    removeProfile();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  server.child.on('exit', (code) => {
    if (stopping) return;
    console.error(`code-server exited (${code})`);
    removeProfile();
    process.exit(code ?? 1);
  });
  server.child.stderr.on('data', (chunk) => process.stderr.write(chunk));
  console.log(`\nVS Code with API Gateway Access Logs on samples/:\n\n  ${workbenchUrl(server.url, samplesDir)}\n`);
  console.log('After changing the code: npm run build, then "Developer: Reload Window". Ctrl+C stops the server.');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
