/** Integration test entry for the installed .vsix: only the tests in this folder. */
import { findTestFiles, runMocha } from '../mochaSuite';

/** Called by VS Code (extensionTestsPath) inside the extension host. */
export function run(): Promise<void> {
  return runMocha(findTestFiles(__dirname, () => true));
}
