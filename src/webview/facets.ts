/** The facets sidebar: top values with counts; click includes a value in the query, Alt+click excludes it. */
import type { Facet } from '../shared/protocol';
import { h, icon } from './dom';
import { formatCount } from './format';
import { hasClause } from './queryEdit';

/** Called when a facet value is picked, with the clause that selects it. */
export type FacetPick = (clause: string, exclude: boolean) => void;

/** The facets widget. */
export class FacetsPanel {
  readonly element = h('aside', { class: 'facets', 'aria-label': 'Facets' });
  private readonly open = new Set<string>();
  private initialised = false;

  constructor(private readonly onPick: FacetPick) {}

  /** Shows `facets`, marking values the query already includes or excludes. */
  show(facets: readonly Facet[], query: string): void {
    if (!this.initialised) {
      facets.slice(0, 4).forEach((f) => this.open.add(f.column));
      this.initialised = true;
    }
    this.element.replaceChildren(...facets.map((f) => this.section(f, query)));
  }

  private section(f: Facet, query: string): HTMLElement {
    const max = f.values.reduce((m, v) => Math.max(m, v.count), 1);
    const list = h('ul', { class: 'facet-values' }, ...f.values.map((v) => {
      const state = hasClause(query, v.clause) ? 'included' : hasClause(query, `not ${v.clause}`) ? 'excluded' : '';
      const bar = h('span', { class: 'facet-bar' });
      bar.style.width = `${Math.max(2, (v.count / max) * 100)}%`;
      const label = v.value === '' ? '(empty)' : v.value;
      const button = h('button', {
        class: `facet-value ${state}`.trim(), type: 'button', 'data-clause': v.clause, 'data-value': v.value,
        title: `${label}\nClick: include · Alt+click: exclude`, 'aria-pressed': String(state === 'included'),
      }, bar, h('span', { class: 'facet-label' }, label), h('span', { class: 'facet-count' }, formatCount(v.count)));
      button.addEventListener('click', (e) => this.onPick(v.clause, e.altKey));
      button.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && e.altKey) {
          e.preventDefault();
          this.onPick(v.clause, true);
        }
      });
      return h('li', {}, button);
    }));
    const details = h('details', { class: 'facet', 'data-column': f.column, open: this.open.has(f.column) },
      h('summary', {}, icon('chevron-right', 'twisty'), h('span', { class: 'facet-title' }, f.title), h('span', { class: 'facet-n' }, String(f.values.length))),
      f.values.length > 0 ? list : h('div', { class: 'facet-empty' }, 'No values'));
    details.addEventListener('toggle', () => {
      if (details.open) this.open.add(f.column);
      else this.open.delete(f.column);
    });
    return details;
  }
}
