/** Registers the log explorer: the custom editor, its commands, and the reveal entry point. */
import * as vscode from 'vscode';
import { EXPLORER_OPTION_VIEW_TYPE, EXPLORER_VIEW_TYPE, ExplorerProvider, viewTypeFor } from './explorerProvider';
import { revealInExplorer, type RevealTarget } from './reveal';

/** Registers the custom editor `apigwLogs.explorer` and the commands that open it. */
export function registerExplorer(context: vscode.ExtensionContext): vscode.Disposable {
  const provider = new ExplorerProvider(context);
  const options = { supportsMultipleEditorsPerDocument: true, webviewOptions: { retainContextWhenHidden: false, enableFindWidget: false } };
  return vscode.Disposable.from(
    vscode.window.registerCustomEditorProvider(EXPLORER_VIEW_TYPE, provider, options),
    vscode.window.registerCustomEditorProvider(EXPLORER_OPTION_VIEW_TYPE, provider, options),
    vscode.commands.registerCommand('apigwLogs.openInExplorer', (uri?: vscode.Uri) => openInExplorer(uri)),
    vscode.commands.registerCommand('apigwLogs.revealInExplorer', (uri: vscode.Uri | string, target?: RevealTarget) =>
      revealInExplorer(provider, typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, target)),
  );
}

/** Opens `uri` (default: the active editor's file) in the explorer. */
async function openInExplorer(uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open an access log first, then open it in the log explorer.');
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', target, viewTypeFor(target));
}
