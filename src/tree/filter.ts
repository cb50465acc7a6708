/** The tree's filter: checking query text as it is typed, and the view description that shows it. Pure. */
import { parseQuery } from '../core/query/parser';
import { cleanText } from './labels';

/** The error of query text ("Column 5: expected a value") and its 0-based position, or undefined when it parses. */
export function filterProblem(text: string): { message: string; position: number } | undefined {
  const parsed = parseQuery(text);
  if (parsed.ok) return undefined;
  const { position, message, expected } = parsed.error;
  const hint = expected.length > 0 ? ` (expected ${expected.slice(0, 4).join(', ')})` : '';
  return { message: `Column ${position + 1}: ${message}${hint}`, position };
}

/** The error message of query text, or undefined when it parses. */
export function filterError(text: string): string | undefined {
  return filterProblem(text)?.message;
}

/** Where in the text an error is, for a one-line validation message: 'at "( ab"' or 'at the end'. */
export function errorContext(text: string, position: number): string {
  const rest = text.slice(Math.max(0, position), position + 12);
  return rest.trim() === '' ? 'at the end' : `at "${rest}${position + 12 < text.length ? '…' : ''}"`;
}

/** The view's description: the log's name, then the filter in force ("access.log · status:5* · failures only"). */
export function viewDescription(sourceName: string | undefined, query: string, failuresOnly: boolean): string {
  const parts: string[] = [];
  if (sourceName) parts.push(cleanText(sourceName, 60));
  if (query.trim() !== '') parts.push(`filter: ${cleanText(query.trim(), 60)}`);
  if (failuresOnly) parts.push('failures only');
  return parts.join(' · ');
}
