/** A buffered output sink: strings gathered into ~1 MB writes, optional gzip, respecting backpressure. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';

/** Collects text and writes it in large chunks. */
export class BufferedOutput {
  private pending = '';
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
    this.pending += text;
    if (this.pending.length < 1 << 20) return;
    await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    if (!this.head.write(chunk)) await once(this.head, 'drain');
  }

  /** Writes what is left and waits until the file is closed. */
  async close(): Promise<void> {
    if (this.pending !== '') await this.flush();
    const finished = once(this.file, 'close');
    this.head.end();
    await finished;
  }
}
