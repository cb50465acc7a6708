/** Before indexing: the format from the first bytes, and a plain copy of gzip input (so records can be read back by offset). */
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { detectFormat } from '../formats/detect';
import { createGunzipStream } from '../formats/gzip';
import type { DetectedFormat } from '../formats/types';

/** Bytes read to detect the format. */
const HEAD_BYTES = 64 << 10;

/** The format of the file at `path`, from its first bytes. */
export function detectFileFormat(path: string): DetectedFormat {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, head, 0, HEAD_BYTES, 0);
    return detectFormat(head.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * Decompresses `path` into `target`, streaming, reporting compressed bytes read; a truncated archive
 * yields what it holds. Stops (rejecting) when `signal` aborts.
 */
export async function gunzipToFile(path: string, target: string, onBytes: (compressedRead: number) => void, signal: AbortSignal): Promise<void> {
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done): void {
      read += chunk.length;
      onBytes(read);
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(path), counter, createGunzipStream(), createWriteStream(target), { signal });
}
