/** The key pair the user stored with "Set Access Key", kept in VS Code's SecretStorage (the OS keychain). */
import * as vscode from 'vscode';
import type { CredentialSource } from '../cloud/credentials';
import type { SigningKey } from '../cloud/signer';

const SECRET_KEY = 'apigwLogs.accessKey';

/** The name shown for this source. */
export const SECRET_STORAGE_SOURCE = 'VS Code SecretStorage ("Set Access Key")';

/** Reads, writes and forgets the stored key pair. */
export class AccessKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored key pair, if any (a damaged entry counts as none). */
  async read(): Promise<SigningKey | undefined> {
    const text = await this.secrets.get(SECRET_KEY);
    if (!text) return undefined;
    try {
      const value = JSON.parse(text) as Partial<SigningKey>;
      if (typeof value.accessKeyId !== 'string' || typeof value.accessKeySecret !== 'string') return undefined;
      const token = typeof value.securityToken === 'string' && value.securityToken !== '' ? value.securityToken : undefined;
      return { accessKeyId: value.accessKeyId, accessKeySecret: value.accessKeySecret, securityToken: token };
    } catch {
      return undefined;
    }
  }

  /** Stores a key pair, replacing any earlier one. */
  async write(key: SigningKey): Promise<void> {
    await this.secrets.store(SECRET_KEY, JSON.stringify(key));
  }

  /** Removes the stored key pair. */
  async forget(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }

  /** This store as the first source of the credential chain. */
  asSource(): CredentialSource {
    return {
      name: SECRET_STORAGE_SOURCE,
      get: async () => {
        const key = await this.read();
        return key ? { ...key, sourceName: SECRET_STORAGE_SOURCE } : undefined;
      },
    };
  }
}
