/** A buffered output sink: strings gathered into ~1 MB writes, optional gzip, respecting backpressure. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';

const CHUNK_BYTES = 4 << 20;

/** Collects text, encoded straight into a large buffer, and writes it in large chunks. */
export class BufferedOutput {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private readonly file: Writable;
  private readonly head: Writable;

  constructor(path: string, gzip: boolean) {
    this.file = createWriteStream(path, { highWaterMark: 1 << 20 });
    if (gzip) {
      const z = createGzip({ level: 1 });
      z.pipe(this.file);
      this.head = z;
    } else this.head = this.file;
  }

  /** Queues text; resolves at once unless the stream needs draining. */
  async write(text: string): Promise<void> {
    if (this.used + text.length * 3 > this.buf.length) {
      await this.flush();
      if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.buf.write(text, this.used);
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.buf.subarray(0, this.used);
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, this.buf.length));
    this.used = 0;
    if (!this.head.write(chunk)) await once(this.head, 'drain');
  }

  /** Writes what is left and waits until the file is closed. */
  async close(): Promise<void> {
    await this.flush();
    const finished = once(this.file, 'close');
    this.head.end();
    await finished;
  }
}
