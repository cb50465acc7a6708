/** Everything the engine worker knows about its log: the index, the source, problems, build status. */
import type { DetectedFormat } from '../formats/types';
import type { TornTail } from '../index/jsonl/jsonlScanner';
import { LogIndex } from '../index/store';
import type { IndexSummary, Problem } from './protocol';

/** Problem details kept (all are counted). */
const MAX_PROBLEM_DETAILS = 10_000;

/** The engine worker's state. */
export class EngineState {
  readonly index = new LogIndex();
  /** The file read for records (the decompressed copy for gzip input). */
  source: string;
  format: DetectedFormat = { kind: 'jsonl', hasBom: false, isGzip: false, lineEnding: 'lf' };
  gzip = false;
  /** CSV column names, once known. */
  columns: readonly string[] | undefined;
  building = true;
  cancelled = false;
  readonly problems: Problem[] = [];
  problemCount = 0;
  fastRecords = 0;
  /** Source bytes indexed (the next append starts here, or at the torn tail). */
  indexedEnd = 0;
  /** Line number of the first line after `indexedEnd`. */
  nextLine = 1;
  tornTail: TornTail | undefined;
  startedAt = Date.now();
  buildMs = 0;
  /** Where the build's time went (ms since start): this worker's range done, index workers done; merge time. */
  readonly timings = { ownRangeMs: 0, otherRangesMs: 0, mergeMs: 0 };

  constructor(readonly path: string) {
    this.source = path;
  }

  /** Adds problems found in a range whose lines are numbered from 1, shifted by `lineShift`. */
  addProblems(found: readonly Problem[], count: number, lineShift: number): void {
    this.problemCount += count;
    for (const p of found) {
      if (this.problems.length >= MAX_PROBLEM_DETAILS) break;
      this.problems.push({ ...p, line: p.line + lineShift });
    }
  }

  /** Forgets problems from position `count` on (a torn tail being re-read). */
  dropProblemsFrom(count: number): void {
    const removed = this.problemCount - count;
    this.problemCount = count;
    this.problems.length = Math.min(this.problems.length, Math.max(0, this.problems.length - removed));
  }

  /** The summary sent when the build ends and on request. */
  summary(): IndexSummary {
    const index = this.index;
    return {
      records: index.count,
      problems: this.problemCount,
      firstProblems: this.problems.slice(0, 100),
      format: this.format.kind,
      gzip: this.gzip,
      bytes: this.indexedEnd,
      timeRange: timeRange(index),
      extraFields: [...index.extraFields].sort(),
      buildMs: this.buildMs,
      timings: { ...this.timings },
      indexBytes: index.byteSize(),
      fastRecords: this.fastRecords,
    };
  }
}

function timeRange(index: LogIndex): [number, number] | undefined {
  const times = index.numericData('time');
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < index.count; i++) {
    const t = times[i];
    if (t < low) low = t;
    if (t > high) high = t;
  }
  return low <= high ? [low, high] : undefined;
}
