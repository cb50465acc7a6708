/** Shared helpers for integration tests running inside VS Code. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { emit, type PageWait } from './markers';

/** The extension's identifier (publisher.name). */
export const EXTENSION_ID = 'apigw-logs.apigw-access-logs';

/** The language given to access logs. */
export const LANGUAGE_ID = 'apigw-access-log';

/** The extension as VS Code knows it; fails the test when it is not installed. */
export function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return extension;
}

/** Resolves once check() is true, checking every 25 ms; for states VS Code announces with no event (e.g. isActive). */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Resolves with the first event matching predicate, or rejects after timeoutMs. */
export function waitForEvent<T>(event: vscode.Event<T>, predicate: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for an event`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Resolves once the extension has activated by itself (without calling activate()). */
export function whenActivated(extension = getExtension(), timeoutMs = 15_000): Promise<void> {
  return waitUntil(() => extension.isActive, `${extension.id} to activate`, timeoutMs);
}

/** Files of the workspace (a copy of samples/) matching a glob, sorted; fails when there are none. */
export async function findSamples(glob = '**/*.apigw.log'): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles(glob);
  if (uris.length === 0) throw new Error(`no sample matches ${glob} in the workspace`);
  return uris.sort((a, b) => a.path.localeCompare(b.path));
}

/** Opens the first sample matching glob in an editor. */
export async function openSample(glob = '**/*.apigw.log'): Promise<vscode.TextEditor> {
  const [uri] = await findSamples(glob);
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Closes every editor, so each test starts from the same workbench. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Writes a scratch file outside the workspace (tests never modify samples/) and returns its URI; the runner removes it. */
export function writeScratchFile(name: string, content: string): vscode.Uri {
  const root = process.env.APIGW_TEST_SCRATCH || os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'apigw-it-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

/** Where the runner saves screenshots, when a runner that takes them is watching (scripts/runIntegration.mjs). */
function screenshotDir(): string | undefined {
  return process.env.APIGW_TEST_RESULTS || undefined;
}

/**
 * Asks the runner for a screenshot of the whole page, saved as test-results/<name>.png; resolves to its path,
 * or to undefined under a runner that cannot take one (e.g. @vscode/test-electron). With `waitFor`, the runner
 * takes it once that element is on screen (e.g. a hover that has painted) and fails the test when it never is.
 */
export async function saveScreenshot(name: string, waitFor?: PageWait, timeoutMs = 20_000): Promise<string | undefined> {
  const dir = screenshotDir();
  if (!dir) return undefined;
  const safeName = name.replace(/[^\w.-]+/g, '_');
  const file = path.join(dir, `${safeName}.png`);
  const error = `${file}.error`;
  fs.rmSync(file, { force: true });
  fs.rmSync(error, { force: true });
  emit({ type: 'screenshot', name: safeName, waitFor });
  await waitUntil(() => fs.existsSync(file) || fs.existsSync(error), `screenshot ${file}`, timeoutMs + (waitFor?.timeoutMs ?? 10_000));
  if (fs.existsSync(error)) throw new Error(`screenshot ${safeName}: ${fs.readFileSync(error, 'utf8')}`);
  return file;
}

let pageWaits = 0;

/**
 * Waits until an element of the workbench page is on screen, for states the extension host hears of through
 * no event (an input box shown, a view message painted); resolves to false under a runner that cannot look
 * at the page (e.g. @vscode/test-electron), and rejects when the element does not appear in time.
 */
export async function waitInWorkbench(wait: PageWait): Promise<boolean> {
  const dir = screenshotDir();
  if (!dir) return false;
  const id = `${process.pid}-${Date.now()}-${++pageWaits}`;
  const file = path.join(dir, '.page', `${id}.json`);
  emit({ type: 'page-wait', id, ...wait });
  await waitUntil(() => fs.existsSync(file), `the workbench to show ${wait.selector}`, (wait.timeoutMs ?? 10_000) + 10_000);
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; error?: string };
  fs.rmSync(file, { force: true });
  if (!answer.ok) throw new Error(`waiting for ${wait.selector} in the workbench: ${answer.error}`);
  return true;
}
