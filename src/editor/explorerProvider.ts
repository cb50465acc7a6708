/** The custom editor provider: one LogDocument per file, one webview per editor, messages routed to a handler. */
import * as vscode from 'vscode';
import type { HostToWebview, WebviewToHost } from '../shared/protocol';
import { DEFAULT_COLUMNS, TABLE_COLUMNS } from './columns';
import { displayLang } from '../language/settings';
import { acquireEngine } from '../logs';
import { LogDocument } from './logDocument';
import { MessageHandler } from './messageHandler';
import { makeHostServices } from './hostServices';
import { explorerHtml } from './webviewHtml';

/** The custom editor's view type: the default editor of `*.apigw.log` and `*.apigw.jsonl`. */
export const EXPLORER_VIEW_TYPE = 'apigwLogs.explorer';

/** The same editor offered through "Open With…" for other log files (VS Code allows one priority per view type). */
export const EXPLORER_OPTION_VIEW_TYPE = 'apigwLogs.explorerAnyFile';

/** The view type whose selector matches `uri`. */
export function viewTypeFor(uri: { path: string }): string {
  return /\.apigw\.jsonl?$|\.apigw\.log$/i.test(uri.path) ? EXPLORER_VIEW_TYPE : EXPLORER_OPTION_VIEW_TYPE;
}

/** A webview showing a document, so commands can reach it. */
export interface ExplorerPanel {
  readonly document: LogDocument;
  readonly panel: vscode.WebviewPanel;
  post(message: HostToWebview): void;
}

/** Provides the read-only log explorer. */
export class ExplorerProvider implements vscode.CustomReadonlyEditorProvider<LogDocument> {
  private readonly panels = new Set<ExplorerPanel>();
  private readonly _onDidOpen = new vscode.EventEmitter<ExplorerPanel>();
  /** Fires when an explorer's webview has loaded and been initialised. */
  readonly onDidOpen = this._onDidOpen.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /** Opens the file and starts indexing it. */
  openCustomDocument(uri: vscode.Uri, _open: vscode.CustomDocumentOpenContext, _token: vscode.CancellationToken): Promise<LogDocument> {
    return LogDocument.open(uri, (u) => acquireEngine(this.context, u));
  }

  /** Sets up the webview of one editor. */
  async resolveCustomEditor(document: LogDocument, panel: vscode.WebviewPanel, _token: vscode.CancellationToken): Promise<void> {
    const webview = panel.webview;
    const roots = ['dist', 'media'].map((d) => vscode.Uri.joinPath(this.context.extensionUri, d));
    webview.options = { enableScripts: true, localResourceRoots: roots };
    const asUri = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...p)).toString();
    let disposed = false;
    const post = (m: HostToWebview): void => {
      if (!disposed) webview.postMessage(m).then(undefined, () => undefined);
    };
    const entry: ExplorerPanel = { document, panel, post };
    const handler = new MessageHandler(() => document.engine, makeHostServices(document), displayLang);
    const subscriptions = [
      webview.onDidReceiveMessage((m: WebviewToHost) => void this.onMessage(entry, handler, m)),
      document.onProgress((p) => entry.post({ type: 'progress', ...p })),
      document.onIndexed((summary) => entry.post({ type: 'indexed', summary })),
      document.onGrew((summary) => entry.post({ type: 'grew', summary })),
      document.onFailed((message) => entry.post({ type: 'failed', message })),
    ];
    this.panels.add(entry);
    panel.onDidDispose(() => {
      disposed = true;
      this.panels.delete(entry);
      subscriptions.forEach((s) => s.dispose());
    });
    webview.html = explorerHtml({
      cspSource: webview.cspSource,
      script: asUri('dist', 'webview.js'),
      styles: [asUri('dist', 'codicons', 'codicon.css'), asUri('dist', 'webview.css'), asUri('media', 'explorer.css')],
      title: document.summary().fileName,
    });
  }

  /** The open explorers of `uri` (most recently opened last). */
  panelsFor(uri: vscode.Uri): ExplorerPanel[] {
    return [...this.panels].filter((p) => p.document.uri.toString() === uri.toString());
  }

  private async onMessage(entry: ExplorerPanel, handler: MessageHandler, message: WebviewToHost): Promise<void> {
    if (message.type === 'ready') {
      entry.post({ type: 'init', summary: entry.document.summary(), options: explorerOptions(entry.document.isFollowing) });
      if (entry.document.failed) entry.post({ type: 'failed', message: entry.document.failed });
      this._onDidOpen.fire(entry);
      return;
    }
    const answer = await handler.handle(message);
    if (answer) entry.post(answer);
  }
}

/** The options sent with `init`. */
function explorerOptions(following: boolean): Extract<HostToWebview, { type: 'init' }>['options'] {
  return { columns: TABLE_COLUMNS, defaultColumns: DEFAULT_COLUMNS, following };
}
