/** Webview entry: connects to the host, waits for `init`, then starts the explorer app. */
import 'uplot/dist/uPlot.min.css';
import type { HostToWebview, WebviewToHost } from '../shared/protocol';
import { ExplorerApp } from './app';
import { RpcClient } from './rpc';
import type { ViewState } from './state';

/** The API VS Code injects into webviews. */
interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: ViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

document.body.dataset.bootAt = String(Date.now());
const vscode = acquireVsCodeApi();
const rpc = new RpcClient((m) => vscode.postMessage(m));
let app: ExplorerApp | undefined;
let stateSaves = 0;
const early: HostToWebview[] = [];

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (rpc.handle(message)) return;
  if (message.type === 'init') {
    if (app) return;
    document.body.dataset.initAt = String(Date.now());
    app = new ExplorerApp(rpc, message.summary, message.options, vscode.getState(), (s) => {
      vscode.setState(s);
      document.body.dataset.stateSaved = String(++stateSaves); // tests wait on it before reloading the webview
    });
    app.start();
    for (const m of early.splice(0)) app.onMessage(m);
  } else if (app) {
    app.onMessage(message);
  } else {
    early.push(message);
  }
});

vscode.postMessage({ type: 'ready' });
