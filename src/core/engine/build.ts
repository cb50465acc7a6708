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
import type { ByteRange, EngineWorkerData, IndexProgress, IndexWorkerData, IndexWorkerMessage } from './protocol';
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
/** The engine worker indexes this many bytes (a few milliseconds) between looks at its messages. */
const YIELD_EVERY_BYTES = 2 << 20;

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

/**
 * Ranges per thread. Several let a worker's finished part be merged while it reads its next one (the
 * index then grows as a file prefix throughout), but many mid-sized buffers freed across threads leave
 * glibc holding tens of MB more (its mmap threshold adapts upwards); one range per thread keeps the
 * peak lowest.
 */
const RANGES_PER_THREAD = 1;
/**
 * Size of the engine worker's own ranges relative to the index workers'. It also answers requests,
 * but only looks at them every YIELD_EVERY_BYTES, and an index worker starts later: on the 1M-record
 * bench 0.95 left the index worker last by ~80 ms, 1 the engine worker by ~30-80 ms.
 */
const OWN_RANGE_WEIGHT = 0.98;

type RangeDone = Extract<IndexWorkerMessage, { type: 'done' }>;

interface SubWorker {
  worker: Worker;
  /** Parts by range number, resolved as they arrive. */
  parts: Map<number, Promise<RangeDone>>;
  bytes: number;
  records: number;
  doneAt: number;
}

/**
 * Ranges are dealt round-robin: the engine worker takes ranges 0, n, 2n… and indexes each straight
 * into the index; the others are indexed by index workers and appended in file order as they come,
 * so the index always holds a prefix of the file and at most a few ranges wait in memory.
 */
async function buildJsonLines(state: EngineState, data: EngineWorkerData, progress: ProgressSink): Promise<void> {
  const size = fileSize(state.source);
  const threads = Math.max(1, data.parallelism);
  const dealt = (count: number): boolean => threads > 1 && count >= threads * 2;
  const ownerOf = (k: number, count: number): number => (dealt(count) ? k % threads : Math.min(k, threads - 1));
  const weight = (k: number, count: number): number => (threads > 1 && ownerOf(k, count) === 0 ? OWN_RANGE_WEIGHT : 1);
  const ranges = splitRanges(state.source, size, threads * RANGES_PER_THREAD, data.minRangeBytes, weight)
    .map(([start, end], number): ByteRange => ({ number, start, end, toEnd: end === size }));
  const owner = (r: ByteRange): number => ownerOf(r.number, ranges.length);
  const subs = Array.from({ length: threads - 1 }, (_, k) => ranges.filter((r) => owner(r) === k + 1))
    .filter((own) => own.length > 0)
    .map((own) => startSubWorker(data, state.source, own));
  const ownBytes = { done: 0, current: (): number => 0 };
  const report = (): void => progress({
    phase: 'indexing', bytesRead: ownBytes.done + ownBytes.current() + subs.reduce((n, s) => n + s.bytes, 0), bytesTotal: size,
    records: state.index.count + subs.reduce((n, s) => n + s.records, 0), problems: state.problemCount,
  });
  try {
    let lines = 0;
    for (const range of ranges) {
      if (owner(range) === 0) {
        lines += await indexOwnRange(state, range, lines, range.number === 0 ? size : undefined, ownBytes, report);
        state.timings.ownRangeMs = Date.now() - state.startedAt;
      } else {
        const sub = subs.find((s) => s.parts.has(range.number))!;
        lines += await mergeRange(state, sub, range, lines, progress, size);
      }
    }
    state.indexedEnd = state.tornTail?.offset ?? size;
    state.nextLine = state.tornTail?.line ?? lines + 1;
  } finally {
    for (const sub of subs) void sub.worker.terminate();
  }
}

/** Indexes `range` straight into the index (lines numbered after `linesBefore`); returns its line count. */
async function indexOwnRange(state: EngineState, range: ByteRange, linesBefore: number, expectedBytes: number | undefined,
  bytes: { done: number; current: () => number }, report: () => void): Promise<number> {
  const indexer = new RangeIndexer(state.index, state.source, range.start, range.end, { toEnd: range.toEnd, firstLine: linesBefore + 1, expectedBytes });
  bytes.current = () => indexer.bytesDone;
  let yieldedAt = 0;
  while (indexer.step()) {
    if (indexer.bytesDone - yieldedAt < YIELD_EVERY_BYTES) continue;
    yieldedAt = indexer.bytesDone;
    report();
    await yieldToMessages();
    if (state.cancelled) throw new CancelledError();
  }
  const outcome = indexer.finish();
  bytes.done += range.end - range.start;
  bytes.current = () => 0;
  adopt(state, outcome, 0, 0);
  return outcome.lines;
}

/** Appends an index worker's part for `range` once it arrives; returns its line count. */
async function mergeRange(state: EngineState, sub: SubWorker, range: ByteRange, linesBefore: number, progress: ProgressSink, size: number): Promise<number> {
  const part = await sub.parts.get(range.number)!;
  sub.parts.delete(range.number);
  if (state.cancelled) throw new CancelledError();
  progress({ phase: range.toEnd ? 'merging' : 'indexing', bytesRead: range.end, bytesTotal: size, records: state.index.count + part.parts.count, problems: state.problemCount });
  const mergeStart = Date.now();
  const rowBase = state.index.count;
  await appendPartsGradually(state.index, part.parts, linesBefore);
  adopt(state, part, linesBefore, rowBase);
  state.timings.mergeMs += Date.now() - mergeStart;
  state.timings.otherRangesMs = Math.max(state.timings.otherRangesMs, sub.doneAt - state.startedAt);
  return part.lines;
}

/** Takes a range's problems and torn tail into the whole-file numbering. */
export function adopt(state: EngineState, outcome: Omit<RangeDone, 'type' | 'parts' | 'range'>, lineShift: number, rowBase: number): void {
  const problemBase = state.problemCount;
  state.addProblems(outcome.problems, outcome.problemCount, lineShift);
  state.fastRecords += outcome.fastRecords;
  const tail = outcome.tornTail;
  state.tornTail = tail ? { offset: tail.offset, line: tail.line + lineShift, rows: tail.rows + rowBase, problems: tail.problems + problemBase } : undefined;
}

function startSubWorker(data: EngineWorkerData, path: string, ranges: ByteRange[]): SubWorker {
  const workerData: IndexWorkerData = { role: 'index', path, ranges, progressEvery: 16 << 20 };
  const worker = new Worker(data.workerPath, { workerData, execArgv: data.execArgv, resourceLimits: WORKER_LIMITS });
  const settle = new Map<number, { resolve: (m: RangeDone) => void; reject: (e: Error) => void }>();
  const sub: SubWorker = { worker, parts: new Map(), bytes: 0, records: 0, doneAt: 0 };
  for (const r of ranges) {
    const promise = new Promise<RangeDone>((resolve, reject) => settle.set(r.number, { resolve, reject }));
    promise.catch(() => undefined);
    sub.parts.set(r.number, promise);
  }
  const failAll = (e: Error): void => {
    for (const s of settle.values()) s.reject(e);
    settle.clear();
  };
  worker.on('message', (m: IndexWorkerMessage) => {
    if (m.type === 'progress') {
      sub.bytes = m.bytes;
      sub.records = m.records;
    } else if (m.type === 'done') {
      sub.doneAt = Date.now();
      settle.get(m.range)?.resolve(m);
      settle.delete(m.range);
    } else {
      failAll(new Error(`index worker failed: ${m.error}`));
    }
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`index worker stopped (exit code ${code})`)));
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
