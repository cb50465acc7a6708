// A code-server instance with its own state: profile folders, quiet settings, loopback only.
import fs from 'node:fs';
import path from 'node:path';
import { codeServerBin } from './paths.mjs';
import { killGroup, runOrThrow, spawnGroup, waitForOutput } from './processes.mjs';

/** User settings that keep the workbench quiet and offline-friendly during tests and demos. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/** Creates the folders of an isolated profile under root and writes its settings; returns their paths. */
export function createProfile(root, settings = quietSettings) {
  const profile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
    home: path.join(root, 'home'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.mkdirSync(profile.home, { recursive: true });
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // An explicit config keeps code-server from writing ~/.config/code-server/config.yaml.
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  return profile;
}

/** Environment for code-server: XDG folders inside the profile so nothing lands in the real home. */
function profileEnv(profile, extraEnv) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(profile.home, '.config'),
    XDG_DATA_HOME: path.join(profile.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(profile.home, '.cache'),
    ...extraEnv,
  };
}

/** Arguments selecting the profile's folders. */
function profileArgs(profile) {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Installs a .vsix into the profile's extensions folder. */
export async function installVsix(profile, vsix) {
  await runOrThrow(process.execPath, [codeServerBin, ...profileArgs(profile), '--install-extension', vsix, '--force'], {
    env: profileEnv(profile, {}),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Starts code-server on 127.0.0.1 (port 0 picks a free one) and resolves once it listens;
 * with folder, a plain URL (no ?folder=) opens that folder.
 * Returns { url, child, stop } where url is the base URL ending in '/'.
 */
export async function startCodeServer(profile, { port = 0, env = {}, logFile, folder, timeoutMs = 60_000 } = {}) {
  const args = [codeServerBin, ...profileArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(folder ? [folder] : ['--ignore-last-opened'])];
  const child = spawnGroup(process.execPath, args, { env: profileEnv(profile, env) });
  if (logFile) {
    const log = fs.createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  } else {
    child.stdout.resume();
    child.stderr.resume();
  }
  const stop = () => killGroup(child);
  try {
    const match = await waitForOutput(child, /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\/?/, timeoutMs);
    return { url: `${match[1]}/`, child, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** The workbench URL opening folder, with an optional launch payload (extensionDevelopmentPath, extensionTestsPath...). */
export function workbenchUrl(baseUrl, folder, payload) {
  const query = `?folder=${encodeURI(folder).replace(/[?#&]/g, encodeURIComponent)}`;
  return `${baseUrl}${query}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}

/** A path on the code-server machine as the vscode-remote URI the payload expects. */
export function remoteUri(baseUrl, absolutePath) {
  return `vscode-remote://${new URL(baseUrl).host}${absolutePath}`;
}
