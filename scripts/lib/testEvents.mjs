// Reads the marker lines the integration tests print (test/integration/markers.ts) and keeps the score.

/** Prefix of a test event; keep in sync with test/integration/markers.ts. */
export const MARKER = '@@apigw-test';

/** The JSON event in a console message, or undefined when the message carries none. */
export function parseEvent(text) {
  const at = text.indexOf(MARKER);
  if (at < 0) return undefined;
  const json = text.slice(at + MARKER.length).trim();
  // The extension host may append its own formatting after the payload: parse up to the last closing brace.
  const end = json.lastIndexOf('}');
  try {
    return JSON.parse(json.slice(0, end + 1));
  } catch {
    return undefined;
  }
}

/** Tally of one pass; format() turns events into the lines printed on stdout. */
export class Score {
  passed = 0;
  failed = 0;
  ended = false;
  /** Title of the test running now (for a timeout message). */
  current = undefined;

  /** Counts an event and returns the lines to print for it (none for events that are not results). */
  record(event) {
    switch (event.type) {
      case 'suite':
        return [`${indent(event.depth)}${event.title}`];
      case 'test':
        this.current = event.title;
        return [];
      case 'pass':
        this.passed++;
        return [`${indent(event.depth + 1)}✓ ${event.title} (${event.ms} ms)`];
      case 'fail':
        this.failed++;
        return [`${indent(event.depth + 1)}✗ FAIL ${event.title}`, ...String(event.error).split('\n').map((l) => `${indent(event.depth + 3)}${l}`)];
      case 'end':
        this.ended = true;
        return [];
      default:
        return [];
    }
  }
}

/** Two spaces per level (depth may be missing from older events). */
function indent(depth) {
  return '  '.repeat(Number(depth) || 1);
}
