import { strict as assert } from 'node:assert';
import { getPriority } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { WORKER_NICE, currentThreadId } from '../../../src/core/engine/threadPriority';

describe('worker thread priority', () => {
  it('reads the kernel thread id from /proc/thread-self, and gives up quietly without it', () => {
    assert.equal(currentThreadId(() => '4242/task/4250'), 4250);
    assert.equal(currentThreadId(() => { throw new Error('no /proc'); }), undefined);
  });

  it('lowers only the calling worker thread, not the process', async () => {
    const modulePath = JSON.stringify(path.resolve(__dirname, '../../../src/core/engine/threadPriority.ts'));
    const src = `
      require('tsx/cjs');
      const { parentPort } = require('node:worker_threads');
      const { getPriority } = require('node:os');
      const m = require(${modulePath});
      const changed = m.lowerCurrentThreadPriority();
      parentPort.postMessage({ changed, nice: getPriority(m.currentThreadId()) });`;
    const worker = new Worker(src, { eval: true });
    const answer = await new Promise<{ changed: boolean; nice: number }>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
    await worker.terminate();
    assert.deepEqual(answer, { changed: true, nice: WORKER_NICE });
    assert.equal(getPriority(process.pid), 0, 'the main thread keeps its priority');
  });
});
