// Where the test/run scripts keep things: one place, so every script agrees.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The code-server version the tests run in (VS Code 1.100.3, Node 20). */
export const codeServerVersion = '4.100.3';

/** Folder code-server is installed into; CODE_SERVER_CACHE overrides it (e.g. a CI cache shared by clones). */
export const codeServerDir = process.env.CODE_SERVER_CACHE
  ? path.resolve(process.env.CODE_SERVER_CACHE)
  : path.join(repoRoot, '.cache', `code-server-${codeServerVersion}`);

/** The code-server launcher inside the cache folder. */
export const codeServerBin = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Written after a complete install; its presence makes setup a no-op. */
export const codeServerMarker = path.join(codeServerDir, '.installed');

/** Debian's Chromium, driven by playwright-core. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Compiled integration tests (esbuild bundles). */
export const integrationOutDir = path.join(repoRoot, 'out', 'integration');

/** Screenshots and other artifacts of a test run. */
export const testResultsDir = path.join(repoRoot, 'test-results');

/** The packaged extension built by `npm run package`. */
export const vsixPath = path.join(repoRoot, 'dist-vsix', 'apigw-access-logs.vsix');

/** Sample logs opened as the workspace. */
export const samplesDir = path.join(repoRoot, 'samples');
