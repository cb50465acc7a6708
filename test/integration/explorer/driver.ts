/**
 * Drives the log explorer's webview from a test in the extension host: prints a request for the runner
 * (scripts/lib/webviewDriver.mjs performs it with Playwright) and waits for the answer file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MARKER } from '../markers';
import { waitUntil } from '../helpers';

/** What a webview request may carry; `file` picks the explorer of that file name. */
export interface WebviewRequest {
  readonly action: string;
  readonly file?: string;
  readonly selector?: string;
  readonly text?: string;
  readonly value?: string;
  readonly key?: string;
  readonly name?: string;
  readonly expression?: string;
  readonly modifiers?: readonly string[];
  readonly state?: 'attached' | 'visible';
  readonly top?: number;
  readonly from?: number;
  readonly to?: number;
  readonly dx?: number;
  readonly timeoutMs?: number;
}

let counter = 0;

/** True when a runner that can drive webviews is watching (scripts/runIntegration.mjs). */
export function canDriveWebviews(): boolean {
  return Boolean(process.env.APIGW_TEST_RESULTS);
}

/** Sends one request and resolves with its value; rejects with the runner's error. */
export async function drive<T = unknown>(request: WebviewRequest): Promise<T> {
  const dir = process.env.APIGW_TEST_RESULTS;
  if (!dir) throw new Error('no webview driver: run the integration tests with scripts/runIntegration.mjs');
  const id = `${process.pid}-${Date.now()}-${++counter}`;
  const file = path.join(dir, '.webview', `${id}.json`);
  console.log(`${MARKER} ${JSON.stringify({ type: 'webview', id, ...request })}`);
  await waitUntil(() => fs.existsSync(file), `webview ${request.action} ${request.selector ?? ''}`, (request.timeoutMs ?? 10_000) + 15_000);
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; value?: T; error?: string };
  fs.rmSync(file, { force: true });
  if (!answer.ok) throw new Error(`webview ${request.action} ${request.selector ?? request.expression ?? ''}: ${answer.error}`);
  return answer.value as T;
}

/** A driver bound to the explorer of one file. */
export class ExplorerDriver {
  constructor(readonly file: string) {}

  /** Waits for `selector` (optionally containing `text`). */
  wait(selector: string, text?: string, timeoutMs = 15_000): Promise<boolean> {
    return drive({ action: 'wait', file: this.file, selector, text, timeoutMs });
  }

  /** The text of the first match. */
  text(selector: string): Promise<string> {
    return drive({ action: 'text', file: this.file, selector });
  }

  /** The texts of all matches. */
  texts(selector: string): Promise<string[]> {
    return drive({ action: 'texts', file: this.file, selector });
  }

  /** The number of matches. */
  count(selector: string): Promise<number> {
    return drive({ action: 'count', file: this.file, selector });
  }

  /** An attribute of the first match. */
  attr(selector: string, name: string): Promise<string | null> {
    return drive({ action: 'attr', file: this.file, selector, name });
  }

  /** Clicks the first match (with modifiers such as 'Alt'). */
  click(selector: string, modifiers: string[] = []): Promise<boolean> {
    return drive({ action: 'click', file: this.file, selector, modifiers });
  }

  /** Double-clicks the first match. */
  dblclick(selector: string): Promise<boolean> {
    return drive({ action: 'dblclick', file: this.file, selector });
  }

  /** Replaces an input's value. */
  fill(selector: string, value: string): Promise<boolean> {
    return drive({ action: 'fill', file: this.file, selector, value });
  }

  /** Presses a key in the first match. */
  press(selector: string, key: string): Promise<boolean> {
    return drive({ action: 'press', file: this.file, selector, key });
  }

  /** Evaluates an expression in the webview (undefined comes back as null). */
  eval<T>(expression: string): Promise<T> {
    return drive({ action: 'eval', file: this.file, expression });
  }

  /** Sets an element's scrollTop. */
  scroll(selector: string, top: number): Promise<number> {
    return drive({ action: 'scroll', file: this.file, selector, top });
  }

  /** Drags across the first match from fraction `from` to `to` of its width (brushing). */
  drag(selector: string, from: number, to: number): Promise<boolean> {
    return drive({ action: 'drag', file: this.file, selector, from, to });
  }

  /** Drags the first match's centre sideways by `dx` pixels (resizing). */
  dragBy(selector: string, dx: number): Promise<boolean> {
    return drive({ action: 'drag', file: this.file, selector, dx });
  }

  /** The webview's JS heap in bytes (Chromium's performance.memory), or null. */
  memory(): Promise<number | null> {
    return drive({ action: 'memory', file: this.file });
  }
}

/** Dialogs raised in the page so far (alert/confirm/prompt), as "type: message". */
export function dialogs(): Promise<string[]> {
  return drive({ action: 'dialogs' });
}

/** A screenshot of the whole workbench, saved as test-results/<name>.png. */
export function screenshot(name: string): Promise<string> {
  return drive({ action: 'screenshot', name, timeoutMs: 20_000 });
}
