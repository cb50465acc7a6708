/** The explorer app: owns the widgets, the view state and the conversation with the host. */
import type { ColumnDef, ExplorerOptions, FileSummary, Filter, HostToWebview, RecordDetail, TableRow } from '../shared/protocol';
import { Dashboard } from './dashboard';
import { DetailPanel } from './detail';
import { byId, h } from './dom';
import { FacetsPanel } from './facets';
import { formatBytes, formatCount } from './format';
import { Histogram } from './histogram';
import { PageCache } from './pageCache';
import { QueryBar } from './queryBar';
import { addClause, toggleFacet } from './queryEdit';
import type { RpcClient } from './rpc';
import { defaultState, restoreState, type ViewState } from './state';
import { VirtualTable } from './table';
import { presetRange } from './timeRange';
import { buildToolbar, StatusLine, type Toolbar } from './toolbar';
import { wireToolbar } from './wiring';

/** Rows per page asked from the host. */
export const PAGE_SIZE = 200;
/** Buckets asked for the histogram. */
const HISTOGRAM_BUCKETS = 120;

/** Persists the view state (vscode.setState in the webview). */
export type SaveState = (state: ViewState) => void;

/** The whole explorer UI. */
export class ExplorerApp {
  state: ViewState;
  summary: FileSummary;
  readonly options: ExplorerOptions;
  readonly queryBar: QueryBar;
  readonly table: VirtualTable;
  readonly histogram: Histogram;
  readonly facets: FacetsPanel;
  readonly detail: DetailPanel;
  readonly dashboard: Dashboard;
  readonly status = new StatusLine();
  readonly toolbar: Toolbar;
  readonly cache: PageCache<TableRow>;
  private generation = 0;
  private runTicket = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Follow mode: jump to the newest rows when the file grows. */
  following: boolean;

  constructor(readonly rpc: RpcClient, summary: FileSummary, options: ExplorerOptions, stored: unknown, private readonly save: SaveState) {
    this.summary = summary;
    this.options = options;
    this.following = options.following;
    const known = options.columns.map((c) => c.id);
    this.state = restoreState(stored, defaultState(options.defaultColumns), known);
    this.cache = new PageCache<TableRow>((key, offset, limit) => this.fetchPage(key, offset, limit), { pageSize: PAGE_SIZE, maxPages: 60 });
    this.queryBar = new QueryBar({ run: (q) => this.setQuery(q), complete: (text, cursor) => this.rpc.call('complete', { text, cursor }) });
    this.table = new VirtualTable(this.cache, {
      select: (pos, row) => void this.selectPosition(pos, row),
      open: (pos, row) => void this.selectPosition(pos, row, true),
      sort: (sort) => { this.state.sort = sort; this.table.setSort(sort); this.persist(); void this.run(); },
      resize: (widths) => { this.state.widths = widths; this.persist(); },
      scroll: (top) => { this.state.scrollTop = top; this.persist(400); },
    });
    this.histogram = new Histogram((range) => {
      this.state.range = range;
      this.state.rangePreset = 'custom';
      this.toolbar.range.value = 'custom';
      this.persist();
      void this.run();
    });
    this.facets = new FacetsPanel((clause, exclude) => this.setQuery(toggleFacet(this.queryBar.value, clause, exclude)));
    this.detail = new DetailPanel(detailActions(this));
    this.dashboard = new Dashboard({
      openRow: (row) => {
        this.state.tab = 'table';
        this.applyState();
        void this.showDetail(row, true);
      },
      filter: (clause) => this.setQuery(addClause(this.queryBar.value, clause)),
    });
    this.toolbar = buildToolbar(this.queryBar.element);
    this.layout();
    wireToolbar(this);
  }

  /** The filter of the current state. */
  filter(): Filter {
    const range = this.state.rangePreset === 'custom' ? this.state.range : presetRange(this.state.rangePreset, this.summary.timeRange?.to);
    return range ? { query: this.state.query, range } : { query: this.state.query };
  }

  /** Columns shown, in order. */
  visibleColumns(): ColumnDef[] {
    return this.state.columns.map((id) => this.options.columns.find((c) => c.id === id)).filter((c): c is ColumnDef => c !== undefined);
  }

  /** Restores the view after init and runs the first query. */
  start(): void {
    this.queryBar.value = this.state.query;
    this.table.setColumns(this.visibleColumns(), this.state.widths);
    this.table.setSort(this.state.sort);
    this.applyState();
    this.showSummary();
    void this.run().then(() => {
      this.table.scrollTo(this.state.scrollTop);
      if (this.state.selectedRow !== undefined) void this.showDetail(this.state.selectedRow);
    });
  }

  /** Handles a host message other than a response. */
  onMessage(m: HostToWebview): void {
    switch (m.type) {
      case 'progress':
        this.status.setProgress(m.totalBytes > 0 ? m.bytesRead / m.totalBytes : undefined);
        this.summary = { ...this.summary, records: m.records };
        this.refreshSoon();
        break;
      case 'indexed':
      case 'grew':
        this.summary = m.summary;
        this.status.setProgress(undefined);
        this.showSummary();
        void this.run(true, m.type === 'grew' && this.following);
        break;
      case 'reveal':
        void this.showDetail(m.row, true);
        break;
      case 'failed':
        this.status.setProgress(undefined);
        this.status.setText(`Could not index this file: ${m.message}`);
        break;
      default:
        break;
    }
  }

  /** Sets the query text and runs it. */
  setQuery(query: string): void {
    this.queryBar.value = query;
    this.state.query = query;
    this.persist();
    void this.run();
  }

  /** Runs the current filter: table first page and histogram, then facets (and the dashboard if shown). */
  async run(keepPosition = false, toEnd = false): Promise<void> {
    const ticket = ++this.runTicket;
    const started = performance.now();
    document.body.classList.add('busy');
    const filter = this.filter();
    const key = JSON.stringify([filter, this.state.sort, ++this.generation]);
    const rowsP = this.rpc.call('rows', { filter, sort: this.state.sort, offset: 0, limit: PAGE_SIZE });
    const histP = this.rpc.call('histogram', { filter, buckets: HISTOGRAM_BUCKETS });
    const rows = await rowsP;
    if (ticket !== this.runTicket) return;
    document.body.classList.remove('busy');
    if (!rows.ok) {
      this.queryBar.showError(rows.error);
      this.status.setText('Query error');
      return;
    }
    this.queryBar.showError(undefined);
    this.cache.reset(key, rows.total);
    this.cache.put(key, 0, rows.rows, rows.total);
    if (!keepPosition) {
      this.table.select(undefined, false);
      this.table.scrollTo(0);
    }
    if (toEnd) this.table.select(Math.max(0, rows.total - 1), false);
    this.table.schedule();
    if (document.body.dataset.firstRowsAt === undefined && rows.rows.length > 0) {
      requestAnimationFrame(() => { document.body.dataset.firstRowsAt = String(Date.now()); });
    }
    const hist = await histP;
    if (ticket !== this.runTicket) return;
    if (hist.ok) this.histogram.show(hist.buckets);
    const ms = Math.round(performance.now() - started);
    document.body.dataset.queryMs = String(ms);
    document.body.dataset.total = String(rows.total);
    this.status.setText(`${formatCount(rows.total)} of ${formatCount(this.summary.records)} requests`);
    this.status.setExtra(`${this.fileFacts()} · ${ms} ms`);
    void this.loadFacets(filter, ticket);
    if (this.state.tab === 'dashboard') void this.loadDashboard();
  }

  /** Loads the dashboard over the current filter. */
  async loadDashboard(): Promise<void> {
    const started = performance.now();
    this.dashboard.message('Computing…');
    const answer = await this.rpc.call('dashboard', { filter: this.filter(), buckets: 60 });
    if (!answer.ok) {
      this.dashboard.message(`Query error: ${answer.error.message}`);
      return;
    }
    this.dashboard.show(answer.data);
    document.body.dataset.dashboardMs = String(Math.round(performance.now() - started));
  }

  /** Shows the detail of index row `row`; `select` also selects it in an unfiltered, unsorted table. */
  async showDetail(row: number, select = false): Promise<void> {
    this.detail.loading();
    this.state.selectedRow = row;
    this.persist();
    const d: RecordDetail = await this.rpc.call('detail', { row });
    if (this.state.selectedRow !== row) return;
    this.detail.show(d);
    if (select && this.filter().query === '' && !this.filter().range && !this.state.sort) this.table.select(row, false);
  }

  /** Applies toggles, tabs and panel visibility from the state. */
  applyState(): void {
    const dash = this.state.tab === 'dashboard';
    byId('explorer-main').hidden = dash;
    this.dashboard.element.hidden = !dash;
    this.toolbar.tabTable.setAttribute('aria-selected', String(!dash));
    this.toolbar.tabDashboard.setAttribute('aria-selected', String(dash));
    this.facets.element.hidden = !this.state.showFacets;
    this.toolbar.range.value = this.state.rangePreset;
    this.table.utc = this.state.utc;
    this.histogram.utc = this.state.utc;
    this.dashboard.utc = this.state.utc;
  }

  /** Saves the state, now or after `delayMs`. */
  persist(delayMs = 0): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(this.state), delayMs);
  }

  private async selectPosition(position: number, row: TableRow | undefined, focusDetail = false): Promise<void> {
    let data = row;
    if (!data) {
      await this.cache.ensure(position, position + 1);
      data = this.cache.get(position);
    }
    if (!data) return;
    await this.showDetail(data.row);
    if (focusDetail) this.detail.element.focus();
  }

  private async fetchPage(key: string, offset: number, limit: number): Promise<{ total: number; rows: readonly TableRow[] }> {
    const [filter, sort] = JSON.parse(key) as [Filter, ViewState['sort']];
    const answer = await this.rpc.call('rows', { filter, sort, offset, limit });
    return answer.ok ? { total: answer.total, rows: answer.rows } : { total: 0, rows: [] };
  }

  private async loadFacets(filter: Filter, ticket: number): Promise<void> {
    if (!this.state.showFacets) return;
    const facets = await this.rpc.call('facets', { filter, topN: 8 });
    if (ticket === this.runTicket) this.facets.show(facets, this.state.query);
  }

  private refreshSoon(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.run(true);
    }, 700);
  }

  private fileFacts(): string {
    const s = this.summary;
    return `${s.fileName} · ${formatBytes(s.bytes)} · ${s.format}${s.complete ? '' : ' · indexing…'}`;
  }

  private showSummary(): void {
    this.status.setExtra(this.fileFacts());
    this.status.setProblems(this.summary.badLines);
    document.body.dataset.records = String(this.summary.records);
    document.body.dataset.complete = String(this.summary.complete);
  }

  private layout(): void {
    const main = h('main', { class: 'explorer-main', id: 'explorer-main' },
      this.facets.element, h('section', { class: 'table-pane' }, this.histogram.element, this.table.element), this.detail.element);
    document.body.replaceChildren(this.toolbar.element, this.queryBar.errorLine, this.status.element, main, this.dashboard.element);
  }
}

function detailActions(app: ExplorerApp): ConstructorParameters<typeof DetailPanel>[0] {
  return {
    copyJson: (d) => void app.rpc.call('copy', { text: d.json, what: 'Request as JSON' }),
    copyCurl: (d) => void app.rpc.call('copy', { text: d.curl ?? '', what: 'curl command (logged bodies are cut at 1024 bytes)' }),
    fetchLog: (d) => void app.rpc.call('fetchLog', { requestId: d.requestId }),
    jumpToInitial: (d) => {
      if (d.initialRow !== undefined) void app.showDetail(d.initialRow, true);
      else if (d.initialRequestId) void app.rpc.call('fetchLog', { requestId: d.initialRequestId });
    },
    openSource: (d) => void app.rpc.call('openSource', { row: d.row }),
    close: () => { app.detail.hide(); app.state.selectedRow = undefined; app.persist(); app.table.element.focus(); },
  };
}
