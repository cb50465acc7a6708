/** Header blocks ("name: value" lines, CRLF or LF, or a JSON object) as name/value pairs. */

/** One header: name and value. */
export type HeaderPair = readonly [name: string, value: string];

/** A decoded header block. */
export interface HeaderBlock {
  readonly pairs: readonly HeaderPair[];
  /** The pairs as "name: value" lines. */
  readonly text: string;
  /** True when the block was a JSON object. */
  readonly fromJson: boolean;
}

/** Splits a header block into pairs; never throws. Folded lines join the header above them. */
export function parseHeaders(block: string): HeaderPair[] {
  const text = String(block);
  const json = text.trimStart().startsWith('{') ? fromJsonObject(text) : undefined;
  return json ?? fromLines(splitLines(text));
}

/** Pairs as "name: value" lines. */
export function formatHeaders(pairs: readonly HeaderPair[]): string {
  return pairs.map(([n, v]) => (v === '' ? n : `${n}: ${v}`)).join('\n');
}

/** Parses and pretty-prints a header block. */
export function decodeHeaders(block: string): HeaderBlock {
  const text = String(block);
  const fromJson = text.trimStart().startsWith('{') && fromJsonObject(text) !== undefined;
  const pairs = parseHeaders(text);
  return { pairs, text: formatHeaders(pairs), fromJson };
}

function splitLines(text: string): string[] {
  if (/[\r\n]/.test(text)) return text.split(/\r\n|\n|\r/);
  return /\\r\\n|\\n/.test(text) ? text.split(/\\r\\n|\\n/) : [text];
}

function fromLines(lines: readonly string[]): HeaderPair[] {
  const pairs: [string, string][] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const last = pairs[pairs.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    pairs.push(splitHeader(line));
  }
  return pairs;
}

function splitHeader(line: string): [string, string] {
  const from = line.startsWith(':') ? 1 : 0;
  const colon = line.indexOf(':', from);
  if (colon <= 0) return [line.trim(), ''];
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

function fromJsonObject(text: string): HeaderPair[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.entries(value).flatMap(([name, v]): HeaderPair[] =>
    Array.isArray(v) ? v.map((item) => [name, scalarText(item)] as const) : [[name, scalarText(v)]]);
}

function scalarText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
