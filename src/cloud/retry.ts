/** Backoff between attempts: exponential with jitter, Retry-After honoured, cancellable waits. */
import { cancelledError } from './errors';

const DEFAULT_BASE_MS = 500;
const MAX_DELAY_MS = 8_000;
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * The wait before retry number `attempt + 1`: base·2^attempt capped at 8 s, "equal jitter" (half fixed, half
 * random) so that clients throttled together do not come back together; a Retry-After wins when given.
 */
export function backoffDelayMs(attempt: number, baseMs = DEFAULT_BASE_MS, random: () => number = Math.random,
  retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return Math.min(retryAfterSeconds * 1000, MAX_RETRY_AFTER_MS);
  const ceiling = Math.min(MAX_DELAY_MS, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Reads a Retry-After header given in seconds (dates are ignored); undefined when absent or unusable. */
export function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** Waits `ms`, or rejects with a 'cancelled' CloudError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
