/** RFC 4180 cells of one delimited row: quoted cells may hold the delimiter, doubled quotes and line breaks. */

/** The quoted cell starting at `i` (a quote): its text and the index just after the closing quote. */
function quotedCell(row: string, i: number): { text: string; next: number } {
  let j = i + 1;
  let doubled = false;
  for (;;) {
    const q = row.indexOf('"', j);
    if (q < 0) return { text: unquote(row.slice(i + 1), doubled), next: row.length };
    if (row.charCodeAt(q + 1) === 0x22) {
      doubled = true;
      j = q + 2;
      continue;
    }
    return { text: unquote(row.slice(i + 1, q), doubled), next: q + 1 };
  }
}

function unquote(text: string, doubled: boolean): string {
  return doubled ? text.replaceAll('""', '"') : text;
}

/** Splits one row (no line terminator) into cell strings. */
export function splitRow(row: string, delimiter: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let text = '';
    if (row.charCodeAt(i) === 0x22) {
      const cell = quotedCell(row, i);
      text = cell.text;
      i = cell.next;
    }
    // Unquoted text, or lenient leftovers after a closing quote, run to the next delimiter.
    let d = row.indexOf(delimiter, i);
    if (d < 0) d = row.length;
    if (d > i) text += row.slice(i, d);
    cells.push(text);
    if (d >= row.length) return cells;
    i = d + 1;
  }
}

/** Splits bytes[start, end) (one row, no line terminator) into cell strings. */
export function splitCells(buf: Buffer, start: number, end: number, delimiter: number): string[] {
  return splitRow(buf.toString('utf8', start, end), String.fromCharCode(delimiter));
}
