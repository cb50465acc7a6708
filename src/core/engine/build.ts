/**
 * Building the index inside the engine worker. JSON lines are split into byte ranges at line starts:
 * the engine worker indexes the first range itself (yielding between chunks, so it answers queries
 * over the rows so far), index workers take the others, and their partial indexes are appended in
 * order. Other formats go through the formats layer's streaming reader in this worker.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRecordReader } from '../formats/reader';
import { addRecord } from '../index/rowWriter';
import { appendPartsGradually } from '../index/transfer';
import type { EngineState } from './engineState';
import type { EngineWorkerData, IndexProgress, IndexWorkerData, IndexWorkerMessage } from './protocol';
import { RangeIndexer, fileSize, splitRanges } from './rangeIndexer';
import { detectFileFormat, gunzipToFile } from './sourcePrep';

/** Thrown when the build is cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('indexing cancelled');
    this.name = 'CancelledError';
  }
}

/** Receives progress (throttled by the caller). */
export type ProgressSink = (progress: IndexProgress) => void;

/** A small young generation: index workers make little garbage, and memory is what they must save. */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Builds the index of `data.path` into `state`. */
export async function buildIndex(state: EngineState, data: EngineWorkerData, progress: ProgressSink, abort: AbortSignal): Promise<void> {
  state.format = detectFileFormat(data.path);
  if (state.format.isGzip) {
    state.gzip = true;
    const total = fileSize(data.path);
    await gunzipToFile(data.path, data.tempFile, (read) => progress({ phase: 'decompressing', bytesRead: read, bytesTotal: total, records: 0, problems: 0 }), abort);
    state.source = data.tempFile;
    state.format = detectFileFormat(data.tempFile);
  }
  const kind = state.format.kind;
  if (kind === 'jsonl' || kind === 'unknown') await buildJsonLines(state, data, progress);
  else await buildStructured(state, progress);
}

interface SubWorker {
  worker: Worker;
  done: Promise<Extract<IndexWorkerMessage, { type: 'done' }>>;
  bytes: number;
  records: number;
  doneAt: number;
}

async function buildJsonLines(state: EngineState, data: EngineWorkerData, progress: ProgressSink): Promise<void> {
  const size = fileSize(state.source);
  const ranges = splitRanges(state.source, size, data.parallelism, data.minRangeBytes);
  const subs = ranges.slice(1).map(([start, end]) => startSubWorker(data, state.source, start, end, end === size));
  try {
    const report = (): void => progress({
      phase: 'indexing', bytesRead: range.bytesDone + subs.reduce((n, s) => n + s.bytes, 0), bytesTotal: size,
      records: state.index.count + subs.reduce((n, s) => n + s.records, 0), problems: state.problemCount + range.problemCount,
    });
    // The first range's index becomes the whole index: size it for the whole file from the start.
    const range = new RangeIndexer(state.index, state.source, ranges[0][0], ranges[0][1], { toEnd: ranges.length === 1, expectedBytes: size });
    while (range.step()) {
      report();
      await yieldToMessages();
      if (state.cancelled) throw new CancelledError();
    }
    const first = range.finish();
    state.timings.ownRangeMs = Date.now() - state.startedAt;
    adopt(state, first, 0, 0);
    let lines = first.lines;
    for (const sub of subs) {
      const part = await sub.done;
      if (state.cancelled) throw new CancelledError();
      progress({ phase: 'merging', bytesRead: size, bytesTotal: size, records: state.index.count + part.parts.count, problems: state.problemCount });
      const mergeStart = Date.now();
      const rowBase = state.index.count;
      await appendPartsGradually(state.index, part.parts, lines);
      adopt(state, part, lines, rowBase);
      lines += part.lines;
      state.timings.mergeMs += Date.now() - mergeStart;
      state.timings.otherRangesMs = Math.max(state.timings.otherRangesMs, sub.doneAt - state.startedAt);
    }
    state.indexedEnd = state.tornTail?.offset ?? size;
    state.nextLine = state.tornTail?.line ?? lines + 1;
  } finally {
    for (const sub of subs) void sub.worker.terminate();
  }
}

/** Takes a range's problems and torn tail into the whole-file numbering. */
export function adopt(state: EngineState, outcome: Omit<Extract<IndexWorkerMessage, { type: 'done' }>, 'type' | 'parts'>, lineShift: number, rowBase: number): void {
  const problemBase = state.problemCount;
  state.addProblems(outcome.problems, outcome.problemCount, lineShift);
  state.fastRecords += outcome.fastRecords;
  const tail = outcome.tornTail;
  state.tornTail = tail ? { offset: tail.offset, line: tail.line + lineShift, rows: tail.rows + rowBase, problems: tail.problems + problemBase } : undefined;
}

function startSubWorker(data: EngineWorkerData, path: string, start: number, end: number, toEnd: boolean): SubWorker {
  const workerData: IndexWorkerData = { role: 'index', path, start, end, toEnd, progressEvery: 16 << 20 };
  const worker = new Worker(data.workerPath, { workerData, execArgv: data.execArgv, resourceLimits: WORKER_LIMITS });
  const sub: SubWorker = { worker, bytes: 0, records: 0, doneAt: 0, done: undefined! };
  sub.done = new Promise((resolve, reject) => {
    worker.on('message', (m: IndexWorkerMessage) => {
      if (m.type === 'progress') {
        sub.bytes = m.bytes;
        sub.records = m.records;
      } else if (m.type === 'done') {
        sub.doneAt = Date.now();
        resolve(m);
      } else {
        reject(new Error(`index worker failed: ${m.error}`));
      }
    });
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => reject(new Error(`index worker stopped (exit code ${code})`)));
  });
  sub.done.catch(() => undefined);
  return sub;
}

/** JSON arrays, QueryRequestLogs responses and CSV: the formats layer's reader, in this worker. */
async function buildStructured(state: EngineState, progress: ProgressSink): Promise<void> {
  const size = fileSize(state.source);
  const reader = createRecordReader(state.format, {
    onRecord: (r) => addRecord(state.index, r.fields, r),
    onProblem: (p) => state.addProblems([p], 1, 0),
  });
  const fd = openSync(state.source, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let at = 0; ; ) {
      const n = readSync(fd, chunk, 0, chunk.length, at);
      if (n <= 0) break;
      reader.push(chunk.subarray(0, n));
      at += n;
      progress({ phase: 'indexing', bytesRead: at, bytesTotal: size, records: state.index.count, problems: state.problemCount });
      await yieldToMessages();
      if (state.cancelled) throw new CancelledError();
    }
    reader.end();
  } finally {
    closeSync(fd);
  }
  state.columns = reader.columns ?? state.format.columns;
  state.indexedEnd = size;
}
