/**
 * The extension's shared log engines: one engine (indexing in a worker) per log file, for every
 * feature that needs one. Usage:
 *
 *   const lease = await acquireEngine(context, uri);   // opens or shares the file's engine
 *   await lease.engine.ready;                          // ... query it ...
 *   lease.onDidChange((c) => ...);                     // 'appended' (file grew) | 'reopened' (rewritten)
 *   lease.dispose();                                   // release; the engine closes 60 s after its last lease
 *
 * The first call creates the registry (worker from dist/worker.js, temp files under globalStorageUri)
 * and disposes it with the extension. See engineRegistry.ts for the sharing and file-following rules.
 */
import * as vscode from 'vscode';
import { EngineRegistry, type EngineLease } from './engineRegistry';
import { openSharedEngine, type SharedEngine } from './openEngine';

export { EngineRegistry, type EngineLease, type LogChange, type RegistryEngine } from './engineRegistry';
export type { SharedEngine } from './openEngine';

let registry: EngineRegistry<SharedEngine> | undefined;

/** The shared registry, created on first use and disposed with the extension. */
export function getEngineRegistry(context: vscode.ExtensionContext): EngineRegistry<SharedEngine> {
  if (registry) return registry;
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  const tempDir = vscode.Uri.joinPath(context.globalStorageUri, 'engine').fsPath;
  const created = new EngineRegistry<SharedEngine>((file) => openSharedEngine(file, { workerPath, tempDir }));
  registry = created;
  context.subscriptions.push({
    dispose: () => {
      created.dispose();
      if (registry === created) registry = undefined;
    },
  });
  return created;
}

/** A lease on the engine of a log file (file: URIs only); dispose it when done. */
export function acquireEngine(context: vscode.ExtensionContext, uri: vscode.Uri): Promise<EngineLease<SharedEngine>> {
  if (uri.scheme !== 'file') return Promise.reject(new Error(`Log engines read files on disk only (got ${uri.scheme}:).`));
  return getEngineRegistry(context).acquire(uri.fsPath);
}
