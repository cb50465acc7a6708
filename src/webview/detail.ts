/** The detail panel: one request with every field decoded, its waterfall and actions. */
import type { DetailField, RecordDetail } from '../shared/protocol';
import { h, iconButton } from './dom';
import { renderWaterfall } from './waterfall';

/** Actions the detail panel offers. */
export interface DetailActions {
  copyJson(d: RecordDetail): void;
  copyCurl(d: RecordDetail): void;
  fetchLog(d: RecordDetail): void;
  jumpToInitial(d: RecordDetail): void;
  openSource(d: RecordDetail): void;
  close(): void;
}

const GROUP_TITLES: Record<DetailField['group'], string> = {
  request: 'Request', outcome: 'Outcome', timing: 'Timing stamps', content: 'Headers and bodies', other: 'Other fields',
};

/** The detail widget. */
export class DetailPanel {
  readonly element = h('aside', { class: 'detail', 'aria-label': 'Request detail', hidden: true, tabindex: -1 });
  private current: RecordDetail | undefined;

  constructor(private readonly actions: DetailActions) {}

  /** The request shown, if any. */
  get shown(): RecordDetail | undefined {
    return this.current;
  }

  /** Shows a loading state for `row`. */
  loading(): void {
    this.element.hidden = false;
    this.element.classList.add('busy');
  }

  /** Shows `d`. */
  show(d: RecordDetail): void {
    this.current = d;
    this.element.hidden = false;
    this.element.classList.remove('busy');
    this.element.dataset.row = String(d.row);
    this.element.replaceChildren(this.header(d), this.body(d));
  }

  /** Hides the panel. */
  hide(): void {
    this.current = undefined;
    this.element.hidden = true;
  }

  private header(d: RecordDetail): HTMLElement {
    const button = (name: string, label: string, run: () => void, disabled = false): HTMLButtonElement => {
      const b = iconButton(name, label);
      b.disabled = disabled;
      b.addEventListener('click', run);
      return b;
    };
    return h('div', { class: 'detail-head' },
      h('div', { class: 'detail-title' }, h('span', { class: 'detail-id mono', title: d.requestId }, d.requestId || `row ${d.row + 1}`),
        h('span', { class: 'detail-line' }, `line ${d.line}`)),
      h('div', { class: 'detail-actions' },
        button('json', 'Copy as JSON', () => this.actions.copyJson(d)),
        button('terminal', 'Copy as curl (logged bodies are cut at 1024 bytes)', () => this.actions.copyCurl(d), !d.curl),
        button('cloud-download', 'Fetch full log (QueryRequestLogs)', () => this.actions.fetchLog(d), !d.requestId),
        button('arrow-up', d.initialRequestId ? `Jump to initial request ${d.initialRequestId}` : 'No initial request', () => this.actions.jumpToInitial(d), !d.initialRequestId),
        button('go-to-file', 'Open in text editor at this line', () => this.actions.openSource(d)),
        button('close', 'Close detail', () => this.actions.close())));
  }

  private body(d: RecordDetail): HTMLElement {
    const parts: HTMLElement[] = [];
    if (d.waterfall) parts.push(renderWaterfall(d.waterfall));
    for (const group of Object.keys(GROUP_TITLES) as DetailField['group'][]) {
      const fields = d.fields.filter((f) => f.group === group);
      if (fields.length === 0) continue;
      parts.push(h('section', { class: 'field-group', 'data-group': group },
        h('h3', {}, GROUP_TITLES[group]), h('dl', {}, ...fields.flatMap((f) => this.field(f)))));
    }
    return h('div', { class: 'detail-body' }, ...parts);
  }

  private field(f: DetailField): HTMLElement[] {
    const value = h('dd', { 'data-field': f.name },
      f.pretty ? h('pre', { class: 'pretty' }, f.pretty) : h('span', { class: 'raw' }, f.raw),
      f.decoded ? h('span', { class: 'decoded' }, f.decoded) : null);
    return [h('dt', { title: f.description ?? f.name }, f.name), value];
  }
}
