/** "Set Access Key" and "Forget Access Key": prompts (or arguments), SecretStorage, never echoing the secret. */
import * as vscode from 'vscode';
import { maskAccessKeyId } from '../cloud/errors';
import type { SigningKey } from '../cloud/signer';
import type { AccessKeyStore } from './accessKeyStore';

/** Command ids. */
export const SET_ACCESS_KEY_COMMAND = 'apigwLogs.setAccessKey';
/** Command id of "Forget Access Key". */
export const FORGET_ACCESS_KEY_COMMAND = 'apigwLogs.forgetAccessKey';

const KEY_ID_SHAPE = /^[A-Za-z0-9._-]{8,128}$/;

/** Why an AccessKey ID is not usable, or undefined. */
export function accessKeyIdProblem(value: string): string | undefined {
  return KEY_ID_SHAPE.test(value.trim()) ? undefined : 'An AccessKey ID is 8 or more letters, digits, dots or dashes (e.g. LTAI5t…).';
}

/** Asks for the key pair (and an optional STS token); undefined when the user cancels. */
async function promptForKey(): Promise<SigningKey | undefined> {
  const accessKeyId = await vscode.window.showInputBox({
    title: 'Set Access Key (1/3)', prompt: 'AccessKey ID (RAM user with apigateway:QueryRequestLogs)',
    ignoreFocusOut: true, validateInput: accessKeyIdProblem,
  });
  if (accessKeyId === undefined) return undefined;
  const accessKeySecret = await vscode.window.showInputBox({
    title: 'Set Access Key (2/3)', prompt: 'AccessKey secret (stored in the OS keychain through VS Code SecretStorage)',
    password: true, ignoreFocusOut: true, validateInput: (v) => (v.trim() === '' ? 'The secret is required.' : undefined),
  });
  if (accessKeySecret === undefined) return undefined;
  const securityToken = await vscode.window.showInputBox({
    title: 'Set Access Key (3/3)', prompt: 'STS security token — leave empty for a long-term AccessKey',
    password: true, ignoreFocusOut: true,
  });
  if (securityToken === undefined) return undefined;
  return { accessKeyId: accessKeyId.trim(), accessKeySecret: accessKeySecret.trim(), securityToken: securityToken.trim() || undefined };
}

/** A key pair passed as the command argument (for scripts and tests), if it is one. */
function keyFromArgument(argument: unknown): SigningKey | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { accessKeyId, accessKeySecret, securityToken } = argument as Record<string, unknown>;
  if (typeof accessKeyId !== 'string' || typeof accessKeySecret !== 'string' || accessKeyIdProblem(accessKeyId)) return undefined;
  return { accessKeyId: accessKeyId.trim(), accessKeySecret, securityToken: typeof securityToken === 'string' && securityToken ? securityToken : undefined };
}

/** Registers both commands; `onChange` runs after the stored key changes. */
export function registerAccessKeyCommands(store: AccessKeyStore, onChange: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SET_ACCESS_KEY_COMMAND, async (argument?: unknown) => {
      const key = keyFromArgument(argument) ?? (await promptForKey());
      if (!key) return false;
      await store.write(key);
      onChange();
      void vscode.window.showInformationMessage(`Access key ${maskAccessKeyId(key.accessKeyId)} stored in VS Code SecretStorage.`);
      return true;
    }),
    vscode.commands.registerCommand(FORGET_ACCESS_KEY_COMMAND, async () => {
      const had = await store.read();
      await store.forget();
      onChange();
      void vscode.window.showInformationMessage(had
        ? `Access key ${maskAccessKeyId(had.accessKeyId)} removed from VS Code SecretStorage.`
        : 'No access key was stored in VS Code SecretStorage.');
      return Boolean(had);
    }),
  );
}
