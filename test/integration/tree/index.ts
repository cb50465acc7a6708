/** Suite entry running only the requests tree's integration tests (scripts/treeTests.mjs; `npm run test:tree-perf`). */
import { findTestFiles, runMocha } from '../mochaSuite';

/** Called by VS Code (extensionTestsPath) inside the extension host. */
export function run(): Promise<void> {
  return runMocha(findTestFiles(__dirname, () => true));
}
