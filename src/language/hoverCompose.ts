/** Chooses and assembles the hover card for the field under the cursor in an access-log document. */
import { canonicalFieldId } from '../core/fields/ids';
import { valueCard, fieldNameCard, type CardOptions } from './hoverCards';
import { initialRequestCard, requestIdCard, summaryFromFields, type RequestSummary } from './hoverRequest';
import { isTimingField, rankLine, timingSection, type RankInfo } from './hoverTiming';
import type { FieldHit } from './logText';

/** What the card needs from the document beyond the hit: its name, ranks, other records. */
export interface HoverContext extends CardOptions {
  /** The document's name, for summaries. */
  readonly source: string;
  /** 0-based line of the hovered record. */
  readonly recordLine?: number;
  /** The rank of the hovered record's latency (called only for timing hovers). */
  readonly rank?: () => RankInfo;
  /** The record of a request ID in the same document, with its 0-based line. */
  readonly findInDocument?: (requestId: string) => RequestSummary | undefined;
}

const SEPARATOR = '\n\n---\n\n';

/** The Markdown of the hover for a hit. */
export function hoverMarkdown(hit: FieldHit, ctx: HoverContext): string {
  if (hit.part === 'key') return fieldNameCard(hit.name, ctx.lang);
  const id = canonicalFieldId(hit.name);
  const value = hit.value.trim();
  if (id === 'requestId' && value !== '') {
    return requestIdCard(value, summaryFromFields(hit.record.fields, ctx.source, ctx.recordLine), ctx.lang);
  }
  if (id === 'initialRequestId' && value !== '') return initialRequestCard(value, ctx.findInDocument?.(value), ctx.lang);
  const card = valueCard(hit.name, hit.value, ctx);
  if (isTimingField(hit.name)) {
    const rank = rankLine(ctx.rank?.() ?? { kind: 'none' }, ctx.lang);
    return [[card, rank].filter(Boolean).join('\n\n'), timingSection(hit.record.fields, ctx.lang)].join(SEPARATOR);
  }
  if (id === 'statusCode') {
    const errorCode = Object.entries(hit.record.fields).find(([k]) => canonicalFieldId(k) === 'errorCode');
    if (errorCode && !['', 'OK'].includes(errorCode[1].trim().toUpperCase())) return [card, valueCard(errorCode[0], errorCode[1], ctx)].join(SEPARATOR);
  }
  return card;
}
