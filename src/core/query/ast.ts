/**
 * The query language's syntax tree: plain objects (structured-clone safe, so a tree parsed on one side
 * of a worker boundary can be evaluated on the other).
 */
import type { FieldId } from '../fields/ids';

/** Where a node came from in the query text: [start, end) character offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A numeric comparison operator. */
export type CompareOp = '>' | '>=' | '<' | '<=' | '=';

/** Matches every row (`*` or an empty query). */
export interface AllNode {
  type: 'all';
}

/** Both/all children match. */
export interface AndNode {
  type: 'and';
  children: QueryNode[];
}

/** Any child matches. */
export interface OrNode {
  type: 'or';
  children: QueryNode[];
}

/** The child does not match. */
export interface NotNode {
  type: 'not';
  child: QueryNode;
}

/**
 * A text match: `field:value` when `field` is set, a full-text term or phrase otherwise.
 * `wildcard` is true when the (unquoted) value holds `*`; `field:*` means "the field is present".
 */
export interface TextNode {
  type: 'text';
  field?: FieldId;
  value: string;
  wildcard: boolean;
  quoted: boolean;
  span: Span;
}

/** `field > 500` (also `field:>500`); times are epoch milliseconds. */
export interface CompareNode {
  type: 'compare';
  field: FieldId;
  op: CompareOp;
  value: number;
  span: Span;
}

/** `field in [low high]`; `[`/`]` inclusive, `(`/`)` exclusive; an open end is ±Infinity. */
export interface RangeNode {
  type: 'range';
  field: FieldId;
  low: number;
  high: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  span: Span;
}

/** Any node of a parsed query. */
export type QueryNode = AllNode | AndNode | OrNode | NotNode | TextNode | CompareNode | RangeNode;

/** A syntax error: where (0-based offset, length), a readable message, and what would have fitted there. */
export interface QueryError {
  position: number;
  length: number;
  message: string;
  expected: string[];
}

/** The outcome of parsing a query. */
export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QueryError };
