/**
 * Shows a request where its log is open: its line in the text editor (selected and centred), or its
 * row in the log explorer (apigwLogs.revealInExplorer). A log not open anywhere opens as text when
 * VS Code can (under 50 MB, not gzip), otherwise in the explorer. Fetched requests open their document.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RequestFigures } from './labels';
import { EXPLORER_VIEW_TYPES, tabShowsFile, type LogSource } from './logSource';

/** VS Code does not sync documents over 50 MB to extensions. */
const TEXT_LIMIT_BYTES = 50 * 1024 * 1024;

/** Where a request was shown. */
export type RevealedIn = 'text' | 'explorer' | 'fetched' | undefined;

/** Shows the request of a file log in the editor it is open in (or the best one to open). */
export async function revealInLog(source: LogSource, request: RequestFigures, preserveFocus = true): Promise<RevealedIn> {
  const uri = vscode.Uri.file(source.file);
  const where = openedIn(source.file) ?? (fitsTextEditor(source.file) ? 'text' : 'explorer');
  if (where === 'text') {
    try {
      await revealLine(uri, request.line, preserveFocus);
      return 'text';
    } catch {
      // Too large or not text after all: the explorer reads any size.
    }
  }
  await vscode.commands.executeCommand('apigwLogs.revealInExplorer', uri, request.row);
  return 'explorer';
}

/** Opens `uri` as text with the cursor at the start of 1-based `line`, centred. */
export async function revealLine(uri: vscode.Uri, line: number, preserveFocus = true): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const at = Math.max(0, Math.min(line - 1, document.lineCount - 1));
  const selection = new vscode.Selection(at, 0, at, 0);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus, preview: true, selection, viewColumn: columnOf(uri) });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/** Opens a fetched request's document with the cursor on the request ID. */
export async function revealFetched(uri: vscode.Uri, requestId: string, preserveFocus = true): Promise<RevealedIn> {
  const document = await vscode.workspace.openTextDocument(uri);
  const offset = document.getText().toUpperCase().indexOf(requestId.toUpperCase());
  const position = document.positionAt(Math.max(0, offset));
  const selection = new vscode.Selection(position, offset >= 0 ? position.translate(0, requestId.length) : position);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus, preview: true, selection });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
  return 'fetched';
}

/** How the file is open now: the active group's tab first, then any group's. */
function openedIn(file: string): 'text' | 'explorer' | undefined {
  const groups = [vscode.window.tabGroups.activeTabGroup, ...vscode.window.tabGroups.all];
  for (const group of groups) {
    const tab = group.tabs.find((t) => tabShowsFile(t, file));
    if (!tab) continue;
    if (tab.input instanceof vscode.TabInputCustom && EXPLORER_VIEW_TYPES.includes(tab.input.viewType)) return 'explorer';
    if (tab.input instanceof vscode.TabInputText) return 'text';
  }
  return undefined;
}

/** The column of a text tab already showing `uri`, so the editor there is reused. */
function columnOf(uri: vscode.Uri): vscode.ViewColumn | undefined {
  for (const group of vscode.window.tabGroups.all) {
    if (group.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString())) return group.viewColumn;
  }
  return undefined;
}

function fitsTextEditor(file: string): boolean {
  if (file.endsWith('.gz')) return false;
  try {
    return fs.statSync(file).size <= TEXT_LIMIT_BYTES;
  } catch {
    return false;
  }
}
