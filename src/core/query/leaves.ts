/** Evaluation of leaf nodes (text, comparison, range) against one index column each, over a candidate mask. */
import type { IdColumn, NumericColumn } from '../fields/ids';
import type { LogIndex } from '../index/store';
import type { CompareNode, RangeNode, TextNode } from './ast';
import { numericBounds, withinBounds, type NumericBounds } from './bounds';
import { lookupBySubject, lookupByValue, scanCodes } from './dictLookup';
import { fieldTarget, parseQueryNumber, timeValueWidth } from './fieldTargets';
import type { RowMask } from './mask';
import { rawFieldPredicate, rawTermAnchor } from './rawMatch';
import { globRegExp, subjectMatcher } from './textMatch';

/** Sentinel the index uses for a missing Int32 value. */
const MISSING_INT = -2147483648;

/** What leaf evaluation needs besides the node. */
export interface LeafContext {
  index: LogIndex;
  rawText?: (row: number) => string | undefined;
  /** Narrows rows to those whose raw text may hold an ASCII text (any case); see `FilterOptions`. */
  rawCandidates?: (text: string, candidates: RowMask) => RowMask | undefined;
}

/** `candidates` narrowed to rows whose raw text may hold `value`'s anchor, when the context can tell. */
export function rawPending(ctx: LeafContext, value: string, wildcard: boolean, candidates: RowMask): RowMask {
  const anchor = ctx.rawCandidates ? rawTermAnchor(value, wildcard) : undefined;
  return (anchor !== undefined && ctx.rawCandidates?.(anchor, candidates)) || candidates;
}

/** Rows among `candidates` matching a `field:value`, comparison or range node (field set). */
export function evalFieldLeaf(ctx: LeafContext, node: TextNode | CompareNode | RangeNode, candidates: RowMask): RowMask {
  const out = new Uint8Array(candidates.length);
  const target = fieldTarget(node.field!);
  if (target.kind === 'dict') {
    const dict = ctx.index.dict(target.column);
    if (node.type === 'text') scanCodes(dict.codes, lookupBySubject(dict, subjectMatcher(node.value, node.wildcard)), candidates, out);
    else if (target.numeric) scanNumeric(ctx.index.numericData(target.numeric), numericBounds(node), candidates, out);
    else scanCodes(dict.codes, lookupByValue(dict, numericValueTest(numericBounds(node))), candidates, out);
  } else if (target.kind === 'numeric') {
    if (node.type !== 'text') scanNumeric(ctx.index.numericData(target.column), numericBounds(node), candidates, out);
    else evalNumericText(ctx.index, node, target.column, target.time, candidates, out);
  } else if (target.kind === 'id') {
    if (node.type === 'text') evalIdText(ctx.index, target.column, node.value, node.wildcard, candidates, out);
  } else if (ctx.rawText) {
    const pending = node.type === 'text' && node.value !== '' ? rawPending(ctx, node.value, node.wildcard, candidates) : candidates;
    scanRaw(ctx.rawText, rawFieldPredicate(node), pending, out);
  }
  return out;
}

function numericValueTest(bounds: NumericBounds): (value: string) => boolean {
  return (value) => withinBounds(value.trim() === '' ? NaN : Number(value), bounds);
}

/** Marks candidate rows whose number lies within `b`. */
export function scanNumeric(data: Float64Array | Int32Array, b: NumericBounds, candidates: RowMask, out: RowMask): void {
  const { low, high, lowInclusive, highInclusive } = b;
  const n = candidates.length;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (candidates[i] === 0 || v === MISSING_INT) continue;
    if ((lowInclusive ? v >= low : v > low) && (highInclusive ? v <= high : v < high)) out[i] = 1;
  }
}

/** `latency:500`, `time:2022-10-29T03:59:59Z` (the whole second), `latency:5*` (as text), `latency:*` (present). */
function evalNumericText(index: LogIndex, node: TextNode, column: NumericColumn, time: boolean, candidates: RowMask, out: RowMask): void {
  const data = index.numericData(column);
  if (!node.wildcard) {
    const v = parseQueryNumber(node.field!, node.value, time);
    const width = time ? timeValueWidth(node.value) : 0;
    scanNumeric(data, { low: v, high: v + width, lowInclusive: true, highInclusive: width === 0 }, candidates, out);
    return;
  }
  const re = /^\**$/.test(node.value) ? undefined : globRegExp(node.value);
  const asText = numberText(node.field === '__time__', node.field === 'requestHandleTime');
  for (let i = 0; i < candidates.length; i++) {
    const v = data[i];
    if (candidates[i] === 0 || v === MISSING_INT || Number.isNaN(v)) continue;
    if (re === undefined || re.test(asText(v))) out[i] = 1;
  }
}

function numberText(epochSeconds: boolean, iso: boolean): (v: number) => string {
  if (epochSeconds) return (v) => String(Math.floor(v / 1000));
  if (iso) return (v) => new Date(v).toISOString().replace('.000Z', 'Z');
  return (v) => String(v);
}

/** `requestId:ID` through the index's lookup; `requestId:95657ED9*` and `requestId:*` by scanning. */
function evalIdText(index: LogIndex, column: IdColumn, value: string, wildcard: boolean, candidates: RowMask, out: RowMask): void {
  if (!wildcard && value === '') {
    for (let i = 0; i < candidates.length; i++) if (candidates[i] !== 0 && index.id(column, i) === '') out[i] = 1;
    return;
  }
  if (!wildcard) {
    for (const row of index.findId(value, column)) if (row < candidates.length && candidates[row] !== 0) out[row] = 1;
    return;
  }
  const re = /^\**$/.test(value) ? undefined : globRegExp(value);
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i] === 0) continue;
    const id = index.id(column, i);
    if (id !== '' && (re === undefined || re.test(id))) out[i] = 1;
  }
}

/** Marks candidate rows whose raw text passes `test` (rows without raw text never match). */
export function scanRaw(rawText: (row: number) => string | undefined, test: (raw: string) => boolean, candidates: RowMask, out: RowMask): void {
  for (let i = 0; i < candidates.length; i++) {
    if (candidates[i] === 0) continue;
    const raw = rawText(i);
    if (raw !== undefined && test(raw)) out[i] = 1;
  }
}
