// Lets integration tests (inside the extension host) drive the log explorer's webview with Playwright.
// A test prints a marker line `@@apigw-test {"type":"webview","id":…,"action":…}` (see
// test/integration/explorer/driver.ts); the runner's page sees it on the console, this module performs the
// action in the webview's frame and writes the answer to <results>/.webview/<id>.json (atomically), which
// the test waits for. Dialogs (alert/confirm/prompt) from any frame are counted and dismissed: a hostile
// log must never raise one.
import fs from 'node:fs';
import path from 'node:path';
import { parseEvent } from './testEvents.mjs';

const DEFAULT_TIMEOUT_MS = 10_000;

/** The frames showing a log explorer whose file name is `file` (any explorer when `file` is empty). */
async function explorerFrames(page, file) {
  const found = [];
  for (const frame of page.frames()) {
    const name = await frame.evaluate(() => document.body?.dataset.apigwExplorer ?? null).catch(() => null);
    if (name === null || (file && name !== file)) continue;
    const visible = await frame.evaluate(() => window.innerHeight > 0 && window.innerWidth > 0).catch(() => false);
    if (visible) found.push(frame);
  }
  return found;
}

/** Retries `attempt(frame)` on the newest matching frame until it returns a value or the deadline passes. */
async function inFrame(page, request, attempt) {
  const deadline = Date.now() + (request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let lastError = new Error(`no log explorer webview${request.file ? ` for ${request.file}` : ''}`);
  while (Date.now() < deadline) {
    const frames = await explorerFrames(page, request.file);
    const frame = frames.at(-1);
    if (frame) {
      try {
        const value = await attempt(frame, Math.max(250, deadline - Date.now()));
        if (value !== undefined) return value;
      } catch (e) {
        lastError = e;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw lastError;
}

/** Waits until the frame's `selector` exists (and, with `text`, its text contains it). */
async function waitFor(frame, request, timeout) {
  const locator = frame.locator(request.selector).first();
  await locator.waitFor({ state: request.state ?? 'attached', timeout: Math.min(timeout, 1000) });
  if (request.text === undefined) return true;
  const text = await locator.textContent({ timeout: 500 });
  return text !== null && text.includes(request.text) ? true : undefined;
}

/** The actions a test can ask for; each returns a JSON-safe value (undefined means "not yet, retry"). */
const actions = {
  wait: (frame, r, t) => waitFor(frame, r, t),
  text: async (frame, r) => frame.locator(r.selector).first().textContent({ timeout: 1000 }),
  texts: async (frame, r) => frame.locator(r.selector).allTextContents(),
  count: async (frame, r) => frame.locator(r.selector).count(),
  attr: async (frame, r) => frame.locator(r.selector).first().getAttribute(r.name, { timeout: 1000 }),
  click: async (frame, r) => {
    await frame.locator(r.selector).first().click({ timeout: 2000, modifiers: r.modifiers ?? [] });
    return true;
  },
  dblclick: async (frame, r) => {
    await frame.locator(r.selector).first().dblclick({ timeout: 2000 });
    return true;
  },
  fill: async (frame, r) => {
    await frame.locator(r.selector).first().fill(r.value, { timeout: 2000 });
    return true;
  },
  press: async (frame, r) => {
    await frame.locator(r.selector).first().press(r.key, { timeout: 2000 });
    return true;
  },
  eval: async (frame, r) => (await frame.evaluate(r.expression)) ?? null,
  scroll: async (frame, r) => frame.locator(r.selector).first().evaluate((el, top) => { el.scrollTop = top; return el.scrollTop; }, r.top),
  memory: async (frame) => frame.evaluate(() => performance.memory?.usedJSHeapSize ?? null),
  /**
   * Drags across the first match at mid height: from fraction `from` to `to` of its width (brushing a chart),
   * or, with `dx`, from its centre by `dx` pixels (resizing a column).
   */
  drag: async (frame, r) => {
    const box = await frame.locator(r.selector).first().boundingBox({ timeout: 2000 });
    if (!box) return undefined;
    const page = frame.page();
    const y = box.y + box.height / 2;
    const startX = r.dx === undefined ? box.x + box.width * r.from : box.x + box.width / 2;
    const endX = r.dx === undefined ? box.x + box.width * r.to : startX + r.dx;
    await page.mouse.move(startX, y);
    await page.mouse.down();
    await page.mouse.move((startX + endX) / 2, y, { steps: 4 });
    await page.mouse.move(endX, y, { steps: 4 });
    await page.mouse.up();
    return true;
  },
};

/** Performs one request; resolves to `{ ok, value }` or `{ ok: false, error }`. */
async function perform(page, request, state) {
  try {
    if (request.action === 'dialogs') return { ok: true, value: [...state.dialogs] };
    if (request.action === 'screenshot') {
      const file = path.join(state.resultsDir, `${String(request.name).replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: `${file}.partial.png` });
      fs.renameSync(`${file}.partial.png`, file);
      return { ok: true, value: file };
    }
    const action = actions[request.action];
    if (!action) return { ok: false, error: `unknown webview action ${request.action}` };
    return { ok: true, value: await inFrame(page, request, (frame, timeout) => action(frame, request, timeout)) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Writes an answer where the test waits for it. */
function answer(state, id, result) {
  const dir = path.join(state.resultsDir, '.webview');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(id).replace(/[^\w.-]+/g, '_')}.json`);
  fs.writeFileSync(`${file}.partial`, JSON.stringify(result));
  fs.renameSync(`${file}.partial`, file);
}

/** Starts answering webview requests printed on `page`'s console; answers go under `resultsDir`. */
export function attachWebviewDriver(page, resultsDir) {
  const state = { resultsDir, dialogs: [] };
  page.on('dialog', (dialog) => {
    state.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('console', (message) => {
    const event = parseEvent(message.text());
    if (event?.type !== 'webview') return;
    perform(page, event, state).then((result) => answer(state, event.id, result), (e) => answer(state, event.id, { ok: false, error: String(e) }));
  });
  return state;
}
