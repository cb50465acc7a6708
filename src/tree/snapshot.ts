/** The tree as plain data for integration tests: what the view shows (labels, descriptions, icons) down to a depth. */
import type * as vscode from 'vscode';
import type { TreeNode } from './nodes';

/** One node as the view shows it. */
export interface TreeNodeSnapshot {
  readonly kind: TreeNode['kind'];
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Codicon id and theme colour id of the icon. */
  readonly icon?: string;
  readonly color?: string;
  /** For groups: the grouping column, its value and figures. */
  readonly column?: string;
  readonly value?: string;
  readonly count?: number;
  readonly failures?: number;
  readonly p95?: number;
  /** For requests: the request ID and the record's 1-based line and index row. */
  readonly requestId?: string;
  readonly line?: number;
  readonly row?: number;
  /** Loaded children, when within the depth asked for. */
  readonly children?: readonly TreeNodeSnapshot[];
}

/** What the snapshot reads the tree through (the provider). */
export interface SnapshotSource {
  getChildren(node?: TreeNode): Thenable<TreeNode[]> | TreeNode[];
  getTreeItem(node: TreeNode): vscode.TreeItem;
}

/** The nodes under `node` (the top level for undefined) down to `depth` levels (1 = these nodes only). */
export async function snapshotTree(source: SnapshotSource, depth: number, node?: TreeNode): Promise<TreeNodeSnapshot[]> {
  const children = await source.getChildren(node);
  return Promise.all(children.map(async (child) => {
    const snap = snapshotNode(child, source.getTreeItem(child));
    if (depth <= 1 || child.kind !== 'group') return snap;
    return { ...snap, children: await snapshotTree(source, depth - 1, child) };
  }));
}

function snapshotNode(node: TreeNode, item: vscode.TreeItem): TreeNodeSnapshot {
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  const icon = item.iconPath as { id?: string; color?: { id?: string } } | undefined;
  const base = { kind: node.kind, id: node.id, label, description: typeof item.description === 'string' ? item.description : '', icon: icon?.id, color: icon?.color?.id };
  if (node.kind === 'group') {
    const { column, value, count, failures, p95 } = node.group;
    return { ...base, column, value, count, failures, p95 };
  }
  if (node.kind === 'request') return { ...base, requestId: node.request.requestId, line: node.request.line, row: node.request.row };
  return base;
}
