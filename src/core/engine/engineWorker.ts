/** The engine-worker role: owns the index, builds it, and answers the host's requests. */
import type { MessagePort } from 'node:worker_threads';
import { CancelledError, buildIndex } from './build';
import { EngineState } from './engineState';
import { QuerySyntaxError, type EngineWorkerData, type IndexProgress, type RequestMessage, type WorkerMessage } from './protocol';
import { RequestHandler } from './requests';

/** Progress messages are sent at most this often (ms). */
const PROGRESS_INTERVAL = 100;

/** Starts the engine worker on `port`: builds the index of `data.path` while answering requests. */
export function runEngineWorker(data: EngineWorkerData, port: MessagePort): void {
  const post = (m: WorkerMessage): void => port.postMessage(m);
  const state = new EngineState(data.path);
  const handler = new RequestHandler(state);
  const abort = new AbortController();
  port.on('message', (m: RequestMessage) => {
    if (m.call === 'cancel') abort.abort();
    const reply = answer(handler, m);
    port.postMessage(reply, transferables(reply));
  });
  let last = 0;
  const progress = (p: IndexProgress): void => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL) return;
    last = now;
    post({ type: 'progress', progress: p });
  };
  buildIndex(state, data, progress, abort.signal).then(
    () => {
      state.building = false;
      state.buildMs = Date.now() - state.startedAt;
      const summary = state.summary();
      post({ type: 'progress', progress: { phase: 'done', bytesRead: summary.bytes, bytesTotal: summary.bytes, records: summary.records, problems: summary.problems } });
      post({ type: 'ready', summary });
    },
    (e: unknown) => {
      state.building = false;
      state.buildMs = Date.now() - state.startedAt;
      const cancelled = e instanceof CancelledError || abort.signal.aborted;
      post({ type: 'buildFailed', error: cancelled ? 'indexing cancelled' : e instanceof Error ? e.message : String(e) });
    },
  );
}

/** Large byte buffers of a reply (a record batch's bytes) are moved to the host, not copied. */
function transferables(m: WorkerMessage): ArrayBuffer[] {
  if (m.type !== 'reply' || !m.ok || typeof m.result !== 'object' || m.result === null) return [];
  const bytes = (m.result as { bytes?: unknown }).bytes;
  if (!(bytes instanceof Uint8Array) || !(bytes.buffer instanceof ArrayBuffer)) return [];
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];
}

function answer(handler: RequestHandler, m: RequestMessage): WorkerMessage {
  try {
    return { type: 'reply', id: m.id, ok: true, result: handler.handle(m.call, m.params) };
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { type: 'reply', id: m.id, ok: false, error: e.message, queryError: e.detail };
    return { type: 'reply', id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
