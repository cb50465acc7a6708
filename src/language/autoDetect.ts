/**
 * Switches documents shown in an editor to the access-log language when their name allows it (.log,
 * .json, .jsonl, .csv, .tsv, dump_*.json) and their first 64 KB look like API Gateway access records.
 * Each document is examined once per session, so a user who switches it back is not overruled.
 */
import * as vscode from 'vscode';
import { looksLikeAccessLog } from '../core/formats/accessLog';
import { LANGUAGE_ID, autoDetectEnabled } from './settings';

const HEAD_CHARS = 64 * 1024;
const CANDIDATE_NAME = /\.(?:log|json|jsonl|ndjson|csv|tsv)$/i;
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

/** True when a file name may hold access logs and is worth examining. */
export function isCandidateName(path: string): boolean {
  return CANDIDATE_NAME.test(path);
}

/** The first 64 KB of a document's text. */
function headOf(document: vscode.TextDocument): string {
  const end = document.positionAt(HEAD_CHARS);
  return document.getText(new vscode.Range(new vscode.Position(0, 0), end));
}

/** Watches documents as they are shown and switches the access logs among them. */
export class AutoDetector implements vscode.Disposable {
  private readonly examined = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [vscode.window.onDidChangeVisibleTextEditors((editors) => this.examineAll(editors))];
    this.examineAll(vscode.window.visibleTextEditors);
  }

  private examineAll(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) void this.examine(editor.document);
  }

  /** Switches the document when it qualifies; resolves to whether it was switched. */
  async examine(document: vscode.TextDocument): Promise<boolean> {
    const key = document.uri.toString();
    if (this.examined.has(key) || document.languageId === LANGUAGE_ID) return false;
    if (!SCHEMES.has(document.uri.scheme) || !isCandidateName(document.uri.path) || !autoDetectEnabled()) return false;
    this.examined.add(key);
    if (!looksLikeAccessLog(headOf(document))) return false;
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    return true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
