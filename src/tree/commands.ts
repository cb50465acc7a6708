/** The requests view's commands: title-bar actions (filter, failures only, grouping, sort), request actions, reveal. */
import * as vscode from 'vscode';
import type { RegistryEngine } from '../logs/engineRegistry';
import type { RequestsTreeController } from './controller';
import { errorContext, filterError, filterProblem } from './filter';
import { GROUPINGS, SORTS } from './grouping';
import type { RequestNode, TreeNode } from './nodes';
import { OPEN_REQUEST_COMMAND, SHOW_MORE_COMMAND } from './provider';
import type { TimingDocuments } from './timing';

/** Registers every command of the view. */
export function registerTreeCommands<E extends RegistryEngine>(tree: RequestsTreeController<E>, timing: TimingDocuments, extensionUri: vscode.Uri): vscode.Disposable {
  const { state } = tree;
  const commands: [string, (...args: never[]) => unknown][] = [
    ['apigwLogs.requests.filter', (query?: string) => editFilter(tree, query)],
    ['apigwLogs.requests.editFilter', (query?: string) => editFilter(tree, query)],
    ['apigwLogs.requests.clearFilter', () => state.clear()],
    ['apigwLogs.requests.failuresOnly', () => state.setFailuresOnly(true)],
    ['apigwLogs.requests.showAll', () => state.setFailuresOnly(false)],
    ['apigwLogs.requests.groupBy', (id?: string) => pickGrouping(tree, id)],
    ['apigwLogs.requests.sortBy', (id?: string) => pickSort(tree, id)],
    ['apigwLogs.requests.refresh', () => refresh(tree)],
    ['apigwLogs.requests.showFile', (uri?: vscode.Uri) => showFile(tree, uri)],
    ['apigwLogs.requests.showFetched', () => tree.showFetched()],
    ['apigwLogs.requests.openSample', () => openSample(extensionUri)],
    [OPEN_REQUEST_COMMAND, (node: RequestNode) => tree.openRequest(node)],
    [SHOW_MORE_COMMAND, (node: TreeNode) => tree.provider.showMore(node)],
    ['apigwLogs.requests.copyRequestId', (node?: RequestNode) => copyRequestId(tree, node)],
    ['apigwLogs.requests.fetchRequestLog', (node?: RequestNode) => fetchLog(tree, node)],
    ['apigwLogs.requests.showTiming', (node?: RequestNode) => showTiming(tree, timing, node)],
    ['apigwLogs.revealRequest', (requestId?: string) => revealRequest(tree, requestId)],
  ];
  return vscode.Disposable.from(...commands.map(([id, run]) => vscode.commands.registerCommand(id, run)));
}

/** The request a context-menu command acts on: its argument, else the tree's selection. */
function targetOf<E extends RegistryEngine>(tree: RequestsTreeController<E>, node: RequestNode | undefined): RequestNode | undefined {
  if (node?.kind === 'request') return node;
  const selected = tree.view.selection.find((n): n is RequestNode => n.kind === 'request');
  return selected;
}

/** Asks for the filter; a query given as argument (scripts, tests) is applied directly, or rejected with its error. */
async function editFilter<E extends RegistryEngine>(tree: RequestsTreeController<E>, given?: string): Promise<void> {
  if (typeof given === 'string') {
    const error = filterError(given);
    if (error) throw new Error(`Invalid filter: ${error}`);
    tree.state.setQuery(given);
    return;
  }
  const query = await vscode.window.showInputBox({
    title: 'Filter Requests',
    prompt: 'Log Service search syntax: status:5*, api:Get* and latency > 500, not errorCode:OK, "timeout"…',
    placeHolder: 'statusCode in [500 599] or totalLatency > 1000',
    value: tree.state.query,
    validateInput: (text) => {
      const problem = filterProblem(text);
      return problem && { message: `${problem.message}, ${errorContext(text, problem.position)}`, severity: vscode.InputBoxValidationSeverity.Error };
    },
  });
  if (query !== undefined) tree.state.setQuery(query);
}

async function pickGrouping<E extends RegistryEngine>(tree: RequestsTreeController<E>, given?: string): Promise<void> {
  const known = GROUPINGS.find((g) => g.id === given);
  if (known) return tree.state.setGrouping(known.id);
  const current = tree.state.grouping.id;
  const items = GROUPINGS.map((g) => ({ label: g.label, id: g.id, description: g.id === current ? '(current)' : undefined, picked: g.id === current }));
  const choice = await vscode.window.showQuickPick(items, { title: 'Group Requests By' });
  if (choice) await tree.state.setGrouping(choice.id);
}

async function pickSort<E extends RegistryEngine>(tree: RequestsTreeController<E>, given?: string): Promise<void> {
  const known = SORTS.find((s) => s.id === given);
  if (known) return tree.state.setSort(known.id);
  const current = tree.state.sort;
  const items = SORTS.map((s) => ({ label: s.label, detail: s.detail, id: s.id, description: s.id === current ? '(current)' : undefined }));
  const choice = await vscode.window.showQuickPick(items, { title: 'Sort Groups By' });
  if (choice) await tree.state.setSort(choice.id);
}

async function refresh<E extends RegistryEngine>(tree: RequestsTreeController<E>): Promise<void> {
  const source = tree.session.source;
  if (source) await tree.deps.registry.refresh(source.file);
  tree.provider.refresh();
}

async function showFile<E extends RegistryEngine>(tree: RequestsTreeController<E>, uri: vscode.Uri | undefined): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : (await vscode.window.showOpenDialog({
    title: 'Show Requests of File', canSelectMany: false, openLabel: 'Show Requests',
    filters: { 'Access logs': ['log', 'jsonl', 'json', 'csv', 'tsv', 'gz'], 'All files': ['*'] },
  }))?.[0];
  if (!target) return;
  if (target.scheme !== 'file') {
    void vscode.window.showErrorMessage('The requests tree reads files on disk only.');
    return;
  }
  await tree.showFile(target.fsPath);
  await vscode.commands.executeCommand('apigwLogs.requests.focus');
}

async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const sample = vscode.Uri.joinPath(extensionUri, 'media', 'tree', 'sample.apigw.log');
  try {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample));
  } catch {
    void vscode.window.showErrorMessage('The sample log is not installed with this copy of the extension.');
  }
}

async function copyRequestId<E extends RegistryEngine>(tree: RequestsTreeController<E>, node: RequestNode | undefined): Promise<void> {
  const id = targetOf(tree, node)?.request.requestId;
  if (!id) return;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(`Copied request ID ${id.slice(0, 64)}`, 3000);
}

async function fetchLog<E extends RegistryEngine>(tree: RequestsTreeController<E>, node: RequestNode | undefined): Promise<void> {
  const id = targetOf(tree, node)?.request.requestId;
  if (id) await vscode.commands.executeCommand('apigwLogs.fetchRequestLog', id);
}

async function showTiming<E extends RegistryEngine>(tree: RequestsTreeController<E>, timing: TimingDocuments, node: RequestNode | undefined): Promise<void> {
  const target = targetOf(tree, node);
  const backend = tree.session.backend;
  if (!target || !backend) return;
  await timing.show(target.request, await backend.record(target.request.row));
}

async function revealRequest<E extends RegistryEngine>(tree: RequestsTreeController<E>, requestId: string | undefined): Promise<unknown> {
  const id = typeof requestId === 'string' ? requestId : await vscode.window.showInputBox({ title: 'Reveal Request', prompt: 'Request ID' });
  if (!id?.trim()) return undefined;
  return tree.revealRequest(id);
}
