/** Connects the toolbar's controls to the app. */
import type { ExplorerApp } from './app';
import { openColumnChooser, openProblems } from './popups';
import { setPressed } from './toolbar';

/** Wires every toolbar control of `app`. */
export function wireToolbar(app: ExplorerApp): void {
  const t = app.toolbar;
  const refreshToggles = (): void => {
    setPressed(t.utc, app.state.utc);
    setPressed(t.facets, app.state.showFacets);
    setPressed(t.follow, app.following);
  };
  refreshToggles();
  t.range.addEventListener('change', () => {
    app.state.rangePreset = t.range.value;
    app.state.range = undefined;
    app.persist();
    void app.run();
  });
  t.utc.addEventListener('click', () => {
    app.state.utc = !app.state.utc;
    app.applyState();
    refreshToggles();
    app.persist();
    app.table.setColumns(app.visibleColumns(), app.state.widths);
    app.histogram.redraw();
    app.dashboard.redraw();
  });
  t.facets.addEventListener('click', () => {
    app.state.showFacets = !app.state.showFacets;
    app.applyState();
    refreshToggles();
    app.persist();
    if (app.state.showFacets) void app.run(true);
  });
  t.columns.addEventListener('click', () => openColumnChooser(t.columns, app.options.columns, app.state.columns, (ids) => {
    app.state.columns = ids;
    app.persist();
    app.table.setColumns(app.visibleColumns(), app.state.widths);
  }));
  t.follow.addEventListener('click', () => {
    void app.rpc.call('setFollow', { on: !app.following }).then((r) => {
      app.following = r.following;
      if (r.following && app.cache.total > 0) app.table.select(app.cache.total - 1, false);
      refreshToggles();
    });
  });
  const exportAs = (format: 'jsonl' | 'csv'): void => {
    void app.rpc.call('export', { filter: app.filter(), sort: app.state.sort, format, columns: app.state.columns });
  };
  t.exportJson.addEventListener('click', () => exportAs('jsonl'));
  t.exportCsv.addEventListener('click', () => exportAs('csv'));
  const showTab = (tab: 'table' | 'dashboard'): void => {
    app.state.tab = tab;
    app.applyState();
    app.persist();
    if (tab === 'dashboard') void app.loadDashboard();
  };
  t.tabTable.addEventListener('click', () => showTab('table'));
  t.tabDashboard.addEventListener('click', () => showTab('dashboard'));
  app.status.problemsButton.addEventListener('click', () => openProblems(app.status.problemsButton, app.summary));
  document.addEventListener('keydown', (e) => onGlobalKey(app, e));
  new MutationObserver(() => {
    app.histogram.redraw();
    app.dashboard.redraw();
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/** Keys that work anywhere but in a text field: `/` focuses the query, Escape closes the detail. */
function onGlobalKey(app: ExplorerApp, e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  const typing = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
  if (e.key === '/' && !typing) {
    e.preventDefault();
    app.queryBar.input.focus();
  } else if (e.key === 'Escape' && !typing && !app.detail.element.hidden) {
    e.preventDefault();
    app.detail.hide();
    app.state.selectedRow = undefined;
    app.persist();
    app.table.element.focus();
  }
}
