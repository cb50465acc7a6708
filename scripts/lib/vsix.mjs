// The packaged extension: rebuilt by `npm run package` when missing or older than what goes into it.
import fs from 'node:fs';
import path from 'node:path';
import { run } from './processes.mjs';
import { repoRoot, vsixPath } from './paths.mjs';

/** Files and folders whose changes make the .vsix stale. */
const inputs = ['package.json', 'esbuild.js', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'src', 'media', 'syntaxes'];

/** Newest modification time under a path (0 when it does not exist). */
function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target, { recursive: true, encoding: 'utf8' })
    .reduce((newest, rel) => Math.max(newest, fs.statSync(path.join(target, rel)).mtimeMs), stat.mtimeMs);
}

/** Why the .vsix needs packaging, or undefined when it is up to date. */
export function vsixStaleReason() {
  const built = fs.statSync(vsixPath, { throwIfNoEntry: false });
  if (!built) return 'missing';
  const changed = inputs.find((input) => newestMtime(path.join(repoRoot, input)) > built.mtimeMs);
  return changed ? `${changed} changed since it was built` : undefined;
}

/** Runs `npm run package` unless the .vsix is up to date; resolves to its path. */
export async function ensureVsix(log = console.log) {
  const reason = vsixStaleReason();
  if (!reason) {
    log(`vsix: ${path.relative(repoRoot, vsixPath)} is up to date`);
    return vsixPath;
  }
  log(`vsix: ${reason}; running npm run package`);
  const code = await run('npm', ['run', '--silent', 'package'], { cwd: repoRoot });
  if (code !== 0 || !fs.existsSync(vsixPath)) throw new Error(`npm run package failed (exit ${code})`);
  return vsixPath;
}
