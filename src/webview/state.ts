/** The webview's state that survives hiding and reloads (kept with getState/setState, small and JSON-only). */
import type { SortSpec, TimeRange } from '../shared/protocol';

/** Which tab is showing. */
export type Tab = 'table' | 'dashboard';

/** Everything restored after a reload. */
export interface ViewState {
  query: string;
  range?: TimeRange;
  /** The preset the range came from ('' for a brushed or custom range). */
  rangePreset: string;
  sort?: SortSpec;
  columns: string[];
  widths: Record<string, number>;
  tab: Tab;
  selectedRow?: number;
  scrollTop: number;
  showFacets: boolean;
  utc: boolean;
  detailWidth: number;
}

/** The state of a webview opened for the first time. */
export function defaultState(columns: readonly string[]): ViewState {
  return {
    query: '', rangePreset: 'all', columns: [...columns], widths: {}, tab: 'table',
    scrollTop: 0, showFacets: true, utc: false, detailWidth: 420,
  };
}

/** Merges a stored state (possibly from an older version) over the defaults, dropping unknown columns. */
export function restoreState(stored: unknown, defaults: ViewState, known: readonly string[]): ViewState {
  if (typeof stored !== 'object' || stored === null) return defaults;
  const s = { ...defaults, ...(stored as Partial<ViewState>) };
  const columns = Array.isArray(s.columns) ? s.columns.filter((c) => known.includes(c)) : [];
  return { ...s, columns: columns.length > 0 ? columns : defaults.columns, tab: s.tab === 'dashboard' ? 'dashboard' : 'table' };
}
