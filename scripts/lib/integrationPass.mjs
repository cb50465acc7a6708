// One integration pass: a fresh code-server + headless Chromium running one suite entry to completion.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, newPage } from './browser.mjs';
import { createProfile, installVsix, remoteUri, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { repoRoot, samplesDir, testResultsDir } from './paths.mjs';
import { answerPageWait, answerScreenshot, screenshot as takeScreenshot } from './pageWaits.mjs';
import { parseEvent, Score } from './testEvents.mjs';

/** Cleanups of the running pass, run on Ctrl+C as well. */
export const pendingCleanups = new Set();

/** Copies samples/ into the pass's temp folder so tests never touch the originals (falls back to samples/ itself). */
export function prepareWorkspace(tmp) {
  const copy = path.join(tmp, 'samples');
  try {
    fs.cpSync(samplesDir, copy, { recursive: true });
    return copy;
  } catch (e) {
    console.warn(`could not copy samples/ (${e.message}); opening samples/ itself`);
    return samplesDir;
  }
}

/** A do-nothing extension under development: VS Code runs extension tests only with one, and the packaged pass needs the installed copy, not the source tree. */
export function writeHostStub(tmp) {
  const dir = path.join(tmp, 'packaged-test-host');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'packaged-test-host', publisher: 'apigw-logs-test', version: '0.0.0', engines: { vscode: '^1.100.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  return dir;
}

/** Saves a screenshot of the page as test-results/<name>.png, atomically (tests wait for the file). */
export function screenshot(page, name) {
  return takeScreenshot(page, testResultsDir, name);
}

/** Wires the page: exit callback, workbench log, test events from the console; resolves to { exited } (a promise of the exit code). */
async function instrumentPage(page, score, logStream, verbose) {
  let exit;
  const exited = new Promise((resolve) => { exit = resolve; });
  await page.exposeFunction('codeAutomationExit', (code) => exit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (level, message) => logStream.write(`[${level}] ${message}\n`));
  await page.exposeFunction('codeAutomationScreenshot', (name) => screenshot(page, name));
  page.on('pageerror', (error) => logStream.write(`[pageerror] ${error.message}\n`));
  page.on('console', (message) => {
    const text = message.text();
    logStream.write(`[console.${message.type()}] ${text}\n`);
    const event = parseEvent(text);
    if (!event) return verbose && console.log(`  [console] ${text}`);
    if (event.type === 'screenshot') return void answerScreenshot(page, testResultsDir, event);
    if (event.type === 'page-wait') return void answerPageWait(page, testResultsDir, event);
    for (const line of score.record(event)) console.log(line);
  });
  return { exited };
}

/** Lets tests drive webviews with Playwright (scripts/lib/webviewDriver.mjs, owned by the explorer's tests) when present. */
async function attachWebviewDriver(page) {
  const file = new URL('./webviewDriver.mjs', import.meta.url);
  if (!fs.existsSync(file)) return;
  const driver = await import(file.href);
  driver.attachWebviewDriver(page, testResultsDir);
}

/** Resolves to 'timeout' at the deadline; cancel() stops the timer. */
function deadlineTimer(deadline) {
  let timer;
  const promise = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())); });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Opens the workbench on the tests and waits for the exit code (or the deadline); run: { server, pass, workspace, devPath, tmp }. */
async function driveWorkbench(run, deadline, verbose) {
  const browser = await launchChromium(path.join(run.tmp, 'browser-home'));
  const closeBrowser = () => browser.close().catch(() => {});
  pendingCleanups.add(closeBrowser);
  const logStream = fs.createWriteStream(path.join(testResultsDir, `workbench-${run.pass.name}.log`));
  const score = new Score();
  const timer = deadlineTimer(deadline);
  try {
    const page = await newPage(browser);
    const { exited } = await instrumentPage(page, score, logStream, verbose);
    await attachWebviewDriver(page);
    const { url } = run.server;
    const payload = [['extensionDevelopmentPath', remoteUri(url, run.devPath)], ['extensionTestsPath', remoteUri(url, run.pass.entry)]];
    await page.goto(workbenchUrl(url, run.workspace, payload));
    const code = await Promise.race([exited, timer.promise]);
    if (describeProblem(code, score) || score.failed > 0) await saveFailureScreenshot(page, run.pass.name);
    return { code, score };
  } finally {
    timer.cancel();
    logStream.end();
    await closeBrowser();
    pendingCleanups.delete(closeBrowser);
  }
}

/** Screenshot of the workbench as the failure left it. */
async function saveFailureScreenshot(page, passName) {
  try {
    console.log(`  screenshot: ${path.relative(repoRoot, await screenshot(page, `integration-${passName}-failure`))}`);
  } catch (e) {
    console.log(`  screenshot failed: ${e.message}`);
  }
}

/**
 * Runs one pass: { name, entry (compiled suite entry), vsix (install it, test it instead of the source tree) }.
 * Resolves to { passed, failed, problem } where problem explains a run that did not complete normally.
 */
export async function runPass(pass, deadline, verbose = false) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `apigw-it-${pass.name}-`));
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
  pendingCleanups.add(removeTmp);
  let server;
  try {
    const profile = createProfile(path.join(tmp, 'profile'));
    const workspace = prepareWorkspace(tmp);
    if (pass.vsix) await installVsix(profile, pass.vsix);
    const devPath = pass.vsix ? writeHostStub(tmp) : repoRoot;
    const logFile = path.join(testResultsDir, `code-server-${pass.name}.log`);
    const env = { APIGW_TEST_RESULTS: testResultsDir, APIGW_TEST_SCRATCH: path.join(tmp, 'scratch'), APIGW_TEST_GREP: process.env.INTEGRATION_GREP ?? '' };
    server = await startCodeServer(profile, { env, logFile });
    pendingCleanups.add(server.stop);
    const { code, score } = await driveWorkbench({ server, pass, workspace, devPath, tmp }, deadline, verbose);
    return { passed: score.passed, failed: score.failed, problem: describeProblem(code, score) };
  } finally {
    if (server) {
      await server.stop();
      pendingCleanups.delete(server.stop);
    }
    removeTmp();
    pendingCleanups.delete(removeTmp);
  }
}

/** Why a pass did not complete normally, or undefined. */
function describeProblem(code, score) {
  if (code === 'timeout') return `timed out${score.current ? ` during "${score.current}"` : ''}`;
  if (!score.ended) return `the test run did not complete (exit code ${code})`;
  if (score.passed + score.failed === 0 && !process.env.INTEGRATION_GREP) return 'no test ran';
  if (code !== 0 && score.failed === 0) return `VS Code reported exit code ${code}`;
  return undefined;
}
