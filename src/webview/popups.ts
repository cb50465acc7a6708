/** Popups under toolbar buttons: the column chooser, and the list of unreadable lines. */
import type { ColumnDef, FileSummary } from '../shared/protocol';
import { h } from './dom';

/** Opens the chooser under `anchor`; closes on Escape or a click outside. */
export function openColumnChooser(anchor: HTMLElement, all: readonly ColumnDef[], visible: readonly string[], onChange: (ids: string[]) => void): void {
  const shown = new Set(visible);
  const boxes = all.map((c) => {
    const box = h('input', { type: 'checkbox', 'data-column': c.id, checked: shown.has(c.id) });
    box.addEventListener('change', () => {
      if (box.checked) shown.add(c.id);
      else shown.delete(c.id);
      if (shown.size === 0) {
        shown.add(c.id);
        box.checked = true;
      }
      onChange(all.map((x) => x.id).filter((id) => shown.has(id)));
    });
    return h('label', { class: 'chooser-item' }, box, ' ', c.title);
  });
  const popup = h('div', { class: 'column-chooser popup', role: 'dialog', 'aria-label': 'Columns' }, ...boxes);
  showPopup(popup, anchor);
  (boxes[0]?.querySelector('input') as HTMLInputElement | null)?.focus();
}

/** Lists the first unreadable lines of the file (line number and reason) under `anchor`. */
export function openProblems(anchor: HTMLElement, summary: FileSummary): void {
  const items = (summary.problems ?? []).map((p) => h('li', {}, h('span', { class: 'problem-line' }, `line ${p.line}`), ' ', p.reason));
  const more = summary.badLines > items.length ? h('li', { class: 'problem-more' }, `… and ${summary.badLines - items.length} more`) : null;
  const popup = h('div', { class: 'problems popup', role: 'dialog', 'aria-label': 'Unreadable lines', tabindex: -1 },
    h('div', { class: 'popup-title' }, 'Lines that are not access records'), h('ul', {}, ...items, more));
  showPopup(popup, anchor);
  popup.focus();
}

/** Places a popup under `anchor` (right-aligned when it would overflow) until Escape or a click outside. */
function showPopup(popup: HTMLElement, anchor: HTMLElement): void {
  document.querySelector('.popup')?.remove();
  const rect = anchor.getBoundingClientRect();
  popup.style.top = `${rect.bottom + 4}px`;
  if (rect.left > document.body.clientWidth / 2) popup.style.right = `${Math.max(4, document.body.clientWidth - rect.right)}px`;
  else popup.style.left = `${Math.max(4, rect.left)}px`;
  document.body.append(popup);
  const close = (e: Event): void => {
    if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
    if (e instanceof MouseEvent && (popup.contains(e.target as Node) || anchor.contains(e.target as Node))) return;
    popup.remove();
    document.removeEventListener('mousedown', close, true);
    document.removeEventListener('keydown', close, true);
    if (e instanceof KeyboardEvent) anchor.focus();
  };
  document.addEventListener('mousedown', close, true);
  document.addEventListener('keydown', close, true);
}
