/** apigwLogs.revealInExplorer: opens a file in the explorer and selects one request (by row or request ID). */
import * as vscode from 'vscode';
import { viewTypeFor, type ExplorerPanel, type ExplorerProvider } from './explorerProvider';

/** The request to select: an index row, a request ID, or an object holding either. */
export type RevealTarget = number | string | { row?: number; requestId?: string };

/** Opens `uri` in the explorer and selects the target request; resolves with the row selected, if any. */
export async function revealInExplorer(provider: ExplorerProvider, uri: vscode.Uri, target?: RevealTarget): Promise<number | undefined> {
  const existing = provider.panelsFor(uri).at(-1);
  const opened = existing ? Promise.resolve(existing) : waitForPanel(provider, uri);
  await vscode.commands.executeCommand('vscode.openWith', uri, viewTypeFor(uri));
  const panel = await opened;
  panel.panel.reveal(undefined, false);
  const row = await resolveRow(panel, target);
  if (row !== undefined) panel.post({ type: 'reveal', row });
  return row;
}

function waitForPanel(provider: ExplorerProvider, uri: vscode.Uri): Promise<ExplorerPanel> {
  return new Promise((resolve) => {
    const sub = provider.onDidOpen((p) => {
      if (p.document.uri.toString() !== uri.toString()) return;
      sub.dispose();
      resolve(p);
    });
  });
}

async function resolveRow(panel: ExplorerPanel, target: RevealTarget | undefined): Promise<number | undefined> {
  if (target === undefined) return undefined;
  if (typeof target === 'number') return target;
  const requestId = typeof target === 'string' ? target : target.requestId;
  if (typeof target === 'object' && typeof target.row === 'number') return target.row;
  if (!requestId) return undefined;
  const document = panel.document;
  let [found] = await document.engine.findRequestId(requestId);
  if (!found) {
    await document.ready.catch(() => undefined);
    [found] = await document.engine.findRequestId(requestId);
  }
  if (!found) void vscode.window.showInformationMessage(`Request ${requestId} is not in ${document.summary().fileName}.`);
  return found?.row;
}
