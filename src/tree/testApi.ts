/** A small API over the requests tree for integration tests (exported by the extension as `requestsTree`). */
import type * as vscode from 'vscode';
import type { RegistryEngine } from '../logs/engineRegistry';
import type { RequestsTreeController, RevealResult } from './controller';
import type { RequestNode, TreeNode } from './nodes';
import type { RevealedIn } from './reveal';
import { snapshotTree, type TreeNodeSnapshot } from './snapshot';

export type { TreeNodeSnapshot } from './snapshot';

/** The test API. */
export interface RequestsTreeTestApi {
  /** Labels of the top-level nodes now, without waiting for indexing (e.g. "Indexing x… 45%"). */
  rootLabels(): Promise<string[]>;
  /** The tree as shown, `depth` levels deep (default 2), once the active log is indexed. */
  getTreeSnapshot(depth?: number): Promise<TreeNodeSnapshot[]>;
  /** Settles once the tree follows the active editor and its log's index is ready. */
  whenIdle(): Promise<void>;
  /** The log shown: its file and kind, or undefined (the welcome view shows). */
  currentLog(): { file: string; kind: 'file' | 'fetched' } | undefined;
  /** The view's description (log name and filter). */
  viewDescription(): string | undefined;
  /** The message above the tree (shown while a filter is on). */
  viewMessage(): string | undefined;
  /** Ids of the selected nodes. */
  selection(): string[];
  /** Shows the request of a snapshot node id in its log's editor, as a click on it does. */
  openRequest(nodeId: string): Promise<RevealedIn>;
  /** The children of one node (by snapshot id), as the view shows them when it is expanded. */
  children(nodeId: string): Promise<TreeNodeSnapshot[]>;
  /** Runs "show more" on a snapshot node id. */
  showMore(nodeId: string): Promise<void>;
  /** Fires after the tree rendered again (new log, data, filter or grouping). */
  readonly onDidRefresh: vscode.Event<unknown>;
  /** Reveals a request ID like apigwLogs.revealRequest, answering where it was shown (without the node). */
  revealRequest(requestId: string): Promise<{ file: string | undefined; nodeId: string | undefined; shownIn: RevealedIn }>;
}

/** The API over a controller. */
export function createTestApi<E extends RegistryEngine>(tree: RequestsTreeController<E>): RequestsTreeTestApi {
  const findNode = async (id: string): Promise<TreeNode | undefined> => findById(tree, id, undefined, 4);
  return {
    rootLabels: async () => (await snapshotTree(tree.provider, 1)).map((n) => n.label),
    getTreeSnapshot: (depth) => tree.snapshot(depth),
    whenIdle: () => tree.whenIdle(),
    currentLog: () => {
      const source = tree.session.source;
      return source && { file: source.file, kind: source.kind };
    },
    viewDescription: () => tree.view.description,
    viewMessage: () => tree.view.message,
    selection: () => tree.view.selection.map((n) => n.id),
    openRequest: async (id) => {
      const node = await findNode(id);
      if (node?.kind !== 'request') throw new Error(`no request node ${id}`);
      return tree.openRequest(node as RequestNode);
    },
    children: async (id) => {
      const node = await findNode(id);
      if (!node) throw new Error(`no node ${id}`);
      return snapshotTree(tree.provider, 1, node);
    },
    showMore: async (id) => {
      const node = await findNode(id);
      if (node?.kind !== 'more') throw new Error(`no "show more" node ${id}`);
      await tree.provider.showMore(node);
    },
    onDidRefresh: tree.provider.onDidChangeTreeData,
    revealRequest: async (requestId) => toPlain(await tree.revealRequest(requestId)),
  };
}

function toPlain(result: RevealResult): { file: string | undefined; nodeId: string | undefined; shownIn: RevealedIn } {
  return { file: result.file, nodeId: result.node?.id, shownIn: result.shownIn };
}

/** Depth-first search of the loaded tree for a node id (groups whose id is not a prefix are skipped). */
async function findById<E extends RegistryEngine>(tree: RequestsTreeController<E>, id: string, node: TreeNode | undefined, depth: number): Promise<TreeNode | undefined> {
  if (depth === 0) return undefined;
  for (const child of await tree.provider.getChildren(node)) {
    if (child.id === id) return child;
    if (child.kind === 'group' && id.startsWith(child.id)) {
      const found = await findById(tree, id, child, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}
