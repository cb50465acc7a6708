/** Helpers of the fetch integration tests: message capture, credential isolation, the secret grep over logs. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** One message the extension showed. */
export interface ShownMessage {
  readonly text: string;
  readonly buttons: string[];
}

/** Messages captured since the last clear(). */
export interface MessageCapture {
  readonly errors: ShownMessage[];
  readonly infos: ShownMessage[];
  /** Every message ever captured (not cleared), for the secret check. */
  readonly all: ShownMessage[];
  clear(): void;
  restore(): void;
}

type Show = (message: string, ...items: unknown[]) => Thenable<unknown>;

/**
 * Wraps window.showErrorMessage / showInformationMessage / showWarningMessage (the extension shares this API
 * object with its tests): records each message and answers as if the user dismissed it.
 */
export function captureMessages(): MessageCapture {
  const window = vscode.window as unknown as Record<string, Show>;
  const errors: ShownMessage[] = [];
  const infos: ShownMessage[] = [];
  const all: ShownMessage[] = [];
  const originals = new Map<string, Show>();
  const wrap = (name: string, into: ShownMessage[]): void => {
    originals.set(name, window[name]!);
    window[name] = (message: string, ...items: unknown[]) => {
      const buttons = items.filter((i): i is string => typeof i === 'string');
      const shown = { text: message, buttons };
      into.push(shown);
      all.push(shown);
      return Promise.resolve(undefined);
    };
  };
  wrap('showErrorMessage', errors);
  wrap('showInformationMessage', infos);
  wrap('showWarningMessage', infos);
  return {
    errors, infos, all,
    clear: () => { errors.length = 0; infos.length = 0; },
    restore: () => { for (const [name, original] of originals) window[name] = original; },
  };
}

/** Removes every credential source of the machine from this extension host; returns the undo. */
export function isolateCredentials(): () => void {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) if (name.startsWith('ALIBABA_CLOUD_')) delete process.env[name];
  process.env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED'] = 'true';
  process.env['ALIBABA_CLOUD_CREDENTIALS_FILE'] = path.join(os.tmpdir(), 'apigw-no-such-credentials-file');
  return () => {
    for (const name of Object.keys(process.env)) if (name.startsWith('ALIBABA_CLOUD_')) delete process.env[name];
    for (const [name, value] of Object.entries(saved)) if (name.startsWith('ALIBABA_CLOUD_')) process.env[name] = value;
  };
}

function filesUnder(dir: string | undefined, found: string[] = []): string[] {
  if (!dir || !fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, found);
    else if (/\.(log|txt)$/.test(entry.name)) found.push(full);
  }
  return found;
}

/**
 * Searches everything logged so far for the secrets: VS Code's logs (extension host, output channels, including
 * "API Gateway Logs: Fetch") and the runner's page-console and code-server logs. Resolves to the files searched
 * and those holding a secret.
 */
export async function findLoggedSecrets(secrets: readonly string[]): Promise<{ files: string[]; leaks: string[] }> {
  await new Promise((resolve) => setTimeout(resolve, 1500)); // log writers flush about once a second
  const socket = process.env['CODE_SERVER_SESSION_SOCKET'];
  const userData = socket ? path.dirname(socket) : undefined;
  const files = [
    ...filesUnder(userData ? path.join(userData, 'logs') : undefined),
    ...filesUnder(process.env['APIGW_TEST_RESULTS']),
  ];
  const encoded = secrets.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);
  const leaks = files.filter((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return encoded.some((secret) => text.includes(secret));
  });
  return { files, leaks };
}
