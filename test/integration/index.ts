/** Integration test entry for the extension under development: every test file except the packaged suite. */
import { findTestFiles, runMocha } from './mochaSuite';

/** Called by VS Code (extensionTestsPath) inside the extension host. */
export function run(): Promise<void> {
  return runMocha(findTestFiles(__dirname, (rel) => !rel.startsWith('packaged/')));
}
