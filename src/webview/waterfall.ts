/** The timing waterfall of one request, drawn as positioned bars (widths and offsets in percent). */
import type { Waterfall } from '../shared/protocol';
import { h, icon } from './dom';
import { formatMs } from './format';

/** Builds the waterfall element. */
export function renderWaterfall(w: Waterfall): HTMLElement {
  const rows = w.phases.map((p) => {
    const bar = h('div', { class: `wf-bar wf-${p.kind}`, title: `${p.label}: ${formatMs(p.ms)}` });
    bar.style.left = `${clampPct(p.startPct)}%`;
    bar.style.width = `${Math.max(0.4, clampPct(p.widthPct))}%`;
    return h('div', { class: 'wf-row', role: 'listitem' },
      h('span', { class: 'wf-label' }, p.label),
      h('span', { class: 'wf-track' }, bar),
      h('span', { class: 'wf-ms' }, formatMs(p.ms)));
  });
  const legend = h('div', { class: 'wf-legend' },
    ...(['client', 'gateway', 'backend'] as const).map((k) => h('span', { class: 'wf-key' }, h('span', { class: `wf-swatch wf-${k}` }), k)));
  const warnings = w.warnings.map((text) => h('div', { class: 'wf-warning' }, icon('warning'), ' ', text));
  return h('div', { class: 'waterfall', 'data-phases': w.phases.length },
    h('div', { class: 'wf-head' }, h('span', {}, 'Timing'), h('span', { class: 'wf-total' }, `total ${formatMs(w.totalMs)}`)),
    h('div', { class: 'wf-rows', role: 'list' }, ...rows), legend, ...warnings);
}

function clampPct(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : 0;
}
