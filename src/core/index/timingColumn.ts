/**
 * The eight timing stamps, stored compactly: as Int32 milliseconds relative to the row's request time
 * (stamps lie within seconds of it), switching the column to absolute Float64 the first time a value
 * does not fit (a fraction, a stamp days away from the request time), so nothing is ever rounded.
 */
import { Float64Column, Int32Column, MISSING_INT } from './columns';

/** How a timing column stores its values. */
export type TimingParts = { mode: 'delta'; data: Int32Array } | { mode: 'absolute'; data: Float64Array };

/** One timing stamp column. */
export class TimingColumn {
  private deltas: Int32Column | undefined = new Int32Column();
  private absolute: Float64Column | undefined;

  /** Stores `stamp` (epoch ms or NaN) at `row`, whose request time is `time` (epoch ms or NaN). */
  set(row: number, stamp: number, time: number, count: number): void {
    const deltas = this.deltas;
    if (deltas !== undefined) {
      if (row >= deltas.data.length) deltas.reserve(Math.max(row + 1, Math.ceil(deltas.data.length * 1.5)));
      if (stamp !== stamp) {
        deltas.data[row] = MISSING_INT;
        return;
      }
      const delta = stamp - time;
      if ((delta | 0) === delta && delta !== MISSING_INT && time + delta === stamp && !Object.is(delta, -0)) {
        deltas.data[row] = delta;
        return;
      }
      this.widen(count);
    }
    this.absolute!.set(row, stamp);
  }

  /** The stamp at `row` given the row's request time. */
  get(row: number, time: number): number {
    if (this.absolute !== undefined) return this.absolute.get(row);
    const d = this.deltas!.data[row];
    return d === MISSING_INT ? NaN : time + d;
  }

  /** All stamps of rows [0, count) as absolute epoch ms (NaN when missing). */
  materialize(count: number, times: Float64Array): Float64Array {
    if (this.absolute !== undefined) return this.absolute.data;
    const out = new Float64Array(count);
    const d = this.deltas!.data;
    for (let i = 0; i < count; i++) out[i] = d[i] === MISSING_INT ? NaN : times[i] + d[i];
    return out;
  }

  /** Ensures room for exactly `capacity` rows. */
  reserve(capacity: number): void {
    (this.deltas ?? this.absolute)!.reserve(capacity);
  }

  /** Trims to `count` rows. */
  trim(count: number): void {
    (this.deltas ?? this.absolute)!.trim(count);
  }

  /** Bytes held. */
  byteSize(): number {
    return (this.deltas ?? this.absolute)!.data.byteLength;
  }

  /** The column's array and mode, for moving to another thread. */
  parts(): TimingParts {
    return this.deltas ? { mode: 'delta', data: this.deltas.data } : { mode: 'absolute', data: this.absolute!.data };
  }

  /** Appends `count` rows of `parts` at row `at`; `partTimes` and `ownTimes` are the two sides' request times. */
  appendParts(parts: TimingParts, count: number, at: number, partTimes: Float64Array, ownTimes: Float64Array): void {
    if (parts.mode === 'delta' && this.deltas !== undefined) {
      this.deltas.reserve(at + count);
      this.deltas.copyIn(parts.data, count, at);
      return;
    }
    if (this.deltas !== undefined) this.widenFrom(at, ownTimes);
    const out = this.absolute!;
    out.reserve(at + count);
    for (let i = 0; i < count; i++) {
      const v = parts.mode === 'absolute' ? parts.data[i] : parts.data[i] === MISSING_INT ? NaN : partTimes[i] + parts.data[i];
      out.set(at + i, v);
    }
  }

  /** Switches to absolute storage; the row times are read from `times`. */
  widenFrom(count: number, times: Float64Array): void {
    if (this.deltas === undefined) return;
    const abs = new Float64Column();
    abs.reserve(this.deltas.data.length);
    for (let i = 0; i < count; i++) abs.data[i] = this.get(i, times[i]);
    this.absolute = abs;
    this.deltas = undefined;
  }

  private widen(count: number): void {
    this.widenFrom(count, this.timeSource!());
  }

  /** Where `widen` reads the row times from (set by the index). */
  timeSource: (() => Float64Array) | undefined;
}
