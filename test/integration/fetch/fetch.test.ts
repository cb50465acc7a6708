import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { FakeQueryServer, Fault, startFakeQueryServer } from '../../support/fakeQueryServer';
import { CHAINED_REQUEST_ID, INITIAL_REQUEST_ID, PLAIN_REQUEST_ID, TEST_KEY, UNKNOWN_REQUEST_ID } from '../../support/requestLogSamples';
import { closeAllEditors, waitInWorkbench } from '../helpers';
import { MessageCapture, captureMessages, findLoggedSecrets, isolateCredentials } from './fetchHelpers';

/** What the command returns (mirrors src/fetch/fetchCommand.ts FetchOutcome). */
type Outcome = {
  status: 'fetched' | 'failed' | 'invalid' | 'cancelled' | 'dismissed';
  requestId?: string; uri?: string; kind?: string; message?: string; buttons?: string[];
  credentialSource?: string; initialRequestId?: string; attempts?: number;
};

const FETCH = 'apigwLogs.fetchRequestLog';
const SECRETS = [TEST_KEY.accessKeySecret, 'wrong-secret-MUST-NOT-LEAK-31'];

function fetch(id: string): Thenable<Outcome> {
  return vscode.commands.executeCommand<Outcome>(FETCH, id);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/**
 * Runs `command` (accept or close the input box) once the input box is on screen, then awaits the pending command:
 * the input box opens at a time no event announces, and either command does nothing while none is open. Under a
 * runner that cannot look at the page, runs the command until the pending one settles (bounded).
 */
async function untilSettled<T>(pending: Thenable<T>, command: string): Promise<T> {
  if (await waitInWorkbench({ selector: '.quick-input-widget .quick-input-box input' })) {
    await vscode.commands.executeCommand(command);
    return pending;
  }
  let settled = false;
  const result = Promise.resolve(pending).finally(() => { settled = true; });
  for (let tries = 0; !settled && tries < 200; tries++) {
    await vscode.commands.executeCommand(command);
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return result;
}

function acceptInputBox<T>(pending: Thenable<T>): Promise<T> {
  return untilSettled(pending, 'workbench.action.acceptSelectedQuickOpenItem');
}

describe('fetch request log by ID (against the local fake QueryRequestLogs server)', function () {
  this.timeout(60_000);
  let server: FakeQueryServer;
  let messages: MessageCapture;
  let restoreEnvironment: () => void;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('apigwLogs');

  before(async () => {
    restoreEnvironment = isolateCredentials();
    server = await startFakeQueryServer();
    await config().update('endpoint', `http://${server.endpoint}`, vscode.ConfigurationTarget.Global);
    await config().update('region', 'cn-hangzhou', vscode.ConfigurationTarget.Global);
    await config().update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    messages = captureMessages();
  });

  after(async () => {
    messages.restore();
    await vscode.commands.executeCommand('apigwLogs.forgetAccessKey');
    for (const key of ['endpoint', 'region', 'requestTimeoutSeconds']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    restoreEnvironment();
    await server.close();
    await closeAllEditors();
  });

  beforeEach(() => {
    server.clearFaults();
    messages.clear();
  });

  it('without credentials: says so, with a "Set Access Key" button', async () => {
    await vscode.commands.executeCommand('apigwLogs.forgetAccessKey');
    const outcome = await fetch(PLAIN_REQUEST_ID);
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.kind, 'noCredentials');
    assert.deepEqual(outcome.buttons, ['Set Access Key']);
    assert.match(outcome.message ?? '', /No Alibaba Cloud credentials/);
    assert.deepEqual(messages.errors.map((m) => m.text), [outcome.message]);
    assert.deepEqual(messages.errors[0]!.buttons, ['Set Access Key']);
    assert.equal(server.requests.length, 0);
  });

  it('fetches with a key stored by "Set Access Key", opens a read-only access-log document, and hovers work in it', async () => {
    assert.equal(await vscode.commands.executeCommand('apigwLogs.setAccessKey', { ...TEST_KEY }), true);
    const outcome = await fetch(CHAINED_REQUEST_ID.toLowerCase());
    assert.equal(outcome.status, 'fetched', outcome.message);
    assert.equal(outcome.requestId, CHAINED_REQUEST_ID);
    assert.match(outcome.credentialSource ?? '', /SecretStorage/);
    assert.equal(outcome.initialRequestId, INITIAL_REQUEST_ID);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), outcome.uri);
    assert.equal(editor.document.uri.scheme, 'apigw-log');
    assert.equal(editor.document.languageId, 'apigw-access-log');
    const parsed = JSON.parse(editor.document.getText()) as { RequestLogs: { RequestLog: Record<string, unknown>[] } };
    assert.equal(parsed.RequestLogs.RequestLog[0]!['RequestId'], CHAINED_REQUEST_ID);
    assert.ok(editor.document.getText().includes('\n  "RequestLogs": {\n'), 'pretty-printed');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('"StatusCode": "504"'));
    const column = editor.document.lineAt(line).text.indexOf('504');
    assert.match(await hoverText(editor.document.uri, new vscode.Position(line, column + 1)), /504/);
    assert.ok(messages.infos.some((m) => m.text.includes(INITIAL_REQUEST_ID) && m.buttons.includes('Fetch Initial Request')));
  });

  it('fetching the initial request needs no further offer; the fetched log feeds request-ID hovers in code', async () => {
    const outcome = await fetch(INITIAL_REQUEST_ID);
    assert.equal(outcome.status, 'fetched');
    assert.equal(outcome.initialRequestId, undefined);
    const code = await vscode.workspace.openTextDocument({ language: 'typescript', content: `const id = '${INITIAL_REQUEST_ID}';\n` });
    assert.match(await hoverText(code.uri, new vscode.Position(0, 15)), /checkout/);
  });

  it('takes credentials from the environment and rejects an argument without a request ID', async () => {
    await vscode.commands.executeCommand('apigwLogs.forgetAccessKey');
    process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'] = TEST_KEY.accessKeyId;
    process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'] = TEST_KEY.accessKeySecret;
    try {
      const outcome = await fetch(`X-Ca-Request-Id: ${PLAIN_REQUEST_ID}`);
      assert.equal(outcome.status, 'fetched', outcome.message);
      assert.match(outcome.credentialSource ?? '', /environment variables/);
    } finally {
      delete process.env['ALIBABA_CLOUD_ACCESS_KEY_ID'];
      delete process.env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
    }
    assert.equal((await fetch('not an id')).status, 'invalid');
    assert.equal(messages.errors.length, 1);
  });

  it('pre-fills the input box from the ID under the cursor, or from a selected pasted line, and fetches on Enter', async () => {
    await vscode.commands.executeCommand('apigwLogs.setAccessKey', { ...TEST_KEY });
    const line = `2024-05-01 12:00:00 ERROR upstream said X-Ca-Request-Id: ${PLAIN_REQUEST_ID.toLowerCase()} (retrying)`;
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: `${line}\n` }));
    const inside = new vscode.Position(0, line.indexOf('X-Ca') + 20);
    editor.selection = new vscode.Selection(inside, inside);
    const underCursor = await acceptInputBox(vscode.commands.executeCommand<Outcome>(FETCH));
    assert.equal(underCursor.status, 'fetched', underCursor.message);
    assert.equal(underCursor.requestId, PLAIN_REQUEST_ID);
    const again = await vscode.window.showTextDocument(editor.document);
    again.selection = new vscode.Selection(0, 0, 0, line.length);
    const fromLine = await acceptInputBox(vscode.commands.executeCommand<Outcome>(FETCH));
    assert.equal(fromLine.requestId, PLAIN_REQUEST_ID);
    const blank = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'nothing here\n' }));
    blank.selection = new vscode.Selection(0, 0, 0, 0);
    const dismissed = vscode.commands.executeCommand<Outcome>(FETCH);
    assert.equal((await untilSettled(dismissed, 'workbench.action.closeQuickOpen')).status, 'dismissed');
  });

  const faults: [string, Fault | undefined, string, RegExp][] = [
    ['server error (after retries)', { kind: 'serverError' }, 'server', /HTTP 500.*Try again later/],
    ['throttling (after retries)', { kind: 'throttle' }, 'throttled', /throttling.*Wait a few seconds/],
    ['slow answer', { kind: 'delay', ms: 5000 }, 'timeout', /did not answer within 1 s/],
    ['malformed JSON', { kind: 'malformed' }, 'malformed', /could not be read/],
    ['unknown ID', { kind: 'unknown' }, 'notFound', /No log found.*region.*recent/],
    ['bad signature', { kind: 'badSignature' }, 'signatureMismatch', /signature did not match.*clock/],
    ['RAM permission', { kind: 'forbidden' }, 'forbidden', /apigateway:QueryRequestLogs/],
    ['invalid AccessKey ID', { kind: 'invalidKey' }, 'invalidAccessKey', /not accepted.*RAM console/],
  ];
  for (const [name, fault, kind, text] of faults) {
    it(`explains a ${name}`, async () => {
      await vscode.commands.executeCommand('apigwLogs.setAccessKey', { ...TEST_KEY });
      if (fault) server.inject(UNKNOWN_REQUEST_ID, fault);
      const outcome = await fetch(UNKNOWN_REQUEST_ID);
      assert.equal(outcome.status, 'failed');
      assert.equal(outcome.kind, kind);
      assert.match(outcome.message ?? '', text);
      assert.equal(messages.errors.length, 1);
      assert.equal(messages.errors[0]!.text, outcome.message);
      assert.ok(messages.errors[0]!.buttons.length > 0);
    });
  }

  it('a wrong secret is caught by the server\'s own signature check', async () => {
    await vscode.commands.executeCommand('apigwLogs.setAccessKey', { accessKeyId: TEST_KEY.accessKeyId, accessKeySecret: SECRETS[1] });
    const outcome = await fetch(PLAIN_REQUEST_ID);
    assert.equal(outcome.kind, 'signatureMismatch');
    assert.equal(server.requests.at(-1)!.outcome, 'SignatureDoesNotMatch');
  });

  it('no secret appears in any message or log', async () => {
    const shown = JSON.stringify([messages.all, server.requests.map((r) => r.outcome)]);
    for (const secret of SECRETS) assert.ok(!shown.includes(secret), 'a message holds a secret');
    const { files, leaks } = await findLoggedSecrets(SECRETS);
    const fetchLog = files.find((file) => /API Gateway Logs.*Fetch/.test(file));
    assert.ok(fetchLog, `the fetch output channel is among the ${files.length} files searched`);
    assert.match(readFileSync(fetchLog, 'utf8'), /Fetched .* credentials from/);
    assert.ok(files.some((file) => file.endsWith('exthost.log')), 'the extension host log is searched');
    assert.deepEqual(leaks, []);
  });
});
