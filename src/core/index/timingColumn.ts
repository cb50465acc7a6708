/**
 * The eight timing stamps, stored compactly: milliseconds relative to the row's request time (stamps
 * lie within seconds of it) as Int16, widened to Int32 the first time a value does not fit, and to
 * absolute Float64 when even that fails (a fraction, a stamp weeks away), so nothing is ever rounded.
 */

/** How a timing column stores its values. */
export type TimingParts =
  | { mode: 'delta16'; data: Int16Array }
  | { mode: 'delta32'; data: Int32Array }
  | { mode: 'absolute'; data: Float64Array };

const MISSING16 = -32768;
const MISSING32 = -2147483648;
const INITIAL_CAPACITY = 1 << 14;

/** The delta storable for `stamp` at request time `time`, or NaN when only absolute storage is exact. */
function exactDelta(stamp: number, time: number): number {
  const delta = stamp - time;
  // `1 / delta > 0` rules out -0 (which an integer store would turn into +0).
  return (delta | 0) === delta && delta !== MISSING32 && time + delta === stamp && (delta !== 0 || 1 / delta > 0) ? delta : NaN;
}

/** One timing stamp column. */
export class TimingColumn {
  private parts: TimingParts = { mode: 'delta16', data: new Int16Array(INITIAL_CAPACITY) };

  /** Where `widen` reads the row times from (set by the index). */
  timeSource: (() => Float64Array) | undefined;

  /** Stores `stamp` (epoch ms or NaN) at `row`, whose request time is `time`; rows below `row` are kept. */
  set(row: number, stamp: number, time: number, count: number): void {
    if (row >= this.parts.data.length) this.reserve(Math.max(row + 1, Math.ceil(this.parts.data.length * 1.5)));
    const p = this.parts;
    if (stamp !== stamp) {
      p.data[row] = p.mode === 'delta16' ? MISSING16 : p.mode === 'delta32' ? MISSING32 : NaN;
      return;
    }
    if (p.mode !== 'absolute') {
      const delta = exactDelta(stamp, time);
      if (p.mode === 'delta16' && delta > MISSING16 && delta <= 32767) {
        p.data[row] = delta;
        return;
      }
      if (p.mode === 'delta32' && delta === delta) {
        p.data[row] = delta;
        return;
      }
      this.widen(count, delta === delta ? 'delta32' : 'absolute', this.timeSource!());
      this.set(row, stamp, time, count);
      return;
    }
    p.data[row] = stamp;
  }

  /** The stamp at `row` given the row's request time. */
  get(row: number, time: number): number {
    const p = this.parts;
    const v = p.data[row];
    if (p.mode === 'absolute') return v;
    return v === (p.mode === 'delta16' ? MISSING16 : MISSING32) ? NaN : time + v;
  }

  /** All stamps of rows [0, count) as absolute epoch ms (NaN when missing). */
  materialize(count: number, times: Float64Array): Float64Array {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = this.get(i, times[i]);
    return out;
  }

  /** Ensures room for exactly `capacity` rows. */
  reserve(capacity: number): void {
    if (capacity <= this.parts.data.length) return;
    this.parts = resizedParts(this.parts, capacity);
  }

  /** Trims to `count` rows. */
  trim(count: number): void {
    this.parts = resizedParts(this.parts, count);
  }

  /** Bytes held. */
  byteSize(): number {
    return this.parts.data.byteLength;
  }

  /** The column's array and mode, for moving to another thread. */
  toParts(): TimingParts {
    return this.parts;
  }

  /** Appends `count` rows of `parts` at row `at`; `times` are the request times, the new rows' included. */
  appendParts(parts: TimingParts, count: number, at: number, times: Float64Array): void {
    const wider = rank(parts.mode) > rank(this.parts.mode) ? parts.mode : this.parts.mode;
    if (wider !== this.parts.mode) this.widen(at, wider as 'delta32' | 'absolute', times);
    this.reserve(at + count);
    const out = this.parts;
    if (out.mode === parts.mode) {
      (out.data as Float64Array).set((parts.data as Float64Array).subarray(0, count), at);
      return;
    }
    const source = new TimingColumn();
    source.parts = parts;
    for (let i = 0; i < count; i++) this.set(at + i, source.get(i, times[at + i]), times[at + i], at + i);
  }

  /** Re-stores rows [0, count) in `mode`, reading row times from `times`. */
  private widen(count: number, mode: 'delta32' | 'absolute', times: Float64Array): void {
    const old = this.parts;
    const capacity = old.data.length;
    const next: TimingParts = mode === 'delta32' ? { mode, data: new Int32Array(capacity) } : { mode, data: new Float64Array(capacity) };
    for (let i = 0; i < count; i++) {
      const v = this.get(i, times[i]);
      if (next.mode === 'absolute') next.data[i] = v;
      else next.data[i] = v !== v ? MISSING32 : v - times[i];
    }
    this.parts = next;
  }
}

function rank(mode: TimingParts['mode']): number {
  return mode === 'delta16' ? 0 : mode === 'delta32' ? 1 : 2;
}

function resizedParts(parts: TimingParts, capacity: number): TimingParts {
  const copy = <T extends Int16Array | Int32Array | Float64Array>(data: T, make: (n: number) => T): T => {
    const next = make(capacity);
    next.set(data.length > capacity ? data.subarray(0, capacity) : data);
    return next;
  };
  if (parts.mode === 'delta16') return { mode: parts.mode, data: copy(parts.data, (n) => new Int16Array(n)) };
  if (parts.mode === 'delta32') return { mode: parts.mode, data: copy(parts.data, (n) => new Int32Array(n)) };
  return { mode: parts.mode, data: copy(parts.data, (n) => new Float64Array(n)) };
}
