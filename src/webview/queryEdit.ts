/** Pure edits of the query text: applying a completion, adding or removing a facet term. */
import type { CompletionProposal } from '../shared/protocol';

/** A query text and where the cursor goes. */
export interface EditResult {
  readonly text: string;
  readonly cursor: number;
}

/** Replaces the proposal's range with its insert text; the cursor lands after it. */
export function applyCompletion(text: string, p: CompletionProposal): EditResult {
  const from = clamp(p.from, 0, text.length);
  const to = clamp(Math.max(p.to, from), from, text.length);
  const next = text.slice(0, from) + p.insert + text.slice(to);
  return { text: next, cursor: from + p.insert.length };
}

/** Adds `clause` (or `not clause`) to the query; toggles it off if already there, flips it if negated. */
export function toggleFacet(query: string, clause: string, exclude: boolean): string {
  const excluded = `not ${clause}`;
  const wanted = exclude ? excluded : clause;
  const other = exclude ? clause : excluded;
  if (hasClause(query, wanted)) return removeClause(query, wanted);
  const base = hasClause(query, other) ? removeClause(query, other) : query;
  return addClause(base, wanted);
}

/** The query with `clause` and-ed on (parenthesising a query with a top-level `or`). */
export function addClause(query: string, clause: string): string {
  const q = query.trim();
  if (q === '') return clause;
  return /\sor\s/i.test(q) && !isParenthesised(q) ? `(${q}) and ${clause}` : `${q} and ${clause}`;
}

/** True when `clause` is one of the query's and-ed clauses. */
export function hasClause(query: string, clause: string): boolean {
  return splitAnd(query).some((c) => c === clause);
}

/** The query without the and-ed `clause`. */
export function removeClause(query: string, clause: string): string {
  return splitAnd(query).filter((c) => c !== clause).join(' and ');
}

/** Splits the query on top-level ` and ` (outside quotes and parentheses). */
export function splitAnd(query: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /\s/.test(ch) && /^\sand\s/i.test(query.slice(i, i + 5))) {
      parts.push(query.slice(start, i).trim());
      start = i + 5;
      i += 4;
    }
  }
  parts.push(query.slice(start).trim());
  return parts.filter((p) => p !== '');
}

function isParenthesised(q: string): boolean {
  if (!q.startsWith('(') || !q.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === '(') depth++;
    else if (q[i] === ')') depth--;
    if (depth === 0 && i < q.length - 1) return false;
  }
  return true;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
