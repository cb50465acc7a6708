/** Fetch-by-ID wiring: store, documents, commands, credential chain with SecretStorage first. */
import * as vscode from 'vscode';
import type { CredentialChain } from '../cloud/credentials';
import { defaultCredentialChain } from '../cloud/defaultChain';
import { registerAccessKeyCommands } from './accessKeyCommands';
import { AccessKeyStore } from './accessKeyStore';
import { FETCH_COMMAND, RequestLogFetcher } from './fetchCommand';
import { fetchedLogs } from './fetchedLogs';
import { SELECT_REGION_COMMAND, selectRegion } from './fetchSettings';
import { FetchedLogDocuments } from './requestDocument';

export { fetchedLogs } from './fetchedLogs';
export type { FetchedLog, FetchedLogs } from './fetchedLogs';
export { FETCH_COMMAND } from './fetchCommand';
export type { FetchOutcome } from './fetchCommand';

/** The User-Agent of every call: extension, VS Code and Node versions, platform. */
function userAgent(context: vscode.ExtensionContext): string {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0');
  return `apigw-access-logs/${version} VSCode/${vscode.version} Node/${process.versions.node} (${process.platform})`;
}

/** Keeps one chain per profile setting, so STS sessions from @alicloud/credentials are reused. */
function chainCache(keys: AccessKeyStore): { chainFor: (profile: string | undefined) => CredentialChain; reset: () => void } {
  let cached: { profile: string | undefined; chain: CredentialChain } | undefined;
  return {
    chainFor: (profile) => {
      if (!cached || cached.profile !== profile) {
        cached = { profile, chain: defaultCredentialChain({ injected: [keys.asSource()], profile }) };
      }
      return cached.chain;
    },
    reset: () => { cached = undefined; },
  };
}

/** Registers fetch-by-ID: commands, the apigw-log document scheme and the credential chain. */
export function registerFetch(context: vscode.ExtensionContext): vscode.Disposable {
  const log = vscode.window.createOutputChannel('API Gateway Logs: Fetch', { log: true });
  const keys = new AccessKeyStore(context.secrets);
  const chains = chainCache(keys);
  const fetcher = new RequestLogFetcher({ store: fetchedLogs, chainFor: chains.chainFor, log, userAgent: userAgent(context) });
  return vscode.Disposable.from(
    log,
    FetchedLogDocuments.register(fetchedLogs),
    vscode.commands.registerCommand(FETCH_COMMAND, (argument?: unknown) => fetcher.run(argument)),
    vscode.commands.registerCommand(SELECT_REGION_COMMAND, () => selectRegion()),
    registerAccessKeyCommands(keys, chains.reset),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('apigwLogs.profile')) chains.reset();
    }),
  );
}
