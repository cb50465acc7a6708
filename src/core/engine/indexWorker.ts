/**
 * The index-worker role: indexes the byte ranges of a JSON-lines file it is given, one after the
 * other, and sends each range's partial index back as soon as it is done (transferred, not copied),
 * so the engine worker can merge it while this worker reads on.
 */
import type { MessagePort } from 'node:worker_threads';
import { LogIndex } from '../index/store';
import { toParts } from '../index/transfer';
import type { IndexWorkerData, IndexWorkerMessage } from './protocol';
import { RangeIndexer } from './rangeIndexer';

/** Runs the ranges described by `data`, posting progress and each range's parts to `port`. */
export function runIndexWorker(data: IndexWorkerData, port: MessagePort): void {
  const post = (m: IndexWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  try {
    let before = 0;
    for (const range of data.ranges) {
      const index = new LogIndex();
      const indexer = new RangeIndexer(index, data.path, range.start, range.end, { toEnd: range.toEnd });
      let reported = 0;
      while (indexer.step()) {
        if (indexer.bytesDone - reported >= data.progressEvery) {
          reported = indexer.bytesDone;
          post({ type: 'progress', bytes: before + indexer.bytesDone, records: index.count, problems: indexer.problemCount });
        }
      }
      before += range.end - range.start;
      const outcome = indexer.finish();
      const { parts, transfer } = toParts(index);
      post({ type: 'done', range: range.number, parts, ...outcome }, transfer);
    }
  } catch (e) {
    post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
}
