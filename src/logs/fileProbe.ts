/**
 * What a log file looked like when it was last indexed: its size, modification time and a fingerprint
 * of its content up to that size, so a later change can be told apart as "only appended to" (index the
 * new tail) or "rewritten" (index again from the start).
 */
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';

/** A file's state at one moment. */
export interface FileState {
  readonly size: number;
  readonly mtimeMs: number;
  /** Hash of bytes [0, size) for small files, of a head and a tail sample below `size` for large ones. */
  readonly fingerprint: string;
}

/** Files up to this size are hashed whole; larger ones by samples. */
const WHOLE_HASH_LIMIT = 1 << 20;
const SAMPLE_BYTES = 64 * 1024;

/** The file's state now, or undefined when it cannot be read (deleted, no permission). */
export async function probeFile(file: string): Promise<FileState | undefined> {
  try {
    const stat = await fsp.stat(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs, fingerprint: await fingerprint(file, stat.size) };
  } catch {
    return undefined;
  }
}

/** The fingerprint of the file's first `size` bytes (as it is now). */
export async function fingerprint(file: string, size: number): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const hash = createHash('sha1');
    const ranges: [number, number][] = size <= WHOLE_HASH_LIMIT
      ? [[0, size]]
      : [[0, SAMPLE_BYTES], [Math.floor(size / 2), SAMPLE_BYTES], [size - SAMPLE_BYTES, SAMPLE_BYTES]];
    for (const [start, length] of ranges) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      hash.update(buffer.subarray(0, bytesRead));
    }
    hash.update(String(size));
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** How the file changed since `before`: not at all, only grown (same prefix), or otherwise. */
export async function classifyChange(file: string, before: FileState): Promise<'same' | 'grown' | 'rewritten' | 'gone'> {
  const now = await probeFile(file);
  if (!now) return 'gone';
  if (now.size === before.size && now.mtimeMs === before.mtimeMs) return 'same';
  if (now.size < before.size) return 'rewritten';
  const prefix = now.size === before.size ? now.fingerprint : await fingerprint(file, before.size).catch(() => '');
  if (prefix !== before.fingerprint) return 'rewritten';
  return now.size > before.size ? 'grown' : 'same';
}
