/**
 * Many records read back in one go: the rows' byte ranges are read in offset order, near ranges
 * coalesced into one large sequential read, and copied into one buffer in the order asked. JSON-lines
 * records that are one valid JSON object are marked verbatim (their bytes can be copied as they are);
 * the others are parsed as `SourceReader.record` parses them.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import type { EngineState } from './engineState';
import type { BatchMode, RecordBatch } from './protocol';
import { parseRecordFields } from './rowReader';

/** Bytes between two records that are read through rather than skipped with a new read. */
const MAX_GAP = 16 << 10;
/** Largest single coalesced read (a longer record is read on its own). */
const MAX_READ = 4 << 20;

/** Most bytes one batch carries (a longer batch is cut short; it always carries at least one row). */
export const MAX_BATCH_BYTES = 64 << 20;

/** The first of `rows` whose bytes fit in `maxBytes` (at least one row). */
export function rowsWithinBytes(state: EngineState, rows: number[], maxBytes = MAX_BATCH_BYTES): number[] {
  let size = 0;
  for (let i = 0; i < rows.length; i++) {
    size += state.index.location(rows[i]).length + 1;
    if (size > maxBytes && i > 0) return rows.slice(0, i);
  }
  return rows;
}

/** Reads the rows' records from the state's source (rows must exist); `total` is filled in by the caller. */
export function readRecordBatch(state: EngineState, rows: readonly number[], mode: BatchMode): Omit<RecordBatch, 'total'> {
  const index = state.index;
  const n = rows.length;
  const offsets = new Float64Array(n);
  const ends = new Uint32Array(n);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const { offset, length } = index.location(rows[i]);
    offsets[i] = offset;
    size += length + 1;
    ends[i] = size;
  }
  const out = Buffer.allocUnsafeSlow(size);
  const fd = openSync(state.source, 'r');
  try {
    readInOffsetOrder(fd, offsets, ends, out);
  } finally {
    closeSync(fd);
  }
  const verbatim = new Uint8Array(n);
  const fields: (Record<string, unknown> | undefined)[] = new Array<Record<string, unknown> | undefined>(n);
  const copyable = mode === 'raw' && (state.format.kind === 'jsonl' || state.format.kind === 'unknown');
  const allUtf8 = copyable && isUtf8(out);
  for (let i = 0, start = 0; i < n; start = ends[i++]) {
    const end = ends[i] - 1;
    out[end] = 10;
    if (copyable && isCopyableJson(out, start, end) && (allUtf8 || isUtf8(out.subarray(start, end)))) verbatim[i] = 1;
    else fields[i] = parseRecordFields(state, out.subarray(start, end), out.toString('utf8', start, end));
  }
  return { rows: [...rows], bytes: out, ends, verbatim, fields };
}

/** Fills `out` with each range (offset i, length ends[i] - 1 - previous end) using few, large, sequential reads. */
function readInOffsetOrder(fd: number, offsets: Float64Array, ends: Uint32Array, out: Buffer): void {
  const n = offsets.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const ascending = isAscending(offsets);
  if (!ascending) order.sort((a, b) => offsets[a] - offsets[b]);
  const startOf = (i: number): number => (i === 0 ? 0 : ends[i - 1]);
  const lengthOf = (i: number): number => ends[i] - 1 - startOf(i);
  let scratch = Buffer.allocUnsafe(0);
  for (let k = 0; k < n;) {
    const from = offsets[order[k]];
    let to = from + lengthOf(order[k]);
    let last = k + 1;
    let sameLayout = ascending;
    while (last < n) {
      const next = order[last];
      const nextEnd = Math.max(to, offsets[next] + lengthOf(next));
      if (offsets[next] - to > MAX_GAP || nextEnd - from > MAX_READ) break;
      sameLayout &&= offsets[next] === to + 1;
      to = nextEnd;
      last++;
    }
    if (sameLayout) {
      // Records one line feed apart, as in `out`: read straight into place (the line feeds are rewritten).
      readFully(fd, out, startOf(order[k]), to - from, from);
    } else {
      if (to - from > scratch.length) scratch = Buffer.allocUnsafe(Math.max(to - from, 1 << 20));
      readFully(fd, scratch, 0, to - from, from);
      for (let j = k; j < last; j++) {
        const i = order[j];
        const at = offsets[i] - from;
        scratch.copy(out, startOf(i), at, at + lengthOf(i));
      }
    }
    k = last;
  }
}

function isAscending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}

/** Reads `length` bytes at `position` into `buffer` at `at` (short reads retried; a shorter file leaves zeros). */
function readFully(fd: number, buffer: Buffer, at: number, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const got = readSync(fd, buffer, at + done, length - done, position + done);
    if (got === 0) break;
    done += got;
  }
  if (done < length) buffer.fill(0, at + done, at + length);
}

/** Escaped characters JSON allows after a backslash (other than u). */
const SIMPLE_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

/**
 * True when bytes[start, end) can be copied as one JSON line: an object (as the indexer accepted it)
 * with no raw control characters and only valid escapes — the parts the indexer's fast path does not check.
 */
export function isCopyableJson(bytes: Buffer, start: number, end: number): boolean {
  if (end - start < 2 || bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d) return false;
  if (hasControlByte(bytes, start, end)) return false;
  const line = bytes.subarray(start, end);
  for (let p = line.indexOf(0x5c); p >= 0; p = line.indexOf(0x5c, p + 1)) {
    const e = line[++p];
    if (e === 0x75) {
      if (p + 4 >= line.length || !isHex(line[p + 1]) || !isHex(line[p + 2]) || !isHex(line[p + 3]) || !isHex(line[p + 4])) return false;
      p += 4;
    } else if (!SIMPLE_ESCAPES.has(e)) return false;
  }
  return true;
}

/** True when a byte of bytes[start, end) is below 0x20 (four bytes at a time where the buffer is aligned). */
function hasControlByte(bytes: Buffer, start: number, end: number): boolean {
  let p = start;
  const base = bytes.byteOffset;
  while (p < end && ((base + p) & 3) !== 0) if (bytes[p++] < 0x20) return true;
  const words = new Int32Array(bytes.buffer, base + p, (end - p) >>> 2);
  // A byte is below 0x20 exactly when subtracting 0x20 from it borrows into a byte whose top bit was clear.
  let flags = 0;
  for (let i = 0; i < words.length; i++) flags |= ((words[i] - 0x20202020) | 0) & ~words[i];
  if ((flags & 0x80808080) !== 0) return true;
  for (p += words.length << 2; p < end; p++) if (bytes[p] < 0x20) return true;
  return false;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}
