/**
 * Markdown built from hostile log text: every ASCII punctuation character escaped in prose, values in
 * code spans/blocks whose fences outgrow any backtick run inside, control and bidi characters made
 * visible, and command links only to the extension's own commands with JSON-encoded arguments.
 */
import { isRequestId } from '../core/decode/requestId';

/** Commands a hover may link to; the MarkdownString enables exactly these. */
export const HOVER_COMMANDS = [
  'apigwLogs.revealRequest', 'apigwLogs.revealInExplorer', 'apigwLogs.fetchRequestLog', 'apigwLogs.goToRequest',
] as const;

/** A command a hover may link to. */
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
// C0/C1 controls, bidi overrides/isolates, zero-width characters and line/paragraph separators.
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

/** The character as a visible escape, `\u202e`. */
function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Caps text at `max` characters, saying how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (+${text.length - max})`;
}

/** Log text for Markdown prose: one line, every ASCII punctuation backslash-escaped (no links, HTML, emphasis, autolinks). */
export function escapeMarkdown(text: string, max = 500): string {
  const oneLine = truncate(String(text), max).replace(LINE_BREAK, ' ').replace(INVISIBLE, visible).replace(/\t/g, ' ');
  return oneLine.replace(PUNCTUATION, (c) => `\\${c}`).replace(/^(\s+)/, (s) => '&nbsp;'.repeat(s.length));
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** Log text as an inline code span: line breaks shown as `\n`, fence longer than any backtick run. */
export function codeSpan(text: string, max = 200): string {
  const content = truncate(String(text), max).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(INVISIBLE, visible);
  if (content === '') return '` `';
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** Log text as a fenced code block; `lang` is the extension's own constant, never log text. */
export function codeBlock(text: string, lang: 'text' | 'json' | 'http' = 'text', maxChars = 4000, maxLines = 60): string {
  const lines = truncate(String(text), maxChars).replace(LINE_BREAK, '\n').replace(INVISIBLE, visible).split('\n');
  const kept = lines.length > maxLines ? [...lines.slice(0, maxLines), `… (+${lines.length - maxLines} lines)`] : lines;
  const body = kept.join('\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** A Markdown link running one of the extension's own commands with JSON-encoded arguments. */
export function commandLink(label: string, command: HoverCommand, args: readonly unknown[]): string {
  if (!(HOVER_COMMANDS as readonly string[]).includes(command)) throw new Error(`not a hover command: ${command}`);
  const query = encodeURIComponent(JSON.stringify(args));
  return `[${escapeMarkdown(label, 100)}](command:${command}?${query})`;
}

/** A command link whose only argument is a request ID; empty when the ID is not UUID-shaped. */
export function requestCommandLink(label: string, command: HoverCommand, requestId: string): string {
  return isRequestId(requestId) ? commandLink(label, command, [requestId.toUpperCase()]) : '';
}
