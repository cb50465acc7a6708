/** The language features' commands: treat a file as an access log, and go to a request in the current log. */
import * as vscode from 'vscode';
import { isRequestId } from '../core/decode/requestId';
import type { LogTextCache } from './docCache';
import { LANGUAGE_ID } from './settings';

/** `apigwLogs.setLanguage`: the given file (explorer menu) or the active editor's document becomes an access log. */
async function setLanguage(uri?: vscode.Uri): Promise<void> {
  const document = uri instanceof vscode.Uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a file first, then treat it as an API Gateway access log.');
    return;
  }
  await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
}

/** `apigwLogs.goToRequest`: selects the record of a request ID in the active access-log editor. */
function goToRequest(cache: LogTextCache, requestId: unknown): boolean {
  const editor = vscode.window.activeTextEditor;
  if (typeof requestId !== 'string' || !isRequestId(requestId) || !editor || editor.document.languageId !== LANGUAGE_ID) return false;
  const record = cache.get(editor.document).findRequest(requestId);
  if (!record) {
    void vscode.window.showInformationMessage(`Request ${requestId.toUpperCase()} is not in this file.`);
    return false;
  }
  const start = editor.document.positionAt(record.start);
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(new vscode.Range(start, editor.document.positionAt(record.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** Registers the commands; the Disposable unregisters them. */
export function registerLanguageCommands(cache: LogTextCache): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('apigwLogs.setLanguage', setLanguage),
    vscode.commands.registerCommand('apigwLogs.goToRequest', (id: unknown) => goToRequest(cache, id)),
  );
}
