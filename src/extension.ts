/** Entry point: wiring only. Each capability registers itself and returns a Disposable. */
import * as vscode from 'vscode';
import { registerExplorer } from './editor';
import { registerFetch } from './fetch';
import { registerLanguage } from './language';
import { registerTree, type RequestsTreeTestApi } from './tree';

/** What the extension exports to other extensions and to its integration tests. */
export interface ExtensionApi {
  /** The language id given to access logs. */
  readonly languageId: string;
  /** The requests tree, for integration tests. */
  readonly requestsTree: RequestsTreeTestApi;
}

/** Activates the extension: registers every capability. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  context.subscriptions.push(registerLanguage(context, {}));
  context.subscriptions.push(registerFetch(context));
  context.subscriptions.push(registerExplorer(context));
  const tree = registerTree(context);
  context.subscriptions.push(tree);
  return { languageId: 'apigw-access-log', requestsTree: tree.testApi };
}

/** Nothing to do: every registration is disposed through the context. */
export function deactivate(): void {}
