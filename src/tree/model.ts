/**
 * The requests tree as data, for one log, one grouping and one filter: groups from the engine (asked
 * once, computed in its worker), requests of last-level groups fetched a page at a time, "show more"
 * nodes, and requests pinned into view when revealed. Pure (no 'vscode'); the provider renders it.
 */
import type { DictColumn } from '../core/fields/ids';
import type { GroupData, GroupStep, GroupsRequest, TreeBackend } from './backend';
import type { RequestFigures } from './labels';
import {
  GROUP_PAGE_SIZE, PAGE_SIZE, groupNodeId, moreNodeId, requestNodeId,
  type GroupNode, type MoreNode, type RequestNode, type TreeNode,
} from './nodes';

interface RequestPages {
  rows: RequestFigures[];
  total: number;
  loading: Promise<void> | undefined;
}

/** The tree of one log under one grouping and filter. A new filter or grouping makes a new model. */
export class RequestsTreeModel {
  private groups: Promise<readonly GroupData[]> | undefined;
  private readonly nodes = new Map<string, GroupNode>();
  private readonly pages = new Map<string, RequestPages>();
  private readonly groupsShown = new Map<string, number>();
  private readonly pinned = new Map<string, RequestFigures>();

  constructor(private readonly backend: TreeBackend, readonly scope: string, readonly request: GroupsRequest) {}

  /** The top-level groups (asks the engine once per model). */
  async topLevel(): Promise<readonly TreeNode[]> {
    this.groups ??= this.backend.groups(this.request);
    return this.groupList(await this.groups, undefined);
  }

  /** Children of a node (the top level for undefined). */
  async children(node: TreeNode | undefined): Promise<readonly TreeNode[]> {
    if (node === undefined) return this.topLevel();
    if (node.kind !== 'group') return [];
    if (node.group.children) return this.groupList(node.group.children, node);
    return this.requestList(node);
  }

  /** The parent of a node, as the tree view's getParent wants it. */
  parent(node: TreeNode): GroupNode | undefined {
    return node.kind === 'info' ? undefined : node.parent;
  }

  /** Shows the next page behind a "show more" node; resolves once it is loaded. */
  async showMore(node: MoreNode): Promise<void> {
    const key = node.parent?.id ?? this.scope;
    const group = node.parent?.group;
    if (group && !group.children) {
      await this.loadRequests(node.parent!, node.shown + PAGE_SIZE);
      return;
    }
    this.groupsShown.set(key, node.shown + PAGE_SIZE);
  }

  /** Total requests in the tree (sum of the top-level counts). */
  async total(): Promise<number> {
    this.groups ??= this.backend.groups(this.request);
    return (await this.groups).reduce((sum, g) => sum + g.count, 0);
  }

  /**
   * The node of a request, following the request's own values down the groups; pins it into its group
   * when it is not in the loaded pages. Undefined when the filter hides it or a value is unknown.
   */
  async locate(request: RequestFigures): Promise<RequestNode | undefined> {
    let list = await (this.groups ??= this.backend.groups(this.request));
    let parent: GroupNode | undefined;
    for (const column of this.request.keys) {
      const value = valueOf(request, column);
      const group = value === undefined ? undefined : list.find((g) => g.value === value);
      if (!group) return undefined;
      parent = this.groupNode(group, parent);
      list = group.children ?? [];
    }
    if (!parent) return undefined;
    const pages = await this.loadRequests(parent, PAGE_SIZE);
    const pinned = !pages.rows.some((r) => r.row === request.row);
    if (pinned) this.pinned.set(parent.id, request);
    return { kind: 'request', id: requestNodeId(parent, request.row, pinned), request, parent, pinned };
  }

  private groupList(groups: readonly GroupData[], parent: GroupNode | undefined): TreeNode[] {
    const key = parent?.id ?? this.scope;
    const shown = Math.min(groups.length, this.groupsShown.get(key) ?? GROUP_PAGE_SIZE);
    const nodes: TreeNode[] = groups.slice(0, shown).map((g) => this.groupNode(g, parent));
    if (shown < groups.length) nodes.push(this.moreNode(parent, shown, groups.length));
    return nodes;
  }

  private groupNode(group: GroupData, parent: GroupNode | undefined): GroupNode {
    const path: GroupStep[] = [...(parent?.path ?? []), { column: group.column, value: group.value }];
    const id = groupNodeId(this.scope, path);
    let node = this.nodes.get(id);
    if (!node) {
      node = { kind: 'group', id, path, group, parent };
      this.nodes.set(id, node);
    }
    return node;
  }

  private moreNode(parent: GroupNode | undefined, shown: number, total: number): MoreNode {
    return { kind: 'more', id: moreNodeId(this.scope, parent), parent, shown, total };
  }

  private async requestList(node: GroupNode): Promise<TreeNode[]> {
    const pages = await this.loadRequests(node, PAGE_SIZE);
    const pin = this.pinned.get(node.id);
    const nodes: TreeNode[] = [];
    if (pin && !pages.rows.some((r) => r.row === pin.row)) nodes.push(this.requestNode(node, pin, true));
    for (const row of pages.rows) nodes.push(this.requestNode(node, row, false));
    if (pages.rows.length < pages.total) nodes.push(this.moreNode(node, pages.rows.length, pages.total));
    return nodes;
  }

  private requestNode(parent: GroupNode, request: RequestFigures, pinned: boolean): RequestNode {
    return { kind: 'request', id: requestNodeId(parent, request.row, pinned), request, parent, pinned };
  }

  /** Loads the group's requests up to `wanted` rows (one engine call per missing page range). */
  private async loadRequests(node: GroupNode, wanted: number): Promise<RequestPages> {
    let pages = this.pages.get(node.id);
    if (!pages) {
      pages = { rows: [], total: node.group.count, loading: undefined };
      this.pages.set(node.id, pages);
    }
    while (pages.loading) await pages.loading;
    const target = Math.min(wanted, pages.total);
    if (pages.rows.length >= target) return pages;
    const offset = pages.rows.length;
    const current = pages;
    current.loading = this.backend
      .requests({ query: this.request.query, failuresOnly: this.request.failuresOnly, path: node.path, offset, limit: target - offset })
      .then((page) => {
        current.rows.push(...page.rows);
        current.total = page.total;
      })
      .finally(() => (current.loading = undefined));
    await current.loading;
    return current;
  }
}

/** The value a request has in a grouping column, as the groups hold it ('' = missing); undefined when not known. */
export function valueOf(request: RequestFigures, column: DictColumn): string | undefined {
  const value = (request as unknown as Record<string, unknown>)[column];
  if (value === undefined || value === null) return column in request ? '' : undefined;
  return String(value);
}
