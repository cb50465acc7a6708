/**
 * The virtualized table: fixed-height rows, only the visible ones in the DOM (recycled), pages of rows
 * asked from the host through a PageCache, sortable and resizable columns, keyboard navigation.
 */
import type { ColumnDef, SortSpec, TableRow } from '../shared/protocol';
import { cellView } from './cells';
import { nextSort } from './sorting';
import { h, icon } from './dom';
import type { PageCache } from './pageCache';
import { moveSelection, pageStep, scrollTopFor, spacerHeight, visibleRows, type ScrollGeometry } from './virtualScroll';

/** Height of one row in CSS pixels (kept in sync with explorer.css). */
export const ROW_HEIGHT = 22;

/** What the table tells its owner. */
export interface TableEvents {
  select(position: number, row: TableRow | undefined): void;
  open(position: number, row: TableRow | undefined): void;
  sort(sort: SortSpec | undefined): void;
  resize(widths: Record<string, number>): void;
  scroll(scrollTop: number): void;
}

/** The table widget. */
export class VirtualTable {
  readonly element: HTMLElement;
  private readonly header = h('div', { class: 'thead', role: 'row' });
  private readonly spacer = h('div', { class: 'spacer' });
  private readonly layer = h('div', { class: 'rows', role: 'rowgroup' });
  private readonly pool: HTMLElement[] = [];
  private columns: ColumnDef[] = [];
  private widths: Record<string, number> = {};
  private sort: SortSpec | undefined;
  private selected: number | undefined;
  private frame = 0;
  utc = false;

  constructor(private readonly cache: PageCache<TableRow>, private readonly events: TableEvents) {
    this.spacer.append(this.layer);
    this.element = h('div', { class: 'table', role: 'grid', tabindex: 0, 'aria-label': 'Requests', 'aria-rowcount': 0 }, this.header, this.spacer);
    this.element.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.layer.addEventListener('click', (e) => this.onRowClick(e, false));
    this.layer.addEventListener('dblclick', (e) => this.onRowClick(e, true));
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** Shows `columns` with `widths` (px by column id; defaults from the column definitions). */
  setColumns(columns: ColumnDef[], widths: Record<string, number>): void {
    this.columns = columns;
    this.widths = { ...widths };
    this.pool.length = 0;
    this.layer.replaceChildren();
    this.renderHeader();
    this.schedule();
  }

  /** Shows the sort indicator for `sort`. */
  setSort(sort: SortSpec | undefined): void {
    this.sort = sort;
    this.renderHeader();
  }

  /** The selected position, if any. */
  get selection(): number | undefined {
    return this.selected;
  }

  /** Selects `position` and scrolls it into view. */
  select(position: number | undefined, notify = true): void {
    this.selected = position;
    if (position !== undefined) this.element.scrollTop = scrollTopFor(this.geometry(), position, this.element.scrollTop);
    this.schedule();
    if (notify && position !== undefined) this.events.select(position, this.cache.get(position));
  }

  /** Restores a scroll position (after a reload). */
  scrollTo(scrollTop: number): void {
    this.element.scrollTop = scrollTop;
    this.schedule();
  }

  /** Re-renders on the next frame (new data, new view, resize). */
  schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Rows rendered now (for tests and measurements). */
  get renderedRows(): number {
    return this.layer.childElementCount;
  }

  private geometry(): ScrollGeometry {
    const viewportHeight = Math.max(0, this.element.clientHeight - this.header.offsetHeight);
    return { rowCount: this.cache.total, rowHeight: ROW_HEIGHT, viewportHeight };
  }

  private width(c: ColumnDef): number {
    return this.widths[c.id] ?? c.width;
  }

  private render(): void {
    const g = this.geometry();
    this.element.setAttribute('aria-rowcount', String(g.rowCount));
    this.spacer.style.height = `${spacerHeight(g)}px`;
    const totalWidth = this.columns.reduce((s, c) => s + this.width(c), 0);
    this.spacer.style.width = `${totalWidth}px`;
    this.header.style.width = `${totalWidth}px`;
    const scrollTop = this.element.scrollTop;
    const vis = visibleRows(g, scrollTop, 4);
    this.layer.style.transform = `translateY(${Math.max(0, scrollTop + vis.offsetY)}px)`;
    this.fillRows(vis.first, vis.end);
    void this.cache.ensure(vis.first, vis.end).then((fresh) => {
      if (fresh) this.schedule();
    }, () => undefined);
  }

  private fillRows(first: number, end: number): void {
    const count = end - first;
    while (this.pool.length < count) this.pool.push(this.newRowElement());
    while (this.layer.childElementCount > count) this.layer.lastElementChild!.remove();
    for (let i = 0; i < count; i++) {
      const el = this.pool[i];
      if (el.parentElement !== this.layer) this.layer.append(el);
      this.fillRow(el, first + i);
    }
  }

  private newRowElement(): HTMLElement {
    const row = h('div', { class: 'tr', role: 'row' });
    for (const c of this.columns) {
      const cell = h('div', { class: 'cell', role: 'gridcell' });
      cell.style.width = `${this.width(c)}px`;
      row.append(cell);
    }
    return row;
  }

  private fillRow(el: HTMLElement, position: number): void {
    const data = this.cache.get(position);
    el.dataset.position = String(position);
    el.setAttribute('aria-rowindex', String(position + 1));
    el.classList.toggle('selected', position === this.selected);
    el.setAttribute('aria-selected', String(position === this.selected));
    el.classList.toggle('loading', data === undefined);
    const key = data ? `${data.row}:${this.utc}` : '';
    if (el.dataset.key === key) return;
    el.dataset.key = key;
    el.dataset.row = data ? String(data.row) : '';
    this.columns.forEach((c, i) => {
      const cell = el.children[i] as HTMLElement;
      const view = data ? cellView(c, data.cells[c.id] ?? null, this.utc) : { text: '', className: 'cell' };
      cell.className = view.className;
      cell.textContent = view.text;
      cell.title = view.text.length > 24 ? view.text : '';
    });
  }

  private renderHeader(): void {
    this.header.replaceChildren(...this.columns.map((c) => this.headerCell(c)));
  }

  private headerCell(c: ColumnDef): HTMLElement {
    const sorted = this.sort?.column === c.id ? this.sort.dir : undefined;
    const label = h('button', { class: 'th-label', type: 'button', disabled: !c.sortable, title: c.sortable ? `Sort by ${c.title}` : c.title }, c.title);
    if (sorted) label.append(icon(sorted === 'asc' ? 'arrow-up' : 'arrow-down', 'sort-icon'));
    label.addEventListener('click', () => this.events.sort(nextSort(this.sort, c)));
    const handle = h('div', { class: 'resize-handle', role: 'separator', 'aria-orientation': 'vertical', title: 'Drag to resize' });
    handle.addEventListener('pointerdown', (e) => this.startResize(e, c, cell));
    const cell = h('div', { class: 'th', role: 'columnheader', 'aria-sort': sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : 'none', 'data-column': c.id }, label, handle);
    cell.style.width = `${this.width(c)}px`;
    return cell;
  }

  private startResize(e: PointerEvent, c: ColumnDef, cell: HTMLElement): void {
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = this.width(c);
    const target = e.target as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => {
      this.widths[c.id] = Math.max(40, Math.round(startWidth + ev.clientX - startX));
      cell.style.width = `${this.widths[c.id]}px`;
      this.applyWidths();
    };
    const up = (): void => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      this.events.resize({ ...this.widths });
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  }

  private applyWidths(): void {
    for (const row of this.pool) {
      this.columns.forEach((c, i) => {
        (row.children[i] as HTMLElement | undefined)?.style.setProperty('width', `${this.width(c)}px`);
      });
    }
    this.schedule();
  }

  private onScroll(): void {
    this.schedule();
    this.events.scroll(this.element.scrollTop);
  }

  private onRowClick(e: MouseEvent, open: boolean): void {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('.tr');
    if (!rowEl?.dataset.position) return;
    const position = Number(rowEl.dataset.position);
    this.element.focus({ preventScroll: true });
    this.select(position);
    if (open) this.events.open(position, this.cache.get(position));
  }

  private onKey(e: KeyboardEvent): void {
    const g = this.geometry();
    const moves: Record<string, number> = {
      ArrowDown: 1, ArrowUp: -1, PageDown: pageStep(g), PageUp: -pageStep(g), End: g.rowCount, Home: -g.rowCount,
    };
    if (e.key in moves) {
      e.preventDefault();
      this.select(moveSelection(this.selected, moves[e.key], g));
    } else if (e.key === 'Enter' && this.selected !== undefined) {
      e.preventDefault();
      this.events.open(this.selected, this.cache.get(this.selected));
    }
  }
}
