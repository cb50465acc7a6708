/** Entry point: wiring only. Each capability registers itself and returns a Disposable. */
import * as vscode from 'vscode';
import { registerExplorer } from './editor';
import { registerFetch } from './fetch';
import { registerLanguage } from './language';
import { EngineLookup } from './language/engineLookup';
import { getEngineRegistry } from './logs';
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
  const openEngines = new EngineLookup(getEngineRegistry(context), isOpenAsAccessLogText);
  context.subscriptions.push(registerLanguage(context, { lookups: [openEngines] }));
  context.subscriptions.push(registerFetch(context));
  context.subscriptions.push(registerExplorer(context));
  const tree = registerTree(context);
  context.subscriptions.push(tree);
  return { languageId: 'apigw-access-log', requestsTree: tree.testApi };
}

/** True when `file` is open as an access-log text document (its requests are found from the text). */
function isOpenAsAccessLogText(file: string): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && d.uri.fsPath === file && d.languageId === 'apigw-access-log');
}

/** Nothing to do: every registration is disposed through the context. */
export function deactivate(): void {}
