/** Turns the webview's filter (query text + time window) into one query, and maps errors back to the text. */
import type { Filter, QueryErrorInfo } from '../shared/protocol';

/** A query for the engine and how far the user's text was shifted inside it. */
export interface CombinedQuery {
  readonly query: string;
  readonly shift: number;
}

/** The filter as one query string: the time window's comparisons, then the user's query in parentheses. */
export function combineFilter(filter: Filter): CombinedQuery {
  const text = filter.query;
  if (!filter.range) return { query: text, shift: 0 };
  const prefix = `__time__ >= ${Math.floor(filter.range.from)} and __time__ < ${Math.ceil(filter.range.to)}`;
  if (text.trim() === '') return { query: prefix, shift: 0 };
  const opened = `${prefix} and (`;
  return { query: `${opened}${text})`, shift: opened.length };
}

/** An engine error placed on the user's own text (clamped to it). */
export function errorInUserText(error: QueryErrorInfo, combined: CombinedQuery, userText: string): QueryErrorInfo {
  const position = Math.max(0, Math.min(userText.length, error.position - combined.shift));
  const length = Math.max(0, Math.min(userText.length - position, error.length));
  return { ...error, position, length };
}
