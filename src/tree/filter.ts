/** The tree's filter: checking query text as it is typed, and the view description that shows it. Pure. */
import { parseQuery } from '../core/query/parser';
import { cleanText } from './labels';

/** The error of query text as an input box shows it ("col 5: expected a value"), or undefined when it parses. */
export function filterError(text: string): string | undefined {
  const parsed = parseQuery(text);
  if (parsed.ok) return undefined;
  const { position, message, expected } = parsed.error;
  const hint = expected.length > 0 ? ` (expected ${expected.slice(0, 4).join(', ')})` : '';
  return `Column ${position + 1}: ${message}${hint}`;
}

/** The input box's text with a caret under the error, for the validation message's detail. */
export function caretLine(text: string, position: number): string {
  return `${text}\n${' '.repeat(Math.max(0, Math.min(position, text.length)))}^`;
}

/** The view's description: the log's name, then the filter in force ("access.log · status:5* · failures only"). */
export function viewDescription(sourceName: string | undefined, query: string, failuresOnly: boolean): string {
  const parts: string[] = [];
  if (sourceName) parts.push(cleanText(sourceName, 60));
  if (query.trim() !== '') parts.push(`filter: ${cleanText(query.trim(), 60)}`);
  if (failuresOnly) parts.push('failures only');
  return parts.join(' · ');
}
