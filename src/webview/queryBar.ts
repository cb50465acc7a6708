/**
 * The query bar: an input with completion (field names and frequent values from the host) and the
 * query's error underlined at its position. Enter runs the query; Ctrl+Space asks for completions.
 */
import type { CompletionProposal, QueryErrorInfo } from '../shared/protocol';
import { h, icon } from './dom';
import { applyCompletion } from './queryEdit';

/** What the query bar needs from its owner. */
export interface QueryBarEvents {
  run(query: string): void;
  complete(text: string, cursor: number): Promise<readonly CompletionProposal[]>;
}

/** The query input with its completion list and error marker. */
export class QueryBar {
  readonly element: HTMLElement;
  readonly input = h('input', {
    class: 'query-input', type: 'text', spellcheck: 'false', autocomplete: 'off', 'aria-label': 'Query',
    placeholder: 'Search: text, field:value, totalLatency > 500, statusCode in [500 599], and / or / not',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'query-completions',
  });
  private readonly mirror = h('div', { class: 'query-mirror', 'aria-hidden': 'true' });
  private readonly list = h('ul', { class: 'completions', id: 'query-completions', role: 'listbox', hidden: true });
  readonly errorLine = h('div', { class: 'query-error', role: 'alert', hidden: true });
  private proposals: readonly CompletionProposal[] = [];
  private active = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(private readonly events: QueryBarEvents) {
    const box = h('div', { class: 'query-box' }, icon('search', 'query-icon'), this.mirror, this.input, this.list);
    this.element = h('div', { class: 'query-bar' }, box);
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (e) => this.onKey(e));
    this.input.addEventListener('scroll', () => this.syncMirror());
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.list.addEventListener('mousedown', (e) => this.onListClick(e));
  }

  /** The query text. */
  get value(): string {
    return this.input.value;
  }

  /** Sets the query text (from state, a facet click…) and clears any stale error. */
  set value(text: string) {
    this.input.value = text;
    this.showError(undefined);
  }

  /** Underlines the error's range and shows its message (undefined clears it). */
  showError(error: QueryErrorInfo | undefined): void {
    this.input.classList.toggle('invalid', error !== undefined);
    this.input.setAttribute('aria-invalid', String(error !== undefined));
    if (!error) {
      this.mirror.replaceChildren();
      this.errorLine.hidden = true;
      return;
    }
    const text = this.input.value;
    const from = Math.min(error.position, text.length);
    const to = Math.min(text.length, from + Math.max(1, error.length));
    const marked = h('span', { class: 'error-range' }, text.slice(from, to) || ' ');
    this.mirror.replaceChildren(document.createTextNode(text.slice(0, from)), marked, document.createTextNode(text.slice(to)));
    const expected = error.expected.length > 0 ? ` (expected ${error.expected.slice(0, 6).join(', ')})` : '';
    this.errorLine.textContent = `Column ${from + 1}: ${error.message}${expected}`;
    this.errorLine.hidden = false;
    this.syncMirror();
  }

  /** Opens the completion list at the cursor. */
  async suggest(): Promise<void> {
    const ticket = ++this.asked;
    const text = this.input.value;
    const proposals = await this.events.complete(text, this.input.selectionStart ?? text.length);
    if (ticket !== this.asked || text !== this.input.value) return;
    this.proposals = proposals.slice(0, 50);
    this.active = 0;
    this.renderList();
  }

  private onInput(): void {
    if (this.input.classList.contains('invalid')) this.showError(undefined);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.suggest().catch(() => this.close()), 120);
  }

  private onKey(e: KeyboardEvent): void {
    const open = !this.list.hidden && this.proposals.length > 0;
    if (e.key === ' ' && e.ctrlKey) {
      e.preventDefault();
      void this.suggest().catch(() => this.close());
    } else if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.proposals.length) % this.proposals.length;
      this.renderList();
    } else if (open && (e.key === 'Tab' || (e.key === 'Enter' && this.list.dataset.navigated === 'true'))) {
      e.preventDefault();
      this.accept(this.proposals[this.active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(this.timer);
      this.asked++;
      this.close();
      this.events.run(this.input.value);
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') this.list.dataset.navigated = 'true';
  }

  private onListClick(e: MouseEvent): void {
    const item = (e.target as HTMLElement).closest<HTMLElement>('li');
    if (!item) return;
    e.preventDefault();
    this.accept(this.proposals[Number(item.dataset.index)]);
  }

  private accept(p: CompletionProposal | undefined): void {
    if (!p) return;
    const edit = applyCompletion(this.input.value, p);
    this.input.value = edit.text;
    this.input.setSelectionRange(edit.cursor, edit.cursor);
    this.input.focus();
    this.close();
    if (p.kind === 'field') void this.suggest().catch(() => this.close());
  }

  private renderList(): void {
    this.list.dataset.navigated = 'false';
    if (this.proposals.length === 0) {
      this.close();
      return;
    }
    this.list.replaceChildren(...this.proposals.map((p, i) => {
      const kindIcon = p.kind === 'field' ? 'symbol-field' : p.kind === 'value' ? 'symbol-value' : 'symbol-keyword';
      const li = h('li', { role: 'option', 'data-index': i, 'aria-selected': String(i === this.active), class: i === this.active ? 'active' : '' },
        icon(kindIcon), h('span', { class: 'label' }, p.label), p.detail ? h('span', { class: 'detail' }, p.detail) : null);
      return li;
    }));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    (this.list.children[this.active] as HTMLElement | undefined)?.scrollIntoView({ block: 'nearest' });
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private syncMirror(): void {
    this.mirror.scrollLeft = this.input.scrollLeft;
  }
}
