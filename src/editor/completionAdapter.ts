/**
 * Query-bar completions: field names and keywords from the core's `completions`, and frequent values of
 * dictionary fields from the engine's facets (the index lives in the engine's worker).
 */
import { queryFieldId, type DictColumn } from '../core/fields/ids';
import { completions, quoteQueryValue } from '../core/query/completions';
import { fieldTarget } from '../core/query/fieldTargets';
import type { CompletionProposal } from '../shared/protocol';
import type { ExplorerEngine } from './engineApi';

/** How many proposals the query bar shows. */
const LIMIT = 30;

/** How long the frequent values of a column are reused while the user types (the index may grow). */
const VALUES_TTL_MS = 5000;

type Values = readonly { readonly value: string; readonly count: number }[];
const valueCache = new WeakMap<ExplorerEngine, Map<DictColumn, { at: number; values: Promise<Values> }>>();

/** The 200 most frequent non-empty values of `column`, cached briefly per engine. */
function frequentValues(engine: ExplorerEngine, column: DictColumn): Promise<Values> {
  let perEngine = valueCache.get(engine);
  if (!perEngine) valueCache.set(engine, (perEngine = new Map()));
  const hit = perEngine.get(column);
  if (hit && Date.now() - hit.at < VALUES_TTL_MS) return hit.values;
  const values = engine.facets({ query: '', columns: [column], topN: 200 }).then((a) => a.facets[0]?.values.filter((v) => v.value !== '') ?? []);
  perEngine.set(column, { at: Date.now(), values });
  values.catch(() => perEngine.delete(column));
  return values;
}

/** Proposals at `cursor` in `text`. */
export async function completeQuery(engine: ExplorerEngine, text: string, cursor: number): Promise<CompletionProposal[]> {
  const base = completions(text, cursor, undefined, LIMIT);
  const word = text.slice(0, cursor).split(/[\s()[\]]/).pop() ?? '';
  const colon = word.indexOf(':');
  if (colon <= 0) return base.items.map((i) => ({ label: i.label, insert: i.insertText, from: base.from, to: base.to, detail: i.detail, kind: i.kind }));
  const field = queryFieldId(word.slice(0, colon));
  const target = field ? fieldTarget(field) : undefined;
  if (!target || target.kind !== 'dict') return [];
  const typed = word.slice(colon + 1).replace(/^"/, '').toLowerCase();
  const values = await frequentValues(engine, target.column);
  const starts = values.filter((v) => v.value.toLowerCase().startsWith(typed));
  const contains = typed === '' ? [] : values.filter((v) => !v.value.toLowerCase().startsWith(typed) && v.value.toLowerCase().includes(typed));
  return [...starts, ...contains].slice(0, LIMIT).map((v) => ({
    label: v.value, insert: quoteQueryValue(v.value), from: base.from, to: base.to, detail: v.count.toLocaleString('en-US'), kind: 'value',
  }));
}
