/** Read-only documents (scheme apigw-log) showing a fetched QueryRequestLogs answer as pretty-printed JSON. */
import * as vscode from 'vscode';
import { FetchedLogs } from './fetchedLogs';

/** The URI scheme of fetched request logs. */
export const FETCHED_LOG_SCHEME = 'apigw-log';
/** The language the documents open in. */
export const ACCESS_LOG_LANGUAGE = 'apigw-access-log';

/** The document URI of a request's log: apigw-log:/<REQUESTID>.apigw.log?region=<region>. */
export function fetchedLogUri(requestId: string, region: string): vscode.Uri {
  return vscode.Uri.from({ scheme: FETCHED_LOG_SCHEME, path: `/${requestId}.apigw.log`, query: `region=${encodeURIComponent(region)}` });
}

/** The document text: the whole answer, indented by two spaces, with a final newline. */
export function renderResponse(response: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify(response, null, 2)}\n`;
}

/** Serves the documents from the store; announces a change when a request is fetched again. */
export class FetchedLogDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when the content of an open document changes (a newer fetch of the same ID). */
  readonly onDidChange: vscode.Event<vscode.Uri> = this._onDidChange.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FetchedLogs) {
    this.subscription = store.onDidFetch((entry) => this._onDidChange.fire(entry.uri));
  }

  /** The text for a URI; a short note when the log is no longer in memory (e.g. after a reload). */
  provideTextDocumentContent(uri: vscode.Uri): string {
    const entry = this.store.forUri(uri);
    if (entry) return renderResponse(entry.response);
    return `// This request log is no longer in memory. Run "Fetch request log by ID" to fetch it again.\n`;
  }

  /** Registers the provider for the apigw-log scheme. */
  static register(store: FetchedLogs): vscode.Disposable {
    const provider = new FetchedLogDocuments(store);
    return vscode.Disposable.from(provider, vscode.workspace.registerTextDocumentContentProvider(FETCHED_LOG_SCHEME, provider));
  }

  dispose(): void {
    this.subscription.dispose();
    this._onDidChange.dispose();
  }
}

/** Opens a fetched log in an editor, in the access-log language. */
export async function showFetchedLog(uri: vscode.Uri): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== ACCESS_LOG_LANGUAGE) {
    document = await vscode.languages.setTextDocumentLanguage(document, ACCESS_LOG_LANGUAGE);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}
