/**
 * Evaluates a parsed query over the index. Each node narrows a candidate mask, so `and` evaluates its
 * cheap children first and costly ones (raw text, ID scans) only on the rows still in play.
 */
import { DICT_COLUMNS, ID_COLUMNS } from '../fields/ids';
import type { LogIndex } from '../index/store';
import type { QueryNode, TextNode } from './ast';
import { lookupBySubject, scanCodes } from './dictLookup';
import { fieldTarget } from './fieldTargets';
import { evalFieldLeaf, rawPending, scanRaw, type LeafContext } from './leaves';
import { anySet, applyTimeRange, maskToRows, rowsToMask, without, type RowMask } from './mask';
import { rawTermPredicate } from './rawMatch';
import { subjectMatcher } from './textMatch';

/** Options of `filterRows`. */
export interface FilterOptions {
  /** Only consider these rows (sorted or not). */
  rows?: Uint32Array;
  /** The raw text of a record, for terms on what the index does not hold (bodies, headers, messages). */
  rawText?: (row: number) => string | undefined;
  /**
   * Optional prefilter for `rawText` tests: the rows among `candidates` whose raw text may hold `text`
   * (ASCII, letters in any case), a superset of those that do; undefined when it cannot tell.
   */
  rawCandidates?: (text: string, candidates: RowMask) => RowMask | undefined;
  /** Only rows whose time (epoch ms) is in [from, to). */
  timeRange?: readonly [number, number];
}

/** The rows (ascending) matching `ast` (all rows when undefined), within the options' restrictions. */
export function filterRows(index: LogIndex, ast: QueryNode | undefined, options: FilterOptions = {}): Uint32Array {
  const count = index.count;
  const plain = (ast === undefined || ast.type === 'all') && options.timeRange === undefined;
  if (plain && options.rows === undefined) return identityRows(count);
  const candidates = rowsToMask(count, options.rows);
  if (options.timeRange) applyTimeRange(index, candidates, options.timeRange[0], options.timeRange[1]);
  if (ast === undefined) return maskToRows(candidates);
  return maskToRows(evaluate({ index, rawText: options.rawText, rawCandidates: options.rawCandidates }, ast, candidates));
}

/** Rows 0..count-1. */
function identityRows(count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

/** Rows among `candidates` that match `node` (a fresh mask, or `candidates` itself for `all`). */
export function evaluate(ctx: LeafContext, node: QueryNode, candidates: RowMask): RowMask {
  switch (node.type) {
    case 'all': return candidates;
    case 'and': return evalAnd(ctx, node.children, candidates);
    case 'or': return evalOr(ctx, node.children, candidates);
    case 'not': return without(candidates, evaluate(ctx, node.child, candidates));
    case 'text': return node.field === undefined ? evalFullText(ctx, node, candidates) : evalFieldLeaf(ctx, node, candidates);
    case 'compare':
    case 'range': return evalFieldLeaf(ctx, node, candidates);
  }
}

function evalAnd(ctx: LeafContext, children: QueryNode[], candidates: RowMask): RowMask {
  const ordered = [...children].sort((a, b) => cost(ctx, a) - cost(ctx, b));
  let current = candidates;
  for (const child of ordered) {
    if (cost(ctx, child) >= EXPENSIVE && !anySet(current)) return current;
    current = evaluate(ctx, child, current);
  }
  return current;
}

function evalOr(ctx: LeafContext, children: QueryNode[], candidates: RowMask): RowMask {
  const ordered = [...children].sort((a, b) => cost(ctx, a) - cost(ctx, b));
  const out = new Uint8Array(candidates.length);
  for (const child of ordered) {
    const pending = cost(ctx, child) >= EXPENSIVE ? without(candidates, out) : candidates;
    const hit = evaluate(ctx, child, pending);
    for (let i = 0; i < out.length; i++) out[i] |= hit[i];
  }
  return out;
}

/**
 * A full-text term: any dictionary column, either ID column (patterns only when they could match a
 * UUID), then, for rows not yet matched, the raw text when a reader is given.
 */
function evalFullText(ctx: LeafContext, node: TextNode, candidates: RowMask): RowMask {
  const out = new Uint8Array(candidates.length);
  const matcher = subjectMatcher(node.value, node.wildcard);
  for (const column of DICT_COLUMNS) {
    const dict = ctx.index.dict(column);
    const lut = lookupBySubject(dict, matcher);
    if (lut.indexOf(1) >= 0) scanCodes(dict.codes, lut, candidates, out);
  }
  for (const column of ID_COLUMNS) {
    if (node.wildcard && !/^[0-9a-f*-]*$/i.test(node.value)) continue;
    const hit = evalFieldLeaf(ctx, { ...node, field: column }, candidates);
    for (let i = 0; i < out.length; i++) out[i] |= hit[i];
  }
  if (ctx.rawText) {
    const pending = rawPending(ctx, node.value, node.wildcard, without(candidates, out));
    scanRaw(ctx.rawText, rawTermPredicate(node.value, node.wildcard), pending, out);
  }
  return out;
}

const EXPENSIVE = 100;

/** A rough per-row cost, for ordering: column scans are cheap, raw text and ID pattern scans are not. */
function cost(ctx: LeafContext, node: QueryNode): number {
  switch (node.type) {
    case 'all': return 0;
    case 'and':
    case 'or': return node.children.reduce((sum, c) => sum + cost(ctx, c), 0);
    case 'not': return cost(ctx, node.child) + 1;
    case 'compare':
    case 'range': return fieldTarget(node.field).kind === 'raw' ? EXPENSIVE * 10 : 2;
    case 'text': return textCost(ctx, node);
  }
}

function textCost(ctx: LeafContext, node: TextNode): number {
  if (node.field === undefined) return (ctx.rawText ? EXPENSIVE * 10 : 0) + (node.wildcard ? EXPENSIVE : 20);
  const kind = fieldTarget(node.field).kind;
  if (kind === 'raw') return ctx.rawText ? EXPENSIVE * 10 : 1;
  if (kind === 'id') return node.wildcard ? EXPENSIVE : 1;
  return node.wildcard && kind === 'numeric' ? EXPENSIVE : 2;
}
