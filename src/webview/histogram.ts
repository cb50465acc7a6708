/** The histogram strip above the table: volume over time stacked by status class, brushable. */
import type uPlot from 'uplot';
import type { TimeRange, TimelineBucket } from '../shared/protocol';
import { STATUS_CLASSES } from '../shared/protocol';
import { fitWidth, stackedBars, statusColors } from './charts';
import { h, replaceChildren } from './dom';
import { formatCount, formatTime } from './format';

/** Height of the histogram plot in CSS pixels. */
const HEIGHT = 118;

/** The histogram widget. */
export class Histogram {
  readonly element = h('div', { class: 'histogram', role: 'img', 'aria-label': 'Requests over time by status class' });
  private readonly plot = h('div', { class: 'histogram-plot' });
  private readonly legend = h('div', { class: 'histogram-legend' });
  private chart: uPlot | undefined;
  private observer: ResizeObserver | undefined;
  private buckets: readonly TimelineBucket[] = [];
  utc = false;

  constructor(private readonly onBrush: (range: TimeRange) => void) {
    this.element.append(this.legend, this.plot);
  }

  /** Draws `buckets` (replacing the previous chart). */
  show(buckets: readonly TimelineBucket[]): void {
    this.buckets = buckets;
    this.redraw();
  }

  /** Redraws with the current data (theme change). */
  redraw(): void {
    this.observer?.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    this.plot.replaceChildren();
    const total = this.buckets.reduce((s, b) => s + Object.values(b.byClass).reduce((a, n) => a + n, 0), 0);
    this.element.dataset.buckets = String(this.buckets.length);
    this.element.dataset.total = String(total);
    this.renderLegend(total);
    if (this.buckets.length === 0) {
      this.plot.append(h('div', { class: 'empty-chart' }, 'No requests in this range'));
      return;
    }
    this.chart = stackedBars(this.plot, this.buckets, HEIGHT, this.onBrush, this.utc, false);
    this.observer = fitWidth(this.chart, this.plot);
  }

  /** A one-line legend: class swatches with their totals, the span, and the brushing hint. */
  private renderLegend(total: number): void {
    const colors = statusColors();
    const sums = STATUS_CLASSES.map((c) => this.buckets.reduce((s, b) => s + b.byClass[c], 0));
    const keys = STATUS_CLASSES.map((c, i) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = colors[c];
      return sums[i] > 0 ? h('span', { class: 'legend-key' }, swatch, `${c} ${formatCount(sums[i])}`) : null;
    });
    const first = this.buckets[0];
    const last = this.buckets.at(-1);
    const span = first && last ? `${formatTime(first.start, this.utc)} – ${formatTime(last.end, this.utc)}` : '';
    replaceChildren(this.legend, h('span', { class: 'legend-total' }, `${formatCount(total)} requests`), ...keys,
      h('span', { class: 'legend-span' }, span), h('span', { class: 'legend-hint' }, 'drag to zoom'));
  }
}
