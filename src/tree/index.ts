/**
 * The requests tree (view `apigwLogs.requests` in the "API Gateway Logs" activity-bar container):
 * requests of the active access log grouped by API and status code, built by the shared log engines.
 */
import * as vscode from 'vscode';
import { fetchedLogs } from '../fetch/fetchedLogs';
import { getEngineRegistry, type SharedEngine } from '../logs';
import type { EngineRegistry } from '../logs/engineRegistry';
import { registerTreeCommands } from './commands';
import { RequestsTreeController } from './controller';
import { engineBackend } from './engineBackend';
import type { FetchedStore } from './fetchedFile';
import { createTestApi, type RequestsTreeTestApi } from './testApi';
import { TimingDocuments } from './timing';

export type { RequestsTreeTestApi, TreeNodeSnapshot } from './testApi';

/** What the tree can be given instead of the extension's shared instances (tests). */
export interface TreeServices {
  readonly registry?: EngineRegistry<SharedEngine>;
  readonly fetched?: FetchedStore;
}

/** The registration: dispose it to remove the view's logic; `testApi` is exported by the extension for tests. */
export interface TreeRegistration extends vscode.Disposable {
  readonly testApi: RequestsTreeTestApi;
}

/** Registers the requests view, its commands and apigwLogs.revealRequest. */
export function registerTree(context: vscode.ExtensionContext, services: TreeServices = {}): TreeRegistration {
  const tree = new RequestsTreeController<SharedEngine>({
    registry: services.registry ?? getEngineRegistry(context),
    backendOf: engineBackend,
    fetched: services.fetched ?? fetchedLogs,
    storageDir: vscode.Uri.joinPath(context.globalStorageUri, 'tree').fsPath,
    memento: context.workspaceState,
  });
  const timing = TimingDocuments.register();
  const commands = registerTreeCommands(tree, timing.documents, context.extensionUri);
  const disposable = vscode.Disposable.from(commands, timing.disposable, tree);
  return { testApi: createTestApi(tree), dispose: () => disposable.dispose() };
}
