/**
 * The requests tree's view state: grouping and sort (kept in workspaceState, so a workspace reopens
 * the way it was left), filter and failures-only (for the session). Announces every change.
 */
import * as vscode from 'vscode';
import type { GroupSort } from '../core/stats/groupRows';
import { groupingById, sortById, type Grouping, type GroupingId } from './grouping';

const GROUPING_KEY = 'apigwLogs.requests.grouping';
const SORT_KEY = 'apigwLogs.requests.sort';

/** The state and its change event. */
export class TreeViewState implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  /** Fires after any part of the state changed. */
  readonly onDidChange = this._onDidChange.event;
  private _query = '';
  private _failuresOnly = false;

  constructor(private readonly memento: vscode.Memento) {}

  /** The grouping order in force. */
  get grouping(): Grouping {
    return groupingById(this.memento.get(GROUPING_KEY));
  }

  /** The sort of sibling groups. */
  get sort(): GroupSort {
    return sortById(this.memento.get(SORT_KEY));
  }

  /** The filter query ('' = none). */
  get query(): string {
    return this._query;
  }

  /** True when only failed requests are shown. */
  get failuresOnly(): boolean {
    return this._failuresOnly;
  }

  /** Sets the grouping order (persisted). */
  async setGrouping(id: GroupingId): Promise<void> {
    await this.memento.update(GROUPING_KEY, id);
    this._onDidChange.fire();
  }

  /** Sets the sort (persisted). */
  async setSort(sort: GroupSort): Promise<void> {
    await this.memento.update(SORT_KEY, sort);
    this._onDidChange.fire();
  }

  /** Sets the filter query. */
  setQuery(query: string): void {
    this._query = query.trim();
    this._onDidChange.fire();
  }

  /** Shows only failures, or everything. */
  setFailuresOnly(on: boolean): void {
    this._failuresOnly = on;
    this._onDidChange.fire();
  }

  /** Drops the filter and the failures-only toggle. */
  clear(): void {
    this._query = '';
    this._failuresOnly = false;
    this._onDidChange.fire();
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}
