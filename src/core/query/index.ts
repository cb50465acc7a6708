/** The query language: parse Log Service-style search text, evaluate it over the index, complete it. */
export type { CompareOp, ParseResult, QueryError, QueryNode, Span } from './ast';
export { parseQuery } from './parser';
export { filterRows, type FilterOptions } from './evaluate';
export { textMatches, tokenize, TOKEN_DELIMITERS } from './textMatch';
export { completions, fieldClause, quoteQueryValue, type Completion, type CompletionResult } from './completions';
export { fieldTarget, type FieldTarget } from './fieldTargets';
