/** The editor-side services the message handler uses: clipboard, commands, dialogs, files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExportFormat, Filter, SortSpec } from '../shared/protocol';
import { exportRows } from './exporter';
import { combineFilter } from './filterQuery';
import type { LogDocument } from './logDocument';
import { engineSort, type HostServices } from './messageHandler';

/** HostServices for one explorer panel. */
export function makeHostServices(document: LogDocument): HostServices {
  return {
    copy: async (text, what) => {
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(`Copied: ${what}`, 4000);
    },
    fetchLog: async (requestId) => {
      await vscode.commands.executeCommand('apigwLogs.fetchRequestLog', requestId);
    },
    openSource: (line) => openSourceAt(document.uri, line),
    exportRows: (filter, sort, format, columns) => exportWithDialog(document, filter, sort, format, columns),
    setFollow: async (on) => document.setFollow(on),
  };
}

async function openSourceAt(uri: vscode.Uri, line: number): Promise<void> {
  if (/\.gz$/i.test(uri.path)) {
    void vscode.window.showInformationMessage(`This log is gzip-compressed: its text cannot be opened in the editor (the request is on line ${line} of the decompressed file).`);
    return;
  }
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  try {
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true, viewColumn: vscode.ViewColumn.Beside });
  } catch (e) {
    void vscode.window.showWarningMessage(`Could not open the file as text at line ${line}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

async function exportWithDialog(document: LogDocument, filter: Filter, sort: SortSpec | undefined, format: ExportFormat, columns: readonly string[]): Promise<{ written: number; path?: string }> {
  const base = path.basename(document.uri.fsPath).replace(/(\.apigw)?\.(log|jsonl?|csv)(\.gz)?$/i, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(path.join(path.dirname(document.uri.fsPath), `${base}-filtered.${format}`)),
    filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON lines': ['jsonl', 'json'] },
    title: 'Export filtered requests',
  });
  if (!target) return { written: 0 };
  const written = await exportToFile(document, target.fsPath, filter, sort, format, columns);
  void vscode.window.showInformationMessage(`Exported ${written.toLocaleString('en-US')} requests to ${path.basename(target.fsPath)}.`);
  return { written, path: target.fsPath };
}

/** Streams the filtered rows into `file` with a cancellable progress notification. */
export function exportToFile(document: LogDocument, file: string, filter: Filter, sort: SortSpec | undefined, format: ExportFormat, columns: readonly string[]): Thenable<number> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting requests', cancellable: true }, (progress, token) => {
    let last = 0;
    return exportRows(document.engine, {
      query: combineFilter(filter).query, sort: engineSort(sort), format, columns, out: fs.createWriteStream(file),
      isCancelled: () => token.isCancellationRequested,
      onProgress: (written, total) => {
        const pct = total > 0 ? (written / total) * 100 : 0;
        progress.report({ increment: pct - last, message: `${written.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` });
        last = pct;
      },
    });
  });
}
