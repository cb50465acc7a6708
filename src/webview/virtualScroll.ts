/**
 * Virtual scrolling math for a table of fixed-height rows. Browsers cap an element's height (Chrome
 * near 33.5M px), so past MAX_SCROLL_HEIGHT the scrollbar maps proportionally onto the rows.
 */

/** Tallest spacer we let the browser lay out, safely under every engine's limit. */
export const MAX_SCROLL_HEIGHT = 10_000_000;

/** The geometry of the table's viewport. */
export interface ScrollGeometry {
  readonly rowCount: number;
  readonly rowHeight: number;
  readonly viewportHeight: number;
}

/** The rows to render and where the first one sits relative to the viewport's top. */
export interface VisibleRows {
  /** First row index to render (inclusive). */
  readonly first: number;
  /** Row index after the last one to render (exclusive). */
  readonly end: number;
  /** Y of row `first` relative to the viewport top, in px (zero or negative). */
  readonly offsetY: number;
}

/** Height to give the scroll spacer. */
export function spacerHeight(g: ScrollGeometry): number {
  return Math.min(g.rowCount * g.rowHeight, MAX_SCROLL_HEIGHT);
}

/** Ratio of virtual (unscaled) pixels to scrollbar pixels; 1 when nothing is scaled. */
export function scrollScale(g: ScrollGeometry): number {
  const virtual = g.rowCount * g.rowHeight - g.viewportHeight;
  const real = spacerHeight(g) - g.viewportHeight;
  if (virtual <= 0 || real <= 0) return 1;
  return virtual / real;
}

/** The rows visible at `scrollTop`, widened by `overscan` rows on both sides. */
export function visibleRows(g: ScrollGeometry, scrollTop: number, overscan = 0): VisibleRows {
  if (g.rowCount === 0 || g.rowHeight <= 0) return { first: 0, end: 0, offsetY: 0 };
  const virtualTop = Math.max(0, scrollTop) * scrollScale(g);
  const top = Math.min(Math.floor(virtualTop / g.rowHeight), g.rowCount - 1);
  const first = Math.max(0, top - overscan);
  const shown = Math.ceil(g.viewportHeight / g.rowHeight) + 1;
  const end = Math.min(g.rowCount, top + shown + overscan);
  return { first, end, offsetY: first * g.rowHeight - virtualTop };
}

/** The scrollTop that brings `row` into view, moving as little as possible from `scrollTop`. */
export function scrollTopFor(g: ScrollGeometry, row: number, scrollTop: number): number {
  const scale = scrollScale(g);
  const virtualTop = scrollTop * scale;
  const rowTop = row * g.rowHeight;
  let target = virtualTop;
  if (rowTop < virtualTop) target = rowTop;
  else if (rowTop + g.rowHeight > virtualTop + g.viewportHeight) target = rowTop + g.rowHeight - g.viewportHeight;
  return Math.max(0, target / scale);
}

/** The row a keyboard move lands on, clamped to the table. */
export function moveSelection(current: number | undefined, delta: number, g: ScrollGeometry): number | undefined {
  if (g.rowCount === 0) return undefined;
  const from = current ?? (delta > 0 ? -1 : g.rowCount);
  return Math.max(0, Math.min(g.rowCount - 1, from + delta));
}

/** Rows in one page-up/page-down step. */
export function pageStep(g: ScrollGeometry): number {
  return Math.max(1, Math.floor(g.viewportHeight / g.rowHeight) - 1);
}
