/**
 * The requests tree's data provider: renders the current model (groups → requests) as TreeItems and
 * shows indexing progress, errors and empty results as single-line nodes. A new model is made when
 * the log, its data, the grouping, the sort or the filter change; groups come from the engine's worker.
 */
import * as vscode from 'vscode';
import type { TreeBackend } from './backend';
import { groupIcon, requestIcon, type IconSpec } from './icons';
import { countText, groupDescription, groupLabel, groupTooltip, requestDescription, requestLabel, requestTooltip } from './labels';
import { RequestsTreeModel } from './model';
import { moreDescription, moreLabel, type GroupNode, type InfoNode, type MoreNode, type RequestNode, type TreeNode } from './nodes';
import type { CurrentLog } from './session';
import type { TreeViewState } from './viewState';

/** Command run when a request node is clicked. */
export const OPEN_REQUEST_COMMAND = 'apigwLogs.requests.openRequest';
/** Command run when a "show more" node is clicked. */
export const SHOW_MORE_COMMAND = 'apigwLogs.requests.showMore';

/** The provider. */
export class RequestsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<TreeNode | undefined>();
  /** Fires when nodes changed (undefined: everything). */
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private model: RequestsTreeModel | undefined;
  private modelKey = '';
  private dataGeneration = 0;
  private progressTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private readonly _onDidShowTotal = new vscode.EventEmitter<number>();
  /** Fires with the number of requests in the tree each time its top level is rendered. */
  readonly onDidShowTotal = this._onDidShowTotal.event;

  constructor(private readonly session: CurrentLog, private readonly state: TreeViewState) {
    this.subscriptions = [
      session.onDidChange((reason) => {
        if (reason === 'progress') return this.refreshProgress();
        this.dataGeneration++;
        this.refresh();
      }),
      state.onDidChange(() => this.refresh()),
    ];
  }

  /** Renders the progress line again, at most four times a second. */
  private refreshProgress(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      this.refresh();
    }, 250);
  }

  /** Renders everything again (a new model is made if anything it depends on changed). */
  refresh(node?: TreeNode): void {
    this._onDidChangeTreeData.fire(node);
  }

  /** The model for the current log and state, made anew when one of them changed; undefined while there is none. */
  currentModel(): RequestsTreeModel | undefined {
    const backend = this.readyBackend();
    const source = this.session.source;
    if (!backend || !source) return undefined;
    const { grouping, sort, query, failuresOnly } = this.state;
    const key = JSON.stringify([source.file, this.dataGeneration, grouping.id, sort, query, failuresOnly]);
    if (!this.model || key !== this.modelKey) {
      this.modelKey = key;
      this.model = new RequestsTreeModel(backend, `${source.kind}:${source.file}|${grouping.id}`, { keys: grouping.keys, sort, query, failuresOnly });
    }
    return this.model;
  }

  /** The backend when its index is complete. */
  private readyBackend(): TreeBackend | undefined {
    const backend = this.session.backend;
    if (!backend) return undefined;
    const s = backend.state();
    return s.complete && !s.error ? backend : undefined;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!this.session.source) return [];
    const model = this.currentModel();
    if (!model) return node ? [] : [this.statusNode()];
    try {
      const children = [...(await model.children(node))];
      if (!node) this._onDidShowTotal.fire(await model.total());
      if (!node && children.length === 0) return [this.emptyNode()];
      return children;
    } catch (e) {
      return [errorNode(e)];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.model?.parent(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': return groupItem(node);
      case 'request': return requestItem(node);
      case 'more': return moreItem(node);
      case 'info': return infoItem(node);
    }
  }

  /** Loads the next page behind a "show more" node and renders its list again. */
  async showMore(node: TreeNode): Promise<void> {
    if (node.kind !== 'more' || !this.model) return;
    await this.model.showMore(node);
    this.refresh(node.parent);
  }

  /** Opening, indexing (with progress) or failed. */
  private statusNode(): InfoNode {
    const source = this.session.source!;
    const error = this.session.error ?? this.session.backend?.state().error;
    if (error) return { kind: 'info', id: 'status', label: `Cannot read ${source.name}`, description: error, tooltip: error, icon: { id: 'error', color: 'errorForeground' } };
    const state = this.session.backend?.state();
    if (!state) return { kind: 'info', id: 'status', label: `Opening ${source.name}…`, icon: { id: 'loading~spin' } };
    const pct = state.totalBytes > 0 ? Math.min(100, Math.floor((100 * state.bytesRead) / state.totalBytes)) : 0;
    return { kind: 'info', id: 'status', label: `Indexing ${source.name}… ${pct}%`, description: `${countText(state.records)} requests so far`, icon: { id: 'loading~spin' } };
  }

  private emptyNode(): InfoNode {
    const filtered = this.state.query !== '' || this.state.failuresOnly;
    return filtered
      ? { kind: 'info', id: 'empty', label: 'No request matches the filter', icon: { id: 'filter' } }
      : { kind: 'info', id: 'empty', label: 'No requests in this log', icon: { id: 'info' } };
  }

  dispose(): void {
    clearTimeout(this.progressTimer);
    for (const s of this.subscriptions) s.dispose();
    this._onDidChangeTreeData.dispose();
    this._onDidShowTotal.dispose();
  }
}

function groupItem(node: GroupNode): vscode.TreeItem {
  const g = node.group;
  const item = new vscode.TreeItem(groupLabel(g.column, g.value), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = groupDescription(g);
  item.tooltip = groupTooltip(g);
  item.iconPath = themeIcon(groupIcon(g.column, g.value, g.failures, g.count));
  item.contextValue = 'apigwGroup';
  return item;
}

function requestItem(node: RequestNode): vscode.TreeItem {
  const r = node.request;
  const item = new vscode.TreeItem(requestLabel(r), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = requestDescription(r);
  item.tooltip = requestTooltip(r);
  item.iconPath = themeIcon(requestIcon(r.statusCode, r.errorCode));
  item.contextValue = r.requestId ? 'apigwRequest' : 'apigwRequestNoId';
  item.command = { command: OPEN_REQUEST_COMMAND, title: 'Show Request', arguments: [node] };
  return item;
}

function moreItem(node: MoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(moreLabel(node.shown, node.total), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = moreDescription(node.shown, node.total);
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: SHOW_MORE_COMMAND, title: 'Show More', arguments: [node] };
  return item;
}

function infoItem(node: InfoNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.iconPath = node.icon ? themeIcon(node.icon) : undefined;
  return item;
}

/** A ThemeIcon from an icon spec. */
export function themeIcon(spec: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(spec.id, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}

function errorNode(e: unknown): InfoNode {
  const queryError = (e as { queryError?: { message?: string; position?: number } } | undefined)?.queryError;
  const message = queryError ? `Filter: ${queryError.message ?? 'invalid'} (column ${(queryError.position ?? 0) + 1})` : e instanceof Error ? e.message : String(e);
  return { kind: 'info', id: 'error', label: message, tooltip: message, icon: { id: 'error', color: 'errorForeground' } };
}
