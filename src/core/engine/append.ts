/** Reading what was added to a growing JSON-lines file since it was indexed (a torn last line is read again). */
import { adopt } from './build';
import type { EngineState } from './engineState';
import { RangeIndexer, fileSize } from './rangeIndexer';

/** What an append did. */
export interface AppendOutcome {
  records: number;
  added: number;
  problems: number;
}

/** Indexes the bytes added to the source since the last build or append. */
export function appendNewBytes(state: EngineState): AppendOutcome {
  if (state.gzip || (state.format.kind !== 'jsonl' && state.format.kind !== 'unknown')) {
    throw new Error('only plain JSON-lines files can be followed as they grow');
  }
  const size = fileSize(state.source);
  if (size < state.indexedEnd) throw new Error('the file is shorter than when it was indexed; open it again');
  const index = state.index;
  const tail = state.tornTail;
  if (tail) {
    index.truncate(tail.rows);
    state.dropProblemsFrom(tail.problems);
  }
  const before = index.count;
  const start = tail?.offset ?? state.indexedEnd;
  const firstLine = tail?.line ?? state.nextLine;
  const range = new RangeIndexer(index, state.source, start, size, { toEnd: true, firstLine });
  while (range.step()) {
    // appends are small: read to the end
  }
  const outcome = range.finish();
  adopt(state, outcome, 0, 0);
  state.indexedEnd = state.tornTail?.offset ?? size;
  state.nextLine = state.tornTail?.line ?? firstLine + outcome.lines;
  return { records: index.count, added: index.count - before, problems: state.problemCount };
}
