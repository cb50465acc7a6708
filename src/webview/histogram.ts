/** The histogram strip above the table: volume over time stacked by status class, brushable. */
import type uPlot from 'uplot';
import type { TimeRange, TimelineBucket } from '../shared/protocol';
import { fitWidth, stackedBars } from './charts';
import { h } from './dom';

/** Height of the histogram plot in CSS pixels. */
const HEIGHT = 110;

/** The histogram widget. */
export class Histogram {
  readonly element = h('div', { class: 'histogram', role: 'img', 'aria-label': 'Requests over time by status class' });
  private chart: uPlot | undefined;
  private observer: ResizeObserver | undefined;
  private buckets: readonly TimelineBucket[] = [];
  utc = false;

  constructor(private readonly onBrush: (range: TimeRange) => void) {}

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
    this.element.replaceChildren();
    this.element.dataset.buckets = String(this.buckets.length);
    this.element.dataset.total = String(this.buckets.reduce((s, b) => s + Object.values(b.byClass).reduce((a, n) => a + n, 0), 0));
    if (this.buckets.length === 0) {
      this.element.append(h('div', { class: 'empty-chart' }, 'No requests in this range'));
      return;
    }
    this.chart = stackedBars(this.element, this.buckets, HEIGHT, this.onBrush, this.utc);
    this.observer = fitWidth(this.chart, this.element);
  }
}
