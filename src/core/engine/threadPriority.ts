/**
 * Lowers the scheduling priority of the calling worker thread (Linux), so that on a machine with few
 * cores the editor's own threads (the extension host's event loop, the renderer) win when they contend
 * with indexing. On an idle machine the workers still get every free core, so throughput is unchanged.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice value for index work: below normal priority, far from idle-only. */
export const WORKER_NICE = 10;

/** The kernel thread id of the calling thread, from /proc/thread-self (Linux); undefined elsewhere. */
export function currentThreadId(readLink: (p: string) => string = readlinkSync): number | undefined {
  try {
    const match = /\/task\/(\d+)$/.exec(readLink('/proc/thread-self'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Lowers this thread's priority to WORKER_NICE; true when it was changed. Never throws. */
export function lowerCurrentThreadPriority(nice = WORKER_NICE): boolean {
  const tid = currentThreadId();
  if (tid === undefined) return false;
  try {
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
