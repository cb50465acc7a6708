/**
 * Which log the requests tree shows: the access log in the active editor (as text, or in the log
 * explorer), the fetched request logs, or a file chosen with "Show Requests of File…". The tree keeps
 * its log while the user looks at other files, and lets go when the log's last tab closes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { looksLikeAccessLog } from '../core/formats/accessLog';

/** The access-log language id. */
export const LOG_LANGUAGE = 'apigw-access-log';
/** The log explorer's custom editor view types (the default one for *.apigw.log, the opt-in one for any file). */
export const EXPLORER_VIEW_TYPES: readonly string[] = ['apigwLogs.explorer', 'apigwLogs.explorerAnyFile'];
/** The scheme of fetched request log documents. */
export const FETCHED_SCHEME = 'apigw-log';

/** A log the tree can show. */
export interface LogSource {
  /** 'fetched': every request log fetched in this session, gathered in one file. */
  readonly kind: 'file' | 'fetched';
  /** The file the engine indexes. */
  readonly file: string;
  /** Shown in the view's description. */
  readonly name: string;
  /** Set when the user chose the file explicitly: tabs closing do not clear it. */
  readonly pinned: boolean;
}

/** A file log source. */
export function fileSource(file: string, pinned = false): LogSource {
  return { kind: 'file', file, name: path.basename(file), pinned };
}

const CANDIDATE_NAME = /\.(?:log|json|jsonl|ndjson|csv|tsv|gz)$/i;
const HEAD_BYTES = 64 * 1024;

/** The URI of the resource a tab shows, for text and custom-editor tabs. */
export function tabUri(tab: vscode.Tab | undefined): vscode.Uri | undefined {
  const input = tab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return undefined;
}

/** True when a tab shows `file` (as text or in the explorer). */
export function tabShowsFile(tab: vscode.Tab, file: string): boolean {
  const uri = tabUri(tab);
  return uri?.scheme === 'file' && path.resolve(uri.fsPath) === path.resolve(file);
}

/** The access log the active tab shows, if it shows one; 'fetched' for a fetched request log. */
export async function sourceOfActiveTab(): Promise<LogSource | 'fetched' | undefined> {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input;
  if (input instanceof vscode.TabInputCustom && EXPLORER_VIEW_TYPES.includes(input.viewType) && input.uri.scheme === 'file') return fileSource(input.uri.fsPath);
  if (!(input instanceof vscode.TabInputText)) return undefined;
  if (input.uri.scheme === FETCHED_SCHEME) return 'fetched';
  if (input.uri.scheme !== 'file') return undefined;
  return (await isAccessLogFile(input.uri)) ? fileSource(input.uri.fsPath) : undefined;
}

/**
 * True when a file open as text is an access log: by its language when VS Code synced the document,
 * otherwise (files over 50 MB are not synced to extensions) by sniffing its first 64 KB.
 */
async function isAccessLogFile(uri: vscode.Uri): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document) return document.languageId === LOG_LANGUAGE;
  if (!CANDIDATE_NAME.test(uri.fsPath) || uri.fsPath.endsWith('.gz')) return false;
  return looksLikeAccessLog(await readHead(uri.fsPath));
}

async function readHead(file: string): Promise<string> {
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/** Files of the access logs open in tabs: in the explorer, or as text in the access-log language. */
export function openLogFiles(): string[] {
  const files = new Set<string>();
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    const input = tab.input;
    if (input instanceof vscode.TabInputCustom && EXPLORER_VIEW_TYPES.includes(input.viewType) && input.uri.scheme === 'file') files.add(input.uri.fsPath);
    if (input instanceof vscode.TabInputText && input.uri.scheme === 'file') {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString());
      if (document?.languageId === LOG_LANGUAGE) files.add(input.uri.fsPath);
    }
  }
  return [...files];
}

/** True while some tab shows the file. */
export function fileHasTab(file: string): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tabShowsFile(tab, file)));
}
