// What the tests (inside the extension host) ask of the workbench page: a screenshot, optionally once an element
// is on screen, or just a wait for an element. Protocol in test/integration/markers.ts; answers are files the test
// waits for: the screenshot itself, `<name>.png.error` when its wait failed, `.page/<id>.json` for a plain wait.
import fs from 'node:fs';
import path from 'node:path';

/** Upper bound of any one wait, whatever the test asks for. */
const MAX_WAIT_MS = 30_000;

/** A file name made only of safe characters. */
export function safeName(name) {
  return String(name).replace(/[^\w.-]+/g, '_');
}

/** Writes `text` to `file` atomically (the test polls for the file and must never read half of it). */
function writeAtomically(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, text);
  fs.renameSync(`${file}.partial`, file);
}

/**
 * Waits until the first element matching `wait.selector` (and containing `wait.text`, when given) reaches
 * `wait.state` ('visible' by default) in the workbench page; rejects after `wait.timeoutMs` (10 s by default).
 */
export async function waitInPage(page, wait) {
  const timeout = Math.min(Number(wait.timeoutMs) || 10_000, MAX_WAIT_MS);
  let locator = page.locator(wait.selector);
  if (wait.text) locator = locator.filter({ hasText: wait.text });
  await locator.first().waitFor({ state: wait.state ?? 'visible', timeout });
}

/**
 * Saves a screenshot of the page as <dir>/<name>.png, atomically (tests wait for the file); with `waitFor`, only
 * once that element is on screen, with CSS animations finished (a hover fading in is shown fully).
 */
export async function screenshot(page, dir, name, waitFor) {
  const file = path.join(dir, `${safeName(name)}.png`);
  const partial = `${file}.partial.png`;
  if (waitFor) await waitInPage(page, waitFor);
  await page.screenshot({ path: partial, animations: waitFor ? 'disabled' : 'allow' });
  fs.renameSync(partial, file);
  return file;
}

/** Performs a test's screenshot event; when it fails, writes why to <name>.png.error so the test fails at once. */
export async function answerScreenshot(page, dir, event) {
  try {
    await screenshot(page, dir, event.name, event.waitFor);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`screenshot ${event.name} failed: ${message.split('\n')[0]}`);
    writeAtomically(path.join(dir, `${safeName(event.name)}.png.error`), message);
  }
}

/** Performs a test's page-wait event and writes { ok, error? } to <dir>/.page/<id>.json. */
export async function answerPageWait(page, dir, event) {
  let result;
  try {
    await waitInPage(page, event);
    result = { ok: true };
  } catch (e) {
    result = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  writeAtomically(path.join(dir, '.page', `${safeName(event.id)}.json`), JSON.stringify(result));
}
