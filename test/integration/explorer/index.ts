/** Integration test entry for the log explorer alone (the full dev suite runs these files too). */
import { findTestFiles, runMocha } from '../mochaSuite';

/** Called by VS Code (extensionTestsPath) inside the extension host. */
export function run(): Promise<void> {
  return runMocha(findTestFiles(__dirname, () => true));
}
