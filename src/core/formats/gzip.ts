/** Turns a gzip byte stream into a plain byte stream (truncated archives yield what they hold). */
import { Readable, type Transform } from 'node:stream';
import { constants, createGunzip } from 'node:zlib';

export { isGzipMagic } from './detect';

/** A gunzip transform that also accepts concatenated members and, on a truncated archive, ends with what it has. */
export function createGunzipStream(): Transform {
  return createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
}

/** The decompressed chunks of a gzip byte stream. */
export async function* gunzipChunks(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const gunzip = Readable.from(source).pipe(createGunzipStream());
  for await (const chunk of gunzip) yield chunk as Uint8Array;
}
