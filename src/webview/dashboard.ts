/** The dashboard tab: the Log Service preset report over the current filter. */
import type uPlot from 'uplot';
import type { DashboardData, RankedEntry, SlowRequest } from '../shared/protocol';
import { fitWidth, lineChart, stackedBars } from './charts';
import { h, themeColor } from './dom';
import { formatCompact, formatCount, formatMs, formatPercent, formatTime } from './format';

/** What the dashboard asks of its owner. */
export interface DashboardEvents {
  openRow(row: number): void;
  filter(clause: string): void;
}

/** The dashboard widget. */
export class Dashboard {
  readonly element = h('section', { class: 'dashboard', 'aria-label': 'Dashboard', hidden: true });
  private charts: { chart: uPlot; observer: ResizeObserver }[] = [];
  private data: DashboardData | undefined;
  utc = false;

  constructor(private readonly events: DashboardEvents) {}

  /** Draws the report for `data`. */
  show(data: DashboardData): void {
    this.data = data;
    this.redraw();
  }

  /** Shows a message instead of the report (query error, loading). */
  message(text: string): void {
    this.destroyCharts();
    this.element.replaceChildren(h('div', { class: 'dash-message' }, text));
  }

  /** Redraws (after a theme change or resize of the tab). */
  redraw(): void {
    this.destroyCharts();
    const d = this.data;
    if (!d) return;
    this.element.replaceChildren(this.kpis(d), this.chartGrid(d), this.tables(d));
  }

  private destroyCharts(): void {
    for (const c of this.charts) {
      c.observer.disconnect();
      c.chart.destroy();
    }
    this.charts = [];
  }

  private kpis(d: DashboardData): HTMLElement {
    const kpi = (label: string, value: string, cls = ''): HTMLElement =>
      h('div', { class: `kpi ${cls}`.trim() }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, label));
    return h('div', { class: 'kpis' },
      kpi('Requests', formatCount(d.total)),
      kpi('Success rate', formatPercent(d.successRate), 'good'),
      kpi('Failure rate', formatPercent(d.failureRate), d.failureRate > 0.05 ? 'bad' : ''),
      kpi('p50 latency', formatMs(d.latency.total.p50)),
      kpi('p95 latency', formatMs(d.latency.total.p95)),
      kpi('p99 latency', formatMs(d.latency.total.p99)),
      kpi('Backend p95', formatMs(d.latency.backend.p95)),
      kpi('Gateway overhead p95', formatMs(d.latency.overhead.p95)),
      kpi('Calling apps', formatCount(d.distinctApps)));
  }

  private chartGrid(d: DashboardData): HTMLElement {
    const xs = d.timeline.map((b) => b.start);
    const grid = h('div', { class: 'dash-charts' });
    const card = (title: string, draw: (el: HTMLElement) => uPlot): void => {
      const plot = h('div', { class: 'dash-plot' });
      const el = h('div', { class: 'dash-card chart', 'data-chart': title }, h('h3', {}, title), plot);
      grid.append(el);
      requestAnimationFrame(() => {
        if (!plot.isConnected) return;
        const chart = draw(plot);
        this.charts.push({ chart, observer: fitWidth(chart, plot) });
        el.dataset.drawn = 'true';
      });
    };
    const rate = (b: DashboardData['timeline'][number], failed: boolean): number | null =>
      b.total === 0 ? null : (failed ? b.failures : b.total - b.failures) / b.total;
    const pct = (v: number): string => formatPercent(v);
    card('Request volume', (el) => stackedBars(el, d.timeline, 160, undefined, this.utc));
    card('Success and failure rate', (el) => lineChart(el, xs, [
      { label: 'success', values: d.timeline.map((b) => rate(b, false)), color: themeColor('--vscode-charts-green', '#388a34') },
      { label: 'failure', values: d.timeline.map((b) => rate(b, true)), color: themeColor('--vscode-charts-red', '#e51400') },
    ], 160, pct, this.utc));
    const percentiles = (['p50', 'p90', 'p95', 'p99'] as const).filter((p) => d.timeline.some((b) => b.latency[p] !== undefined));
    const pColors: Record<string, string> = { p50: '--vscode-charts-blue', p90: '--vscode-charts-green', p95: '--vscode-charts-orange', p99: '--vscode-charts-red' };
    card('Latency percentiles', (el) => lineChart(el, xs, percentiles.map((p) => ({
      label: p, values: d.timeline.map((b) => (b.total === 0 ? null : finiteOrNull(b.latency[p]))), color: themeColor(pColors[p], '#888'),
    })), 160, formatMs, this.utc, true));
    if (d.timeline.some((b) => b.apps !== undefined)) {
      card('Calling apps', (el) => lineChart(el, xs, [
        { label: 'apps', values: d.timeline.map((b) => b.apps ?? null), color: themeColor('--vscode-charts-purple', '#a0a') },
      ], 160, formatCompact, this.utc));
    }
    card('Failures over time', (el) => lineChart(el, xs, [
      { label: 'failed', values: d.timeline.map((b) => b.failures), color: themeColor('--vscode-charts-purple', '#652d90') },
      { label: '4xx', values: d.timeline.map((b) => b.byClass['4xx']), color: themeColor('--vscode-charts-yellow', '#bf8803') },
      { label: '5xx', values: d.timeline.map((b) => b.byClass['5xx']), color: themeColor('--vscode-charts-red', '#e51400') },
    ], 160, formatCompact, this.utc));
    return grid;
  }

  private tables(d: DashboardData): HTMLElement {
    return h('div', { class: 'dash-tables' },
      this.ranked('Top groups', d.topGroups),
      this.ranked('Top APIs', d.topApis),
      this.ranked('Top apps', d.topApps),
      this.ranked('Failure statistics (error codes)', d.topErrorCodes),
      this.ranked('Top client IPs', d.topClientIps),
      this.ranked('Top latency: slowest APIs (p95)', d.slowestApis, true),
      this.slowRequests(d.slowestRequests));
  }

  private ranked(title: string, entries: readonly RankedEntry[], byValue = false): HTMLElement {
    const max = entries.reduce((m, e) => Math.max(m, byValue ? e.value ?? 0 : e.count), 1);
    const rows = entries.map((e) => {
      const bar = h('span', { class: 'rank-bar' });
      bar.style.width = `${Math.max(1, ((byValue ? e.value ?? 0 : e.count) / max) * 100)}%`;
      const label = e.name === '' ? '(empty)' : e.name;
      const name = e.clause ? h('button', { class: 'rank-name', type: 'button', title: `Filter on ${label}` }, label) : h('span', { class: 'rank-name plain' }, label);
      const clause = e.clause;
      if (clause) name.addEventListener('click', () => this.events.filter(clause));
      return h('tr', {}, h('td', { class: 'rank-cell' }, bar, name),
        h('td', { class: 'num' }, byValue ? formatMs(e.value ?? NaN) : formatCount(e.count)),
        h('td', { class: 'rank-detail' }, e.detail ?? ''));
    });
    return h('div', { class: 'dash-card table-card', 'data-table': title }, h('h3', {}, title),
      entries.length === 0 ? h('div', { class: 'dash-empty' }, 'None') : h('table', {}, h('tbody', {}, ...rows)));
  }

  private slowRequests(list: readonly SlowRequest[]): HTMLElement {
    const rows = list.map((r) => {
      const link = h('button', { class: 'rank-name mono', type: 'button', title: 'Show this request' }, r.requestId || `row ${r.row + 1}`);
      link.addEventListener('click', () => this.events.openRow(r.row));
      return h('tr', {}, h('td', {}, link), h('td', {}, r.api), h('td', { class: 'num' }, formatMs(r.latency)),
        h('td', {}, r.status), h('td', {}, formatTime(r.time, this.utc)));
    });
    return h('div', { class: 'dash-card table-card wide', 'data-table': 'Slowest requests' }, h('h3', {}, 'Top latency: slowest requests'),
      list.length === 0 ? h('div', { class: 'dash-empty' }, 'None') : h('table', {}, h('tbody', {}, ...rows)));
  }
}

function finiteOrNull(v: number | undefined): number | null {
  return v !== undefined && Number.isFinite(v) ? v : null;
}
