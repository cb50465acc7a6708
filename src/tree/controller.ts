/**
 * The requests view: follows the active log, keeps the view's title bar (description, context keys
 * for the toggles) in step with the filter, and reveals requests in the tree and in the editors.
 */
import * as vscode from 'vscode';
import type { EngineRegistry, RegistryEngine } from '../logs/engineRegistry';
import type { TreeBackend } from './backend';
import { FetchedLogsFile, type FetchedStore } from './fetchedFile';
import { viewDescription } from './filter';
import { countText, type RequestFigures } from './labels';
import { FETCHED_SCHEME, fileHasTab, fileSource, openLogFiles, sourceOfActiveTab, tabUri } from './logSource';
import type { RequestNode, TreeNode } from './nodes';
import { RequestsTreeProvider } from './provider';
import { revealFetched, revealInLog, type RevealedIn } from './reveal';
import { TreeSession } from './session';
import { snapshotTree, type TreeNodeSnapshot } from './snapshot';
import { TreeViewState } from './viewState';

/** The view's id. */
export const REQUESTS_VIEW_ID = 'apigwLogs.requests';

/** What the controller is built from. */
export interface TreeDeps<E extends RegistryEngine> {
  readonly registry: EngineRegistry<E>;
  backendOf(engine: E): TreeBackend;
  readonly fetched: FetchedStore;
  readonly storageDir: string;
  readonly memento: vscode.Memento;
}

/** Where a revealed request was found and shown. */
export interface RevealResult {
  readonly file: string | undefined;
  readonly node: RequestNode | undefined;
  readonly shownIn: RevealedIn;
}

/** The controller. */
export class RequestsTreeController<E extends RegistryEngine> implements vscode.Disposable {
  readonly state: TreeViewState;
  readonly session: TreeSession<E>;
  readonly provider: RequestsTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly fetchedFile: FetchedLogsFile;
  private readonly disposables: vscode.Disposable[] = [];
  private following: Promise<void> = Promise.resolve();
  private followTimer: NodeJS.Timeout | undefined;
  private settleFollow: (() => void) | undefined;
  private followRun: Promise<void> = Promise.resolve();
  private activeTabIdentity = '';
  private activeTabMoved = true;
  private indexingShown: TreeBackend | undefined;

  constructor(readonly deps: TreeDeps<E>) {
    this.state = new TreeViewState(deps.memento);
    this.session = new TreeSession<E>(deps);
    this.provider = new RequestsTreeProvider(this.session, this.state);
    this.fetchedFile = new FetchedLogsFile(deps.fetched, deps.storageDir);
    this.view = vscode.window.createTreeView(REQUESTS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(this.view, this.provider, this.session, this.state);
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs(() => this.onTabsChanged()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.onTabsChanged()),
      vscode.window.onDidChangeActiveTextEditor(() => this.onTabsChanged()),
      vscode.workspace.onDidOpenTextDocument(() => this.scheduleFollow()),
      deps.fetched.onDidFetch(() => void this.onFetched()),
      this.state.onDidChange(() => this.updateChrome()),
      this.session.onDidChange((reason) => reason !== 'progress' && this.updateChrome()),
      this.session.onDidChange(() => this.showIndexing()),
      this.provider.onDidShowTotal((shown) => this.showFilterMessage(shown)),
    );
    this.updateChrome();
    this.scheduleFollow(0);
  }

  /** Shows a file's requests, whatever the active editor (kept until another log becomes active). */
  async showFile(file: string): Promise<void> {
    await this.session.show(fileSource(file, true));
  }

  /** Shows every request log fetched in this session. */
  async showFetched(pinned = true): Promise<void> {
    await this.fetchedFile.write();
    await this.session.show({ kind: 'fetched', file: this.fetchedFile.file, name: 'Fetched request logs', pinned });
  }

  /** Settles once the tree follows the active editor (looked at now) and its log's index is ready (or failed). */
  async whenIdle(): Promise<void> {
    this.scheduleFollow(0);
    let seen: Promise<void> | undefined;
    while (seen !== this.following) {
      seen = this.following;
      await seen;
      await this.session.opening;
      await this.session.backend?.ready.catch(() => undefined);
    }
  }

  /** The tree as the view shows it, `depth` levels deep (2 = top-level groups and their children). */
  async snapshot(depth = 2): Promise<TreeNodeSnapshot[]> {
    await this.whenIdle();
    return snapshotTree(this.provider, depth);
  }

  /** Shows a request from the tree in its log's editor. */
  async openRequest(node: RequestNode, preserveFocus = true): Promise<RevealedIn> {
    return this.showInEditor(node.request, preserveFocus);
  }

  /** Finds a request by ID in the shown log, the other open logs, then the fetched ones; reveals it in the tree and its editor. */
  async revealRequest(requestId: string): Promise<RevealResult> {
    await this.whenIdle();
    const found = await this.findAnywhere(requestId.trim());
    if (!found) {
      const fetch = 'Fetch Its Log';
      void vscode.window.showInformationMessage(`Request ${requestId.slice(0, 64)} is not in any open access log.`, fetch).then((choice) => {
        if (choice === fetch) void vscode.commands.executeCommand('apigwLogs.fetchRequestLog', requestId);
      });
      return { file: undefined, node: undefined, shownIn: undefined };
    }
    const node = await this.revealInTree(found);
    const shownIn = await this.showInEditor(found, true);
    return { file: this.session.source?.file, node, shownIn };
  }

  /** Selects a request's node in the tree (pinning it into its group when needed). */
  async revealInTree(request: RequestFigures): Promise<RequestNode | undefined> {
    const model = this.provider.currentModel();
    const node = await model?.locate(request);
    if (!node) {
      if (this.state.query !== '' || this.state.failuresOnly) void this.offerClearFilter();
      return undefined;
    }
    if (node.pinned) this.provider.refresh(node.parent);
    const selected = this.selectionOf(node.id);
    await this.view.reveal(node, { select: true, focus: false, expand: true });
    if (this.view.selection.some((n) => n.id === node.id)) selected.cancel();
    await selected.promise;
    return node;
  }

  /** Settles when the view reports `id` selected (the renderer answers after reveal resolves), or after 2 s. */
  private selectionOf(id: string): { promise: Promise<void>; cancel: () => void } {
    let cancel!: () => void;
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(() => cancel(), 2000);
      const sub = this.view.onDidChangeSelection((e) => e.selection.some((n) => n.id === id) && cancel());
      cancel = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
    });
    return { promise, cancel };
  }

  private async offerClearFilter(): Promise<void> {
    const clear = 'Clear Filter';
    if ((await vscode.window.showInformationMessage('The request is hidden by the tree\'s filter.', clear)) === clear) this.state.clear();
  }

  private async showInEditor(request: RequestFigures, preserveFocus: boolean): Promise<RevealedIn> {
    const source = this.session.source;
    if (!source) return undefined;
    if (source.kind === 'fetched') {
      const uri = request.requestId ? this.fetchedFile.documentOf(request.requestId) : undefined;
      return uri ? revealFetched(uri, request.requestId!, preserveFocus) : undefined;
    }
    return revealInLog(source, request, preserveFocus);
  }

  /** The request in the shown log, else in another open log (which the tree then shows), else among the fetched ones. */
  private async findAnywhere(requestId: string): Promise<RequestFigures | undefined> {
    const inCurrent = await this.findIn(this.session.backend, requestId);
    if (inCurrent) return inCurrent;
    const others = new Set([...this.deps.registry.openFiles(), ...openLogFiles()]);
    others.delete(this.session.source?.file ?? '');
    others.delete(this.fetchedFile.file);
    for (const file of others) {
      if (!(await this.fileHolds(file, requestId))) continue;
      await this.session.show(fileSource(file, true));
      await this.whenIdle();
      return this.findIn(this.session.backend, requestId);
    }
    if (!this.fetchedFile.documentOf(requestId)) return undefined;
    await this.showFetched();
    await this.whenIdle();
    return this.findIn(this.session.backend, requestId);
  }

  /** True when the log file holds the request (opening its engine if needed; the registry keeps it a while). */
  private async fileHolds(file: string, requestId: string): Promise<boolean> {
    const lease = await this.deps.registry.acquire(file).catch(() => undefined);
    if (!lease) return false;
    try {
      return (await this.findIn(this.deps.backendOf(lease.engine), requestId)) !== undefined;
    } finally {
      lease.dispose();
    }
  }

  private async findIn(backend: TreeBackend | undefined, requestId: string): Promise<RequestFigures | undefined> {
    if (!backend) return undefined;
    await backend.ready.catch(() => undefined);
    return backend.findRequest(requestId).catch(() => undefined);
  }

  /** Notes whether the active tab is another one than before (a burst of events is followed once, later). */
  private onTabsChanged(): void {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const identity = `${tabUri(tab)?.toString() ?? ''}|${tab?.input instanceof vscode.TabInputCustom ? tab.input.viewType : ''}`;
    if (identity !== this.activeTabIdentity) this.activeTabMoved = true;
    this.activeTabIdentity = identity;
    this.scheduleFollow();
  }

  /** Follows the active tab after a short quiet time; `following` settles once that is done. */
  private scheduleFollow(delayMs = 50): void {
    clearTimeout(this.followTimer);
    if (!this.settleFollow) {
      const previous = this.following;
      this.following = new Promise<void>((resolve) => (this.settleFollow = resolve)).then(() => previous);
    }
    this.followTimer = setTimeout(() => {
      const settle = this.settleFollow!;
      this.settleFollow = undefined;
      this.followRun = this.followRun.then(() => this.follow()).catch((e: unknown) => console.error('apigwLogs: requests tree', e));
      void this.followRun.finally(settle);
    }, delayMs);
  }

  /**
   * Shows the active tab's log when the active tab changed to one; lets go of a log whose last tab
   * closed (unless it was chosen explicitly, which holds until another log becomes active).
   */
  private async follow(): Promise<void> {
    const changed = this.activeTabMoved;
    this.activeTabMoved = false;
    const active = await sourceOfActiveTab();
    if (active && (changed || !this.session.source)) return active === 'fetched' ? this.showFetched(false) : this.session.show(active);
    const current = this.session.source;
    if (!current || current.pinned) return;
    const open = current.kind === 'fetched' ? hasFetchedTab() : fileHasTab(current.file);
    if (!open) await this.session.show(undefined);
  }

  private async onFetched(): Promise<void> {
    if (this.session.source?.kind !== 'fetched') return;
    await this.fetchedFile.write();
    await this.deps.registry.refresh(this.fetchedFile.file);
  }

  /** View description and the context keys the title-bar commands are shown by. */
  private updateChrome(): void {
    const { query, failuresOnly } = this.state;
    this.view.description = viewDescription(this.session.source?.name, query, failuresOnly) || undefined;
    this.view.message = query === '' && !failuresOnly ? undefined : viewDescription(undefined, query, failuresOnly);
    void vscode.commands.executeCommand('setContext', 'apigwLogs.requests.failuresOnly', failuresOnly);
    void vscode.commands.executeCommand('setContext', 'apigwLogs.requests.filtered', query !== '');
    void vscode.commands.executeCommand('setContext', 'apigwLogs.requests.hasLog', this.session.source !== undefined);
  }

  /** The view's progress bar while the shown log is being indexed. */
  private showIndexing(): void {
    const backend = this.session.backend;
    if (!backend || backend === this.indexingShown || backend.state().complete) return;
    this.indexingShown = backend;
    void vscode.window.withProgress({ location: { viewId: REQUESTS_VIEW_ID } }, () => backend.ready.catch(() => undefined));
  }

  /** A line above the tree while a filter is on: how many requests it keeps (the title bar may be too narrow for the description). */
  private showFilterMessage(shown: number): void {
    const { query, failuresOnly } = this.state;
    const all = this.session.backend?.state().records;
    if (query === '' && !failuresOnly) {
      this.view.message = undefined;
      return;
    }
    const of = all !== undefined ? ` of ${countText(all)}` : '';
    this.view.message = `${countText(shown)}${of} requests · ${viewDescription(undefined, query, failuresOnly)}`;
  }

  dispose(): void {
    clearTimeout(this.followTimer);
    this.settleFollow?.();
    for (const d of this.disposables) d.dispose();
  }
}

function hasFetchedTab(): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === FETCHED_SCHEME));
}
