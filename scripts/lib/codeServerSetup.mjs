// Installs code-server (a complete VS Code server build) into a cache folder, once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeServerBin, codeServerDir, codeServerMarker, codeServerVersion } from './paths.mjs';

/** @vscode/ripgrep version shipped inside code-server 4.100.3, and the ripgrep release it fetches. */
const ripgrepPackageVersion = '1.15.11';
const ripgrepRelease = 'v13.0.0-10';

/** True when a previous run finished the install. */
export function isCodeServerInstalled() {
  return fs.existsSync(codeServerMarker) && fs.existsSync(codeServerBin);
}

/** Installs code-server unless already there; resolves to the launcher path. */
export async function ensureCodeServer(log = console.log) {
  if (isCodeServerInstalled()) {
    log(`code-server ${codeServerVersion}: cached in ${path.relative(process.cwd(), codeServerDir) || '.'}`);
    return codeServerBin;
  }
  const release = await acquireLock(path.join(path.dirname(codeServerDir), `.code-server-${codeServerVersion}.lock`), log);
  try {
    if (!isCodeServerInstalled()) await install(log);
  } finally {
    release();
  }
  return codeServerBin;
}

/** Fresh install: ripgrep archive from the system binary, then npm install with the flags its postinstall needs. */
async function install(log) {
  const started = Date.now();
  fs.rmSync(codeServerDir, { recursive: true, force: true });
  const tmpDir = path.join(codeServerDir, 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  await writeRipgrepArchive(tmpDir, log);
  const logFile = path.join(codeServerDir, 'install.log');
  log(`code-server ${codeServerVersion}: npm install into ${codeServerDir} (about 30-60 s, log in ${logFile})`);
  const args = ['install', '--prefix', codeServerDir, `code-server@${codeServerVersion}`, '--unsafe-perm',
    '--no-audit', '--no-fund', '--no-save', '--loglevel', 'warn'];
  // TMPDIR makes os.tmpdir() (where @vscode/ripgrep looks for its cached archive) point at our folder.
  const env = { ...process.env, npm_config_yes: 'true', TMPDIR: tmpDir };
  const code = await runLogged('npm', args, env, logFile);
  if (code !== 0 || !fs.existsSync(codeServerBin) || !ripgrepInstalled()) {
    throw new Error(`code-server install failed (exit ${code}); last lines of ${logFile}:\n${tail(logFile, 40)}`);
  }
  fs.writeFileSync(codeServerMarker, `code-server ${codeServerVersion} installed ${new Date().toISOString()}\n`);
  log(`code-server ${codeServerVersion}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Puts the system ripgrep where @vscode/ripgrep's postinstall looks before downloading. */
async function writeRipgrepArchive(tmpDir, log) {
  const rg = findOnPath(process.env.RG_PATH ?? 'rg');
  if (!rg) throw new Error('ripgrep not found: install the Debian package "ripgrep" (or set RG_PATH)');
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const archive = path.join(cacheDir, `ripgrep-${ripgrepRelease}-${target}.tar.gz`);
  const code = await runLogged('tar', ['-czf', archive, '-C', path.dirname(rg), path.basename(rg)], process.env, null);
  if (code !== 0) throw new Error(`could not write ${archive}`);
  log(`ripgrep: cached ${rg} as ${path.relative(codeServerDir, archive)}`);
}

/** True when the VS Code server inside code-server has its ripgrep binary. */
function ripgrepInstalled() {
  const rg = path.join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  return fs.existsSync(rg);
}

/** Absolute path of an executable (name or path), or undefined. */
function findOnPath(name) {
  if (name.includes('/')) return fs.existsSync(name) ? fs.realpathSync(name) : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
  }
  return undefined;
}

/** Runs a command, appending its output to a log file (or inheriting stdio without one); resolves to the exit code. */
function runLogged(command, args, env, logFile) {
  const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => { if (typeof out === 'number') fs.closeSync(out); });
}

/** Last lines of a text file. */
function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A lock folder so two runs on one machine do not install at once; stale after 15 minutes. */
async function acquireLock(lockDir, log) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (let told = false; ; told = true) {
    try {
      fs.mkdirSync(lockDir);
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs > 15 * 60_000) fs.rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      if (!told) log(`code-server: another install is running (${lockDir}); waiting`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
