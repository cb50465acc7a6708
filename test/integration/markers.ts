/** Protocol between the tests (inside the extension host) and scripts/runIntegration.mjs (watching the page console). */

/** Prefix of every line the runner parses; the rest of the line is one JSON event. Keep in sync with scripts/lib/testEvents.mjs. */
export const MARKER = '@@apigw-test';

/** An element the runner waits for in the workbench page (Playwright locator, bounded by timeoutMs, 10 s by default). */
export interface PageWait {
  /** CSS selector in the workbench page (not inside webviews). */
  readonly selector: string;
  /** Text the element must contain. */
  readonly text?: string;
  /** 'visible' (default) or 'attached'. */
  readonly state?: 'visible' | 'attached';
  readonly timeoutMs?: number;
}

/** What the tests tell the runner. */
export type TestEvent =
  | { type: 'suite'; title: string; depth: number }
  | { type: 'test'; title: string }
  | { type: 'pass'; title: string; ms: number; depth: number }
  | { type: 'fail'; title: string; error: string; depth: number }
  | { type: 'end'; passed: number; failed: number }
  | { type: 'screenshot'; name: string; waitFor?: PageWait }
  | ({ type: 'page-wait'; id: string } & PageWait);

/** True under scripts/runIntegration.mjs, which parses the events; other runners (test-electron) get plain lines. */
export function runnerParsesEvents(): boolean {
  return Boolean(process.env.APIGW_TEST_RESULTS);
}

/** Sends one event to the runner through the console (the extension host forwards it to the page), or prints it plainly. */
export function emit(event: TestEvent): void {
  if (runnerParsesEvents()) console.log(`${MARKER} ${JSON.stringify(event)}`);
  else {
    const line = plainLine(event);
    if (line !== undefined) console.log(line);
  }
}

/** The event as a spec-reporter-like line, for runners that do not parse events. */
function plainLine(event: TestEvent): string | undefined {
  switch (event.type) {
    case 'suite': return `${'  '.repeat(event.depth)}${event.title}`;
    case 'pass': return `${'  '.repeat(event.depth + 1)}✓ ${event.title} (${event.ms} ms)`;
    case 'fail': return `${'  '.repeat(event.depth + 1)}✗ FAIL ${event.title}\n${event.error}`;
    case 'end': return `\n${event.passed} passed, ${event.failed} failed`;
    default: return undefined;
  }
}
