/** "Fetch request log by ID": ask (or take) the ID, fetch with progress and cancel, open the result, explain failures. */
import * as vscode from 'vscode';
import type { CredentialChain, Credentials } from '../cloud/credentials';
import { CloudError, CloudErrorKind, cancelledError } from '../cloud/errors';
import { QueryResult, fetchRequestLog } from '../cloud/queryRequestLogs';
import { findRequestId, isRequestId, normalizeRequestId, requestIdProblem } from '../cloud/requestId';
import { FetchedLogs } from './fetchedLogs';
import { FetchSettings, readFetchSettings } from './fetchSettings';
import { fetchedLogUri, showFetchedLog } from './requestDocument';
import { presentFailure } from './failureActions';

/** Command id of "Fetch request log by ID". */
export const FETCH_COMMAND = 'apigwLogs.fetchRequestLog';

/** What one run of the command did; returned by executeCommand (scripts and tests read it). */
export type FetchOutcome =
  | { readonly status: 'fetched'; readonly requestId: string; readonly region: string; readonly uri: string;
      readonly logCount: number; readonly attempts: number; readonly credentialSource: string; readonly initialRequestId?: string }
  | { readonly status: 'failed'; readonly kind: CloudErrorKind; readonly message: string; readonly buttons: readonly string[] }
  | { readonly status: 'invalid'; readonly message: string }
  | { readonly status: 'cancelled' }
  | { readonly status: 'dismissed' };

/** What the fetcher needs from the extension. */
export interface FetcherDependencies {
  readonly store: FetchedLogs;
  readonly chainFor: (profile: string | undefined) => CredentialChain;
  readonly log: vscode.LogOutputChannel;
  readonly userAgent: string;
}

const UUID_WORD = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/** The input box's initial value: an ID in the selection, else the ID under the cursor. */
export function initialInput(editor: vscode.TextEditor | undefined): string {
  if (!editor) return '';
  const selected = editor.document.getText(editor.selection).slice(0, 10_000);
  if (selected.trim() !== '') return findRequestId(selected) ?? '';
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, UUID_WORD);
  return range ? normalizeRequestId(editor.document.getText(range)) : '';
}

/** The request ID passed as the command argument (a string, or an object with requestId), if any. */
function argumentText(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'object' && argument !== null && !(argument instanceof vscode.Uri)) {
    const value = (argument as { requestId?: unknown }).requestId;
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Runs the command; one instance serves every invocation. */
export class RequestLogFetcher {
  constructor(private readonly deps: FetcherDependencies) {}

  /** The command handler. */
  async run(argument?: unknown): Promise<FetchOutcome> {
    const given = argumentText(argument);
    if (given !== undefined) {
      const id = findRequestId(given);
      if (id) return this.fetch(id);
      const message = `"${given.slice(0, 60)}" does not contain a request ID (a UUID such as 95657ED9-2F6F-426F-BD99-79C8D8F1A2B3).`;
      void vscode.window.showErrorMessage(message);
      return { status: 'invalid', message };
    }
    const typed = await vscode.window.showInputBox({
      title: 'Fetch request log by ID',
      prompt: 'Request ID (X-Ca-Request-Id), or paste a line that contains one',
      value: initialInput(vscode.window.activeTextEditor),
      ignoreFocusOut: true,
      validateInput: requestIdProblem,
    });
    const id = typed === undefined ? undefined : findRequestId(typed);
    return id ? this.fetch(id) : { status: 'dismissed' };
  }

  /** Fetches one ID with a cancellable progress notification, then opens it or explains the failure. */
  async fetch(requestId: string): Promise<FetchOutcome> {
    const settings = await readFetchSettings();
    try {
      const { result, credentials } = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Fetching request log ${requestId}`, cancellable: true },
        (progress, token) => this.fetchOnce(requestId, settings, progress, token),
      );
      return await this.open(requestId, settings, result, credentials);
    } catch (error) {
      const failure = error instanceof CloudError ? error : new CloudError('malformed', 'Unexpected failure while fetching.', {
        hint: 'Try again; if it persists, look at the "API Gateway Logs: Fetch" output.',
      });
      return this.fail(requestId, settings, failure);
    }
  }

  private async fetchOnce(requestId: string, settings: FetchSettings, progress: vscode.Progress<{ message?: string }>,
    token: vscode.CancellationToken): Promise<{ result: QueryResult; credentials: Credentials }> {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      progress.report({ message: 'looking for credentials…' });
      const credentials = await this.deps.chainFor(settings.profile).resolve();
      if (controller.signal.aborted) throw cancelledError();
      progress.report({ message: `${settings.region}, credentials from ${credentials.sourceName}` });
      const result = await fetchRequestLog(requestId, {
        region: settings.region, endpoint: settings.endpoint, credentials, signal: controller.signal,
        proxy: settings.proxy, strictSSL: settings.strictSSL, userAgent: this.deps.userAgent, timeoutMs: settings.timeoutMs,
      });
      return { result, credentials };
    } finally {
      subscription.dispose();
    }
  }

  private async open(requestId: string, settings: FetchSettings, result: QueryResult, credentials: Credentials):
    Promise<FetchOutcome> {
    const uri = fetchedLogUri(requestId, settings.region);
    this.deps.store.add({ requestId, region: settings.region, fetchedAt: new Date(), logs: result.logs, response: result.response, uri });
    await showFetchedLog(uri);
    this.deps.log.info(`Fetched ${requestId} from ${settings.region} (${settings.regionSource}) in ${result.attempts} attempt(s); ` +
      `${result.logs.length} record(s); credentials from ${credentials.sourceName}; service request ID ${result.requestId}.`);
    vscode.window.setStatusBarMessage(`Request log ${requestId} fetched (credentials from ${credentials.sourceName})`, 8000);
    const initial = this.initialRequestOf(requestId, result);
    if (initial) this.offerInitial(requestId, initial);
    return { status: 'fetched', requestId, region: settings.region, uri: uri.toString(), logCount: result.logs.length,
      attempts: result.attempts, credentialSource: credentials.sourceName, initialRequestId: initial };
  }

  /** The InitialRequestId of the log when it names another request. */
  private initialRequestOf(requestId: string, result: QueryResult): string | undefined {
    const value = result.logs[0]?.['InitialRequestId'];
    if (typeof value !== 'string' || !isRequestId(value)) return undefined;
    const initial = normalizeRequestId(value);
    return initial === requestId ? undefined : initial;
  }

  private offerInitial(requestId: string, initial: string): void {
    const button = 'Fetch Initial Request';
    void vscode.window.showInformationMessage(
      `Request ${requestId} was made by the gateway on behalf of request ${initial} (InitialRequestId).`, button,
    ).then((choice) => (choice === button ? vscode.commands.executeCommand(FETCH_COMMAND, initial) : undefined));
  }

  private fail(requestId: string, settings: FetchSettings, error: CloudError): FetchOutcome {
    if (error.kind === 'cancelled') {
      this.deps.log.info(`Fetch of ${requestId} cancelled.`);
      return { status: 'cancelled' };
    }
    this.deps.log.warn(`Fetch of ${requestId} from ${settings.region} failed: ${error.kind}` +
      `${error.code ? ` ${error.code}` : ''}${error.httpStatus ? ` HTTP ${error.httpStatus}` : ''}: ${error.message}`);
    const shown = presentFailure(error, { retry: () => this.fetch(requestId), log: this.deps.log });
    return { status: 'failed', kind: error.kind, message: shown.text, buttons: shown.buttons };
  }
}
