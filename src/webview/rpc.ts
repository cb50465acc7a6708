/** The webview's side of the request/response protocol: every request resolves or rejects, never hangs. */
import type { HostMethod, HostToWebview, ParamsOf, ResultOf, WebviewToHost } from '../shared/protocol';

/** Sends a message to the host (vscode.postMessage in the webview, a fake in tests). */
export type PostFn = (message: WebviewToHost) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Matches host responses to the requests that asked for them. */
export class RpcClient {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly post: PostFn) {}

  /** Asks the host `method` with `params`; resolves with its result or rejects with its error. */
  call<M extends HostMethod>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    const seq = ++this.seq;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'request', seq, method, params } as WebviewToHost);
    });
  }

  /** Handles a `response` message; returns false for any other message. */
  handle(message: HostToWebview): boolean {
    if (message.type !== 'response') return false;
    const p = this.pending.get(message.seq);
    if (!p) return true;
    this.pending.delete(message.seq);
    if (message.ok) p.resolve(message.result);
    else p.reject(new Error(message.error));
    return true;
  }

  /** Rejects everything still waiting (the host went away). */
  rejectAll(reason: string): void {
    for (const p of this.pending.values()) p.reject(new Error(reason));
    this.pending.clear();
  }

  /** Number of requests still waiting for an answer. */
  get waiting(): number {
    return this.pending.size;
  }
}
