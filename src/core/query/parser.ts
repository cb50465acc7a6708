/**
 * Parser for a subset of Log Service search syntax. Precedence: `not` binds tighter than `and`
 * (explicit or implicit between terms), which binds tighter than `or`. Keywords are case-insensitive.
 */
import { queryFieldId, type FieldId } from '../fields/ids';
import type { CompareOp, ParseResult, QueryNode, TextNode } from './ast';
import { fieldTarget, isTimeField, parseQueryNumber } from './fieldTargets';
import { QuerySyntaxError, Scanner, type Lexeme } from './scanner';

const TERM_START = ['term', '"phrase"', 'field:value', '(', 'not'];

/** Parses a query; an empty or blank query, and `*`, match everything. */
export function parseQuery(text: string): ParseResult {
  const scanner = new Scanner(text);
  try {
    if (scanner.atEnd()) return { ok: true, ast: { type: 'all' } };
    const ast = parseOr(scanner);
    if (!scanner.atEnd()) {
      const c = scanner.peek();
      scanner.fail(scanner.pos, 1, `unexpected '${c}'`, c === ')' ? ['and', 'or', 'end of query'] : ['and', 'or', ...TERM_START]);
    }
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
}

function parseOr(s: Scanner): QueryNode {
  const children = [parseAnd(s)];
  while (s.peekKeyword() === 'or') {
    const kw = s.takeWord();
    requireTerm(s, kw);
    children.push(parseAnd(s));
  }
  return children.length === 1 ? children[0] : { type: 'or', children };
}

function parseAnd(s: Scanner): QueryNode {
  const children = [parseUnary(s)];
  for (;;) {
    const next = s.peek();
    const keyword = s.peekKeyword();
    if (next === '' || next === ')' || keyword === 'or') break;
    if (keyword === 'and') requireTerm(s, s.takeWord());
    children.push(parseUnary(s));
  }
  return children.length === 1 ? children[0] : { type: 'and', children };
}

function parseUnary(s: Scanner): QueryNode {
  if (s.peekKeyword() !== 'not') return parsePrimary(s);
  const kw = s.takeWord();
  requireTerm(s, kw);
  return { type: 'not', child: parseUnary(s) };
}

/** After a keyword, something that starts a term must follow. */
function requireTerm(s: Scanner, keyword: Lexeme): void {
  const next = s.peek();
  const kw = s.peekKeyword();
  if (next === '' || next === ')' || kw === 'and' || kw === 'or') {
    s.fail(next === '' ? keyword.end : s.pos, next === '' ? 0 : 1, `expected a term after '${keyword.text}'`, TERM_START);
  }
}

function parsePrimary(s: Scanner): QueryNode {
  const c = s.peek();
  if (c === '(') return parseGroup(s);
  if (c === '"') return parsePhrase(s);
  const kw = s.peekKeyword();
  if (kw !== undefined || c === ')' || c === '' || /[[\]:<>=]/.test(c)) {
    const word = kw === undefined ? c : s.text.slice(s.pos, s.pos + kw.length);
    s.fail(s.pos, Math.max(word.length, c === '' ? 0 : 1), c === '' ? 'expected a term' : `unexpected '${word}'`, TERM_START);
  }
  return parseWord(s, s.takeWord());
}

function parseGroup(s: Scanner): QueryNode {
  const open = s.pos;
  s.accept('(');
  if (s.peek() === ')') s.fail(s.pos, 1, "expected a term inside '()'", TERM_START);
  if (s.atEnd()) s.fail(s.pos, 0, "expected a term after '('", TERM_START);
  const node = parseOr(s);
  if (!s.accept(')')) {
    s.fail(s.pos, s.atEnd() ? 0 : 1, `expected ')' for the '(' of column ${open + 1}`, [')', 'and', 'or']);
  }
  return node;
}

function parsePhrase(s: Scanner): TextNode {
  const phrase = s.readQuoted();
  if (phrase.text === '') s.fail(phrase.start, 2, 'expected a non-empty phrase', ['"phrase"']);
  return { type: 'text', value: phrase.text, wildcard: false, quoted: true, span: { start: phrase.start, end: phrase.end } };
}

/** A bare word: a full-text term, or the field name of `field:value`, `field > n` or `field in [a b]`. */
function parseWord(s: Scanner, word: Lexeme): QueryNode {
  const next = s.peek();
  if (next === ':') return parseFieldValue(s, word, resolveField(s, word));
  if (next === '<' || next === '>' || next === '=') return parseCompare(s, word, resolveField(s, word));
  if (startsRange(s)) return parseRange(s, word, resolveField(s, word));
  if (word.text === '*') return { type: 'all' };
  return { type: 'text', value: word.text, wildcard: word.text.includes('*'), quoted: false, span: { start: word.start, end: word.end } };
}

function resolveField(s: Scanner, word: Lexeme): FieldId {
  const field = queryFieldId(word.text);
  if (field === undefined) s.fail(word.start, word.end - word.start, `unknown field '${word.text}'`, ['field name']);
  return field;
}

function parseFieldValue(s: Scanner, word: Lexeme, field: FieldId): QueryNode {
  const colon = s.pos;
  s.accept(':');
  if (/[<>=]/.test(s.peek())) return parseCompare(s, word, field);
  const value = s.readValue();
  if (value === undefined) s.fail(colon + 1, 0, "expected a value after ':'", ['value', '"quoted value"', '*', '> number']);
  const wildcard = !value.quoted && value.text.includes('*');
  checkTextValue(s, field, value, wildcard);
  return { type: 'text', field, value: value.text, wildcard, quoted: value.quoted, span: { start: word.start, end: value.end } };
}

/** Literal values of numeric fields must be numbers (or times). */
function checkTextValue(s: Scanner, field: FieldId, value: Lexeme, wildcard: boolean): void {
  const target = fieldTarget(field);
  if (target.kind !== 'numeric' || wildcard) return;
  if (Number.isNaN(parseQueryNumber(field, value.text))) failNumber(s, field, value, target.time);
}

function failNumber(s: Scanner, field: FieldId, value: Lexeme, time: boolean): never {
  const what = time ? 'a number or an ISO time' : 'a number';
  return s.fail(value.start, value.end - value.start, `expected ${what} for ${field}, not '${value.text}'`, time ? ['number', 'ISO time'] : ['number']);
}

function parseCompare(s: Scanner, word: Lexeme, field: FieldId): QueryNode {
  const opStart = s.pos;
  const op = s.readCompareOp() as CompareOp;
  const value = s.readValue();
  if (value === undefined) s.fail(s.pos, 0, `expected a value after '${op}'`, ['number']);
  const target = fieldTarget(field);
  if (target.kind === 'id' && op !== '=') s.fail(opStart, op.length, `${field} is an identifier and cannot be compared with '${op}'`, [':', '=']);
  const n = target.kind === 'id' ? NaN : parseQueryNumber(field, value.text);
  const span = { start: word.start, end: value.end };
  if (!Number.isNaN(n)) return { type: 'compare', field, op, value: n, span };
  if (op === '=' && target.kind !== 'numeric' && !(target.kind === 'dict' && target.numeric)) {
    return { type: 'text', field, value: value.text, wildcard: false, quoted: value.quoted, span };
  }
  return failNumber(s, field, value, isTimeField(field));
}

function startsRange(s: Scanner): boolean {
  const save = s.pos;
  const word = s.peekKeyword() === undefined ? s.takeWord().text.toLowerCase() : '';
  const bracket = s.peek();
  s.pos = save;
  return word === 'in' && (bracket === '[' || bracket === '(');
}

function parseRange(s: Scanner, word: Lexeme, field: FieldId): QueryNode {
  if (fieldTarget(field).kind === 'id') s.fail(word.start, word.end - word.start, `${field} is an identifier and has no range`, [':']);
  s.takeWord();
  const lowInclusive = s.peek() === '[';
  s.pos++;
  const low = readBound(s, field, -Infinity);
  s.accept(',');
  const high = readBound(s, field, Infinity);
  const close = s.peek();
  if (close !== ']' && close !== ')') s.fail(s.pos, close === '' ? 0 : 1, "expected ']' or ')' to close the range", [']', ')']);
  s.pos++;
  return { type: 'range', field, low, high, lowInclusive, highInclusive: close === ']', span: { start: word.start, end: s.pos } };
}

function readBound(s: Scanner, field: FieldId, open: number): number {
  const value = s.readValue(true);
  if (value === undefined) s.fail(s.pos, s.atEnd() ? 0 : 1, 'expected a number in the range', ['number']);
  if (value.text === '*') return open;
  const n = parseQueryNumber(field, value.text);
  if (Number.isNaN(n)) failNumber(s, field, value, isTimeField(field));
  return n;
}
