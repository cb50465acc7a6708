/** Character-level reading for the query parser: words, values, quoted strings, operators, and positioned errors. */
import type { CompareOp, QueryError } from './ast';

/** Thrown inside the parser; turned into a `QueryError` result by `parseQuery`. */
export class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(detail.message);
  }
}

/** A piece of query text with its offsets. */
export interface Lexeme {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}

const WORD_STOP = new Set([...' \t\r\n()[]":<>=']);
const VALUE_STOP = new Set([...' \t\r\n()[]"']);
const BOUND_STOP = new Set([...VALUE_STOP, ',']);
const KEYWORDS = new Set(['and', 'or', 'not']);

/** Reads the query text left to right. */
export class Scanner {
  pos = 0;

  constructor(readonly text: string) {}

  /** Throws a syntax error at `position` (message gets " at column N" appended). */
  fail(position: number, length: number, message: string, expected: string[]): never {
    throw new QuerySyntaxError({ position, length, message: `${message} at column ${position + 1}`, expected });
  }

  /** Skips whitespace. */
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** True at the end of the text (after whitespace). */
  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  /** The next non-space character ('' at the end). */
  peek(): string {
    this.skipSpace();
    return this.text[this.pos] ?? '';
  }

  /** The keyword (and/or/not, lower-cased) that comes next, if a bare word that is one comes next. */
  peekKeyword(): string | undefined {
    this.skipSpace();
    const save = this.pos;
    const word = this.readRun(WORD_STOP);
    const next = this.text[this.pos];
    this.pos = save;
    const lower = word.toLowerCase();
    return KEYWORDS.has(lower) && next !== ':' ? lower : undefined;
  }

  /** Consumes a keyword already seen by `peekKeyword`; returns its lexeme. */
  takeWord(): Lexeme {
    this.skipSpace();
    const start = this.pos;
    const text = this.readRun(WORD_STOP);
    return { text, start, end: this.pos, quoted: false };
  }

  /** Reads a value: a quoted string, or a bare run up to whitespace or a bracket (or a comma in a range). */
  readValue(inRange = false): Lexeme | undefined {
    this.skipSpace();
    if (this.text[this.pos] === '"') return this.readQuoted();
    const start = this.pos;
    const text = this.readRun(inRange ? BOUND_STOP : VALUE_STOP);
    return text === '' ? undefined : { text, start, end: this.pos, quoted: false };
  }

  /** Reads a double-quoted string starting at the current `"`; `\"` and `\\` are escapes. */
  readQuoted(): Lexeme {
    const start = this.pos++;
    let text = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos++];
      if (c === '"') return { text, start, end: this.pos, quoted: true };
      text += c === '\\' && this.pos < this.text.length ? this.text[this.pos++] : c;
    }
    return this.fail(start, this.pos - start, 'unterminated quoted string: expected a closing \'"\'', ['"']);
  }

  /** Reads a comparison operator if one comes next. */
  readCompareOp(): CompareOp | undefined {
    this.skipSpace();
    const two = this.text.slice(this.pos, this.pos + 2);
    if (two === '>=' || two === '<=') {
      this.pos += 2;
      return two;
    }
    const one = this.text[this.pos];
    if (one === '>' || one === '<' || one === '=') {
      this.pos++;
      return one;
    }
    return undefined;
  }

  /** Consumes `char` if it comes next (after whitespace). */
  accept(char: string): boolean {
    if (this.peek() !== char) return false;
    this.pos++;
    return true;
  }

  private readRun(stop: Set<string>): string {
    const start = this.pos;
    while (this.pos < this.text.length && !stop.has(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }
}
