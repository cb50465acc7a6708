/** The index-worker role: indexes one byte range of a JSON-lines file and sends the partial index back. */
import type { MessagePort } from 'node:worker_threads';
import { LogIndex } from '../index/store';
import { toParts } from '../index/transfer';
import type { IndexWorkerData, IndexWorkerMessage } from './protocol';
import { RangeIndexer } from './rangeIndexer';

/** Runs the range described by `data`, posting progress and then the parts (transferred) to `port`. */
export function runIndexWorker(data: IndexWorkerData, port: MessagePort): void {
  const post = (m: IndexWorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  try {
    const index = new LogIndex();
    const range = new RangeIndexer(index, data.path, data.start, data.end, { toEnd: data.toEnd });
    let reported = 0;
    while (range.step()) {
      if (range.bytesDone - reported >= data.progressEvery) {
        reported = range.bytesDone;
        post({ type: 'progress', bytes: range.bytesDone, records: index.count, problems: range.problemCount });
      }
    }
    const outcome = range.finish();
    const { parts, transfer } = toParts(index);
    post({ type: 'done', parts, ...outcome }, transfer);
  } catch (e) {
    post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
}
