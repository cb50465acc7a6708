/**
 * Position-aware reading of CSV text: records (which may span lines inside quoted cells), their cells
 * with offsets, and the header that names the columns.
 */

/** One cell: its span in the text (quotes included) and its value (quotes removed, `""` unescaped). */
export interface CsvCell {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** One record: its cells and where the next record starts. */
export interface CsvRecord {
  readonly start: number;
  readonly end: number;
  readonly next: number;
  readonly cells: readonly CsvCell[];
}

const DELIMITERS = [',', '\t', '|', ';'] as const;

/** The delimiter of a header line: the candidate occurring most often outside quotes (`,` on a tie or none). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function readQuoted(text: string, p: number, limit: number): { end: number; value: string } {
  let value = '';
  let i = p + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0 || q >= limit) return { end: limit, value: value + text.slice(i, limit) };
    value += text.slice(i, q);
    if (text[q + 1] !== '"') return { end: q + 1, value };
    value += '"';
    i = q + 2;
  }
}

function lineEnd(text: string, p: number, limit: number): number {
  const nl = text.indexOf('\n', p);
  return nl < 0 || nl > limit ? limit : nl;
}

/** Reads the record starting at `start`; quoted cells may hold delimiters, quotes (`""`) and line breaks. */
export function readCsvRecord(text: string, start: number, delimiter: string, limit = text.length): CsvRecord {
  const cells: CsvCell[] = [];
  let p = start;
  for (;;) {
    let cellEnd: number;
    let value: string;
    if (text[p] === '"') {
      ({ end: cellEnd, value } = readQuoted(text, p, limit));
      const stop = Math.min(...[text.indexOf(delimiter, cellEnd), lineEnd(text, cellEnd, limit)].filter((x) => x >= 0));
      value += text.slice(cellEnd, stop);
      cellEnd = stop;
    } else {
      const eol = lineEnd(text, p, limit);
      const d = text.indexOf(delimiter, p);
      cellEnd = d >= 0 && d < eol ? d : eol;
      value = text.slice(p, cellEnd);
    }
    const trimmedEnd = text[cellEnd - 1] === '\r' && text[cellEnd] !== delimiter ? cellEnd - 1 : cellEnd;
    cells.push({ start: p, end: trimmedEnd, value: value.replace(/\r$/, '') });
    if (cellEnd >= limit || text[cellEnd] !== delimiter) return { start, end: trimmedEnd, next: Math.min(limit, cellEnd + 1), cells };
    p = cellEnd + delimiter.length;
  }
}

/** The index of the cell covering `offset` (a delimiter belongs to the cell before it), or -1. */
export function cellIndexAt(record: CsvRecord, offset: number): number {
  return record.cells.findIndex((c, i) => offset >= c.start && (offset < c.end || (offset === c.end && i < record.cells.length - 1) || offset === c.start));
}

/** Start offsets of every record after the header, found in one pass (quote parity decides where lines break records). */
export function csvRecordStarts(text: string, delimiter: string): number[] {
  const starts: number[] = [];
  let p = readCsvRecord(text, 0, delimiter).next;
  while (p < text.length) {
    starts.push(p);
    const next = readCsvRecord(text, p, delimiter).next;
    if (next <= p) break;
    p = next;
  }
  return starts;
}

/** Index of the last record starting at or before `offset` in sorted starts (binary search), or -1. */
export function recordIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The start of the record containing `offset`, given sorted record starts; undefined on the header. */
export function recordStartAt(starts: readonly number[], offset: number): number | undefined {
  const i = recordIndexAt(starts, offset);
  return i < 0 ? undefined : starts[i];
}
