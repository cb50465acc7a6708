/**
 * Moving an index between threads and joining partial indexes: a partial index built by one worker
 * over a byte range is sent as plain typed arrays (transferred, not copied) and appended to the main
 * index column by column, dictionary codes translated and line numbers shifted.
 */
import { MessageChannel } from 'node:worker_threads';
import { DICT_COLUMNS, ID_COLUMNS, NUMERIC_COLUMNS, TIMING_FIELDS, type DictColumn, type IdColumn, type NumericColumn } from '../fields/ids';
import type { DictParts } from './dictColumn';
import type { IdColumnParts } from './idColumn';
import { LogIndex } from './store';
import type { TimingParts } from './timingColumn';

/** A partial index as plain data (structured-clone friendly); arrays may be longer than `count`. */
export interface IndexParts {
  count: number;
  numeric: Partial<Record<NumericColumn, Float64Array | Int32Array>>;
  timings: (TimingParts | undefined)[];
  dicts: Partial<Record<DictColumn, DictParts>>;
  ids: Partial<Record<IdColumn, IdColumnParts>>;
  lines: Uint32Array | undefined;
  offsets: Float64Array | undefined;
  lengths: Uint32Array | undefined;
  extraFields: string[];
}

/** The index as parts, and the buffers to transfer with them. The index must not be used afterwards. */
export function toParts(index: LogIndex): { parts: IndexParts; transfer: ArrayBuffer[] } {
  const parts: IndexParts = {
    count: index.count,
    numeric: {},
    timings: index.timings.map((t) => t.toParts()),
    dicts: {},
    ids: {},
    lines: index.lines.data,
    offsets: index.offsets.data,
    lengths: index.lengths.data,
    extraFields: [...index.extraFields],
  };
  for (const [col, c] of index.numeric) parts.numeric[col] = c.data;
  for (const [col, d] of index.dicts) parts.dicts[col] = d.parts();
  for (const [col, c] of index.ids) parts.ids[col] = c.parts();
  const transfer = new Set<ArrayBuffer>();
  const add = (a: { buffer: ArrayBufferLike } | undefined): void => {
    if (a && a.buffer instanceof ArrayBuffer) transfer.add(a.buffer);
  };
  Object.values(parts.numeric).forEach(add);
  parts.timings.forEach((t) => add(t?.data));
  Object.values(parts.dicts).forEach((d) => { add(d?.codes); add(d?.arena); add(d?.starts); add(d?.lengths); });
  Object.values(parts.ids).forEach((c) => { add(c?.bytes); add(c?.kind); });
  [parts.lines, parts.offsets, parts.lengths].forEach(add);
  return { parts, transfer: [...transfer] };
}

/**
 * Appends a partial index after the rows of `index`, adding `lineShift` to its line numbers. Each of
 * the part's columns is dropped from `parts` once copied, so peak memory stays near the final size.
 */
export function appendParts(index: LogIndex, parts: IndexParts, lineShift: number): void {
  for (const step of appendSteps(index, parts, lineShift)) step();
}

/**
 * `appendParts`, yielding to the event loop between columns so that the copied columns' memory is
 * released as the merge goes (see `release`).
 */
export async function appendPartsGradually(index: LogIndex, parts: IndexParts, lineShift: number): Promise<void> {
  for (const step of appendSteps(index, parts, lineShift)) {
    step();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The merge as a list of steps, one column (or a few) each. */
function appendSteps(index: LogIndex, parts: IndexParts, lineShift: number): (() => void)[] {
  const steps: (() => void)[] = [];
  const at = index.count;
  const n = parts.count;
  index.fillAhead(at);
  for (const col of NUMERIC_COLUMNS) {
    const column = index.numeric.get(col);
    const data = parts.numeric[col];
    if (!column || !data) continue;
    steps.push(() => {
      column.reserve(at + n);
      (column.copyIn as (d: Float64Array | Int32Array, n: number, at: number) => void)(data, n, at);
      delete parts.numeric[col];
      release(data);
    });
  }
  // Timing stamps are stored relative to the request time: append them once `time` is in place.
  for (let k = 0; k < TIMING_FIELDS.length; k++) {
    steps.push(() => {
      const timing = parts.timings[k]!;
      index.timings[k].appendParts(timing, n, at, index.timeData());
      parts.timings[k] = undefined;
      release(timing.data);
    });
  }
  for (const col of DICT_COLUMNS) {
    steps.push(() => {
      const d = parts.dicts[col]!;
      index.dicts.get(col)!.appendParts(d, n, at);
      delete parts.dicts[col];
      release(d.codes, d.arena, d.starts, d.lengths);
    });
  }
  for (const col of ID_COLUMNS) {
    steps.push(() => {
      const ids = parts.ids[col]!;
      index.ids.get(col)!.appendParts(ids, n, at);
      delete parts.ids[col];
      release(ids.bytes, ids.kind);
    });
  }
  steps.push(() => {
    appendLocations(index, parts, lineShift, at);
    for (const f of parts.extraFields) index.extraFields.add(f);
    index.markFilled(at + n);
    index.count = at + n;
  });
  return steps;
}

/**
 * Frees arrays now copied, at once rather than at the next garbage collection: their buffers are
 * handed to a message port that is then closed (which drops them). Keeps merge peak memory low.
 */
function release(...arrays: { buffer: ArrayBufferLike }[]): void {
  const buffers = arrays.map((a) => a.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0);
  if (buffers.length === 0) return;
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, [...new Set(buffers)]);
  port1.close();
  port2.close();
}

function appendLocations(index: LogIndex, parts: IndexParts, lineShift: number, at: number): void {
  const n = parts.count;
  index.lines.reserve(at + n);
  const lines = index.lines.data;
  const source = parts.lines!;
  for (let i = 0; i < n; i++) lines[at + i] = source[i] + lineShift;
  index.offsets.reserve(at + n);
  index.offsets.copyIn(parts.offsets!, n, at);
  index.lengths.reserve(at + n);
  index.lengths.copyIn(parts.lengths!, n, at);
  release(source, parts.offsets!, parts.lengths!);
  parts.lines = parts.offsets = parts.lengths = undefined;
}

