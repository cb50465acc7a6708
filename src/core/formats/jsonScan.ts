/** The inner loop of the structured JSON reader: finds where an object that has already opened ends. */

/** Scanner state that survives chunk boundaries while inside one record object. */
export interface ObjectScanState {
  /** Open braces/brackets inside the record (1 right after its `{`). */
  depth: number;
  inString: boolean;
  /** The chunk ended on an unpaired backslash inside a string: the next byte is escaped. */
  escapeNext: boolean;
  /** Line feeds seen so far (for line numbers). */
  newlines: number;
}

/** Index of the first quote at or after `from` that is not escaped, given that `from` is inside a string and not after a backslash. */
function closingQuote(buf: Buffer, from: number): number {
  let q = buf.indexOf(0x22, from);
  while (q >= 0) {
    let k = q - 1;
    while (k >= from && buf[k] === 0x5c) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    q = buf.indexOf(0x22, q + 1);
  }
  return -1;
}

/** Skips to the end of the current string; returns the index after its closing quote, or -1 when the chunk ends first. */
function skipString(buf: Buffer, from: number, state: ObjectScanState): number {
  const q = closingQuote(buf, from);
  const stop = q < 0 ? buf.length : q;
  for (let n = buf.indexOf(10, from); n >= 0 && n < stop; n = buf.indexOf(10, n + 1)) state.newlines++;
  if (q < 0) {
    let k = buf.length - 1;
    while (k >= from && buf[k] === 0x5c) k--;
    state.escapeNext = (buf.length - 1 - k) % 2 === 1;
    return -1;
  }
  state.inString = false;
  return q + 1;
}

/**
 * Scans buf from `from` inside a record; returns the index just after the record's closing brace,
 * or -1 when the chunk ends first (state then carries on into the next chunk).
 * A backslash ending a chunk is remembered in `escapeNext`.
 */
export function scanObject(buf: Buffer, from: number, state: ObjectScanState): number {
  let i = from;
  while (i < buf.length) {
    if (state.inString) {
      if (state.escapeNext) {
        state.escapeNext = false;
        if (buf[i++] === 0x0a) state.newlines++;
        continue;
      }
      const next = skipString(buf, i, state);
      if (next < 0) return -1;
      i = next;
      continue;
    }
    const b = buf[i++];
    if (b === 0x22) state.inString = true;
    else if (b === 0x7b || b === 0x5b) state.depth++;
    else if (b === 0x7d || b === 0x5d) {
      if (--state.depth === 0) return i;
    } else if (b === 0x0a) state.newlines++;
  }
  return -1;
}
