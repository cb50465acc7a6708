/**
 * Latency ranks within a document: its records written into a core LogIndex (once per document
 * version), ranked by the core's latencyRank among requests to the same API.
 */
import { canonicalFieldId } from '../core/fields/ids';
import { addRecord } from '../core/index/rowWriter';
import { LogIndex } from '../core/index/store';
import { latencyRank } from '../core/stats/latencyRank';
import type { RankInfo } from './hoverTiming';
import type { LogText, LogRecordView } from './logText';

/** Documents larger than this many characters are not ranked in the editor process. */
export const MAX_RANKED_CHARS = 16 * 1024 * 1024;

/** A document's records in a LogIndex, with each row's start offset for lookup. */
export interface RankIndex {
  readonly index: LogIndex;
  readonly starts: readonly number[];
}

/** Writes every record of the text into a fresh LogIndex; undefined when the text is too large. */
export function buildRankIndex(text: LogText): RankIndex | undefined {
  if (text.text.length > MAX_RANKED_CHARS) return undefined;
  const index = new LogIndex();
  const starts: number[] = [];
  for (const rec of text.records()) {
    addRecord(index, { ...rec.fields }, { line: 0, offset: rec.start, length: rec.end - rec.start });
    starts.push(rec.start);
  }
  return { index, starts };
}

function rowOf(starts: readonly number[], start: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] === start) return mid;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The API a record is compared within, as written (apiName, else apiUid). */
export function apiLabel(fields: Readonly<Record<string, string>>): string {
  let uid = '';
  for (const [key, value] of Object.entries(fields)) {
    const id = canonicalFieldId(key);
    if (id === 'apiName' && value) return value;
    if (id === 'apiUid' && value) uid = value;
  }
  return uid;
}

/** Where a record's total latency ranks among the document's requests to the same API. */
export function rankOf(rankIndex: RankIndex | undefined, record: LogRecordView): RankInfo {
  if (!rankIndex) return { kind: 'tooLarge' };
  const row = rowOf(rankIndex.starts, record.start);
  const rank = row < 0 ? undefined : latencyRank(rankIndex.index, row, true);
  return rank ? { kind: 'ranked', rank, api: apiLabel(record.fields) || '—' } : { kind: 'none' };
}
