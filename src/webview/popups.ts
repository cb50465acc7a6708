/** A popup listing every column with a checkbox; the owner gets the new visible list. */
import type { ColumnDef } from '../shared/protocol';
import { h } from './dom';

/** Opens the chooser under `anchor`; closes on Escape or a click outside. */
export function openColumnChooser(anchor: HTMLElement, all: readonly ColumnDef[], visible: readonly string[], onChange: (ids: string[]) => void): void {
  document.querySelector('.column-chooser')?.remove();
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
  const rect = anchor.getBoundingClientRect();
  popup.style.top = `${rect.bottom + 4}px`;
  popup.style.right = `${Math.max(4, document.body.clientWidth - rect.right)}px`;
  document.body.append(popup);
  (boxes[0]?.querySelector('input') as HTMLInputElement | null)?.focus();
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
