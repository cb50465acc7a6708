/** The toolbar: query bar, time range, toggles, export, tabs; and the status line under it. */
import { h, icon, iconButton } from './dom';
import { RANGE_PRESETS } from './timeRange';

/** The toolbar's controls, wired by the app. */
export interface Toolbar {
  readonly element: HTMLElement;
  readonly range: HTMLSelectElement;
  readonly utc: HTMLButtonElement;
  readonly facets: HTMLButtonElement;
  readonly columns: HTMLButtonElement;
  readonly follow: HTMLButtonElement;
  readonly exportJson: HTMLButtonElement;
  readonly exportCsv: HTMLButtonElement;
  readonly tabTable: HTMLButtonElement;
  readonly tabDashboard: HTMLButtonElement;
}

/** Builds the toolbar around the query bar element. */
export function buildToolbar(queryBar: HTMLElement): Toolbar {
  const range = h('select', { class: 'range-select', 'aria-label': 'Time range', title: 'Time range (relative to the newest record)' },
    ...RANGE_PRESETS.map((p) => h('option', { value: p.id }, p.label)), h('option', { value: 'custom', hidden: true }, 'Selected range'));
  const t: Omit<Toolbar, 'element'> = {
    range,
    utc: toggle('globe', 'Show times in UTC'),
    facets: toggle('filter', 'Show facets'),
    columns: iconButton('list-selection', 'Choose columns'),
    follow: toggle('arrow-circle-down', 'Follow the file as it grows'),
    exportJson: iconButton('export', 'Export filtered rows as JSON lines'),
    exportCsv: iconButton('file-text', 'Export filtered rows as CSV'),
    tabTable: tab('Requests', 'table'),
    tabDashboard: tab('Dashboard', 'dashboard'),
  };
  const element = h('header', { class: 'toolbar' },
    queryBar, range,
    h('div', { class: 'tool-group' }, t.utc, t.facets, t.columns, t.follow, t.exportJson, t.exportCsv),
    h('div', { class: 'tabs', role: 'tablist' }, t.tabTable, t.tabDashboard));
  return { element, ...t };
}

function toggle(name: string, label: string): HTMLButtonElement {
  return h('button', { class: 'icon-button toggle', type: 'button', title: label, 'aria-label': label, 'aria-pressed': 'false' }, icon(name));
}

function tab(label: string, id: string): HTMLButtonElement {
  return h('button', { class: 'tab', type: 'button', role: 'tab', 'data-tab': id, 'aria-selected': 'false' }, label);
}

/** Sets a toggle button's pressed state. */
export function setPressed(button: HTMLButtonElement, pressed: boolean): void {
  button.setAttribute('aria-pressed', String(pressed));
  button.classList.toggle('on', pressed);
}

/** The status line: counts, file facts and the indexing progress bar. */
export class StatusLine {
  readonly element = h('div', { class: 'status-line', role: 'status' });
  private readonly text = h('span', { class: 'status-text' });
  private readonly extra = h('span', { class: 'status-extra' });
  /** Shows the unreadable lines (hidden when there are none). */
  readonly problemsButton = h('button', { class: 'problems-button', type: 'button', hidden: true, title: 'Show the lines that are not access records' });
  private readonly bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, hidden: true }, h('div', { class: 'progress-fill' }));

  constructor() {
    this.element.append(this.text, this.extra, this.problemsButton, this.bar);
  }

  /** Sets the main text (counts). */
  setText(text: string): void {
    this.text.textContent = text;
  }

  /** Sets the secondary text (file facts, timings). */
  setExtra(text: string): void {
    this.extra.textContent = text;
  }

  /** Shows how many lines are not records (0 hides the button). */
  setProblems(count: number): void {
    this.problemsButton.hidden = count === 0;
    this.problemsButton.textContent = `${count.toLocaleString('en-US')} unreadable line${count === 1 ? '' : 's'}`;
  }

  /** Shows indexing progress (0..1), or hides the bar when undefined. */
  setProgress(fraction: number | undefined): void {
    this.bar.hidden = fraction === undefined;
    if (fraction === undefined) return;
    const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    this.bar.setAttribute('aria-valuenow', String(pct));
    (this.bar.firstElementChild as HTMLElement).style.width = `${pct}%`;
  }
}
