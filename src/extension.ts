/** Entry point: wiring only. Each capability registers itself and returns a Disposable. */
import * as vscode from 'vscode';
import { registerExplorer } from './editor';
import { registerFetch } from './fetch';
import { registerLanguage } from './language';

/** What the extension exports to other extensions and to its integration tests. */
export interface ExtensionApi {
  /** The language id given to access logs. */
  readonly languageId: string;
}

/** Activates the extension: registers every capability. */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  context.subscriptions.push(registerLanguage(context, {}));
  context.subscriptions.push(registerFetch(context));
  context.subscriptions.push(registerExplorer(context));
  return { languageId: 'apigw-access-log' };
}

/** Nothing to do: every registration is disposed through the context. */
export function deactivate(): void {}
