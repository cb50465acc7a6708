/** uPlot charts in the editor's theme: stacked status-class bars (with brushing) and line charts. */
import uPlot from 'uplot';
import { STATUS_CLASSES, type StatusClass, type TimeRange, type TimelineBucket } from '../shared/protocol';
import { themeColor } from './dom';
import { decades, formatCompact, formatTime } from './format';

/** Theme colours of the status classes. */
export function statusColors(): Record<StatusClass, string> {
  return {
    '2xx': themeColor('--vscode-charts-green', '#388a34'),
    '3xx': themeColor('--vscode-charts-blue', '#1a85ff'),
    '4xx': themeColor('--vscode-charts-yellow', '#bf8803'),
    '5xx': themeColor('--vscode-charts-red', '#e51400'),
    other: themeColor('--vscode-descriptionForeground', '#888888'),
  };
}

/** Tick steps for count axes: whole numbers only, so small counts never show 0.5 rounded to a second "1". */
const COUNT_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 1e8, 1e9];

/** Axis styling that follows the theme; count axes (formatCompact) tick at whole numbers. */
function axes(yFormat: (v: number) => string): uPlot.Axis[] {
  const stroke = themeColor('--vscode-descriptionForeground', '#888');
  const grid = { stroke: themeColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.25)'), width: 1 };
  const font = `11px ${themeColor('--vscode-font-family', 'sans-serif')}`;
  return [
    { stroke, grid: { show: false }, ticks: { stroke: grid.stroke, width: 1 }, font },
    {
      stroke, grid, ticks: { show: false }, font, size: 48, values: (_u, vals) => vals.map((v) => yFormat(v)),
      ...(yFormat === formatCompact ? { incrs: COUNT_INCRS } : {}),
    },
  ];
}

/** Options shared by every chart. */
function baseOptions(width: number, height: number, yFormat: (v: number) => string): Pick<uPlot.Options, 'width' | 'height' | 'ms' | 'axes' | 'legend' | 'padding'> {
  return { width, height, ms: 1, axes: axes(yFormat), legend: { show: true, live: true }, padding: [8, 8, 0, 0] };
}

/** What a stacked-bars chart reports when the user drags across it. */
export type BrushHandler = (range: TimeRange) => void;

/** Stacked bars of requests per bucket, split by status class; dragging selects a time range. */
export function stackedBars(el: HTMLElement, buckets: readonly TimelineBucket[], height: number, onBrush?: BrushHandler, utc = false, legend = true): uPlot {
  const colors = statusColors();
  const xs = buckets.map((b) => b.start);
  const cumulative = STATUS_CLASSES.map((_, i) => buckets.map((b) => STATUS_CLASSES.slice(0, i + 1).reduce((s, c) => s + b.byClass[c], 0)));
  const order = STATUS_CLASSES.map((_, i) => i).reverse();
  const bars = uPlot.paths.bars!({ size: [0.9, 40], align: 1 });
  const series: uPlot.Series[] = [
    { label: 'time', value: (_u, v) => (v == null ? '' : formatTime(v, utc)) },
    ...order.map((i): uPlot.Series => ({
      label: STATUS_CLASSES[i], fill: colors[STATUS_CLASSES[i]], stroke: colors[STATUS_CLASSES[i]], width: 0, paths: bars, points: { show: false },
      value: (_u, _v, _s, idx) => (idx == null ? '' : formatCompact(buckets[idx]?.byClass[STATUS_CLASSES[i]] ?? 0)),
    })),
  ];
  const opts: uPlot.Options = {
    ...baseOptions(Math.max(100, el.clientWidth), height, formatCompact),
    legend: { show: legend, live: true },
    series,
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    cursor: { drag: { x: onBrush !== undefined, y: false, setScale: false }, points: { show: false } },
    hooks: onBrush ? { setSelect: [(u) => reportBrush(u, onBrush)] } : {},
  };
  return new uPlot(opts, [xs, ...order.map((i) => cumulative[i])] as uPlot.AlignedData, el);
}

function reportBrush(u: uPlot, onBrush: BrushHandler): void {
  const { left, width } = u.select;
  if (width < 3) return;
  const from = u.posToVal(left, 'x');
  const to = u.posToVal(left + width, 'x');
  u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  onBrush({ from: Math.floor(from), to: Math.ceil(to) });
}

/** One line of a line chart. */
export interface LineSeries {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly color: string;
}

/** The y scale of a line chart: linear from 0, or logarithmic (base 10) for heavy-tailed values such as latencies. */
function yScale(log: boolean): uPlot.Scale {
  if (!log) return { range: (_u, _min, max) => [0, Math.max(1e-9, max) * 1.05] };
  return { distr: 3, log: 10, range: (_u, min, max) => [Math.max(1, min), Math.max(10, max)] };
}

/** A line chart over time; with `log`, values below 1 are drawn at 1 (a log scale has no 0). */
export function lineChart(el: HTMLElement, xs: readonly number[], lines: readonly LineSeries[], height: number, yFormat: (v: number) => string, utc = false, log = false): uPlot {
  const base = baseOptions(Math.max(100, el.clientWidth), height, yFormat);
  if (log) base.axes![1] = { ...base.axes![1], splits: (_u, _i, min, max) => decades(min, max) };
  const opts: uPlot.Options = {
    ...base,
    series: [
      { label: 'time', value: (_u, v) => (v == null ? '' : formatTime(v, utc)) },
      ...lines.map((l): uPlot.Series => ({ label: l.label, stroke: l.color, width: 1.5, points: { show: false }, value: (_u, v) => (v == null ? '' : yFormat(v)) })),
    ],
    scales: { x: { time: true }, y: yScale(log) },
    cursor: { drag: { x: false, y: false }, points: { show: true } },
  };
  const ys = lines.map((l) => (log ? l.values.map((v) => (v === null ? null : Math.max(1, v))) : [...l.values]));
  return new uPlot(opts, [[...xs], ...ys] as uPlot.AlignedData, el);
}

/** Keeps a chart as wide as its container. */
export function fitWidth(chart: uPlot, el: HTMLElement): ResizeObserver {
  const ro = new ResizeObserver(() => {
    const w = Math.max(100, el.clientWidth);
    if (Math.abs(w - chart.width) > 1) chart.setSize({ width: w, height: chart.height });
  });
  ro.observe(el);
  return ro;
}
