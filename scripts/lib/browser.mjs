// Debian's Chromium, headless, driven by playwright-core.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';

/** Flags for a quiet, offline headless Chromium (from docs/testing-in-real-vscode.md). */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/**
 * Launches headless Chromium with its home (profile, crash database) under homeDir, so nothing lands in the real home.
 * Signals are left to the caller, which stops code-server as well; the caller closes the browser.
 */
export function launchChromium(homeDir) {
  const env = { ...process.env, HOME: homeDir, XDG_CONFIG_HOME: path.join(homeDir, '.config'), XDG_CACHE_HOME: path.join(homeDir, '.cache') };
  return chromium.launch({
    executablePath: chromiumPath, headless: true, args: chromiumArgs, env,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
}

/** A page of a fresh context with a desktop-sized viewport. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}
