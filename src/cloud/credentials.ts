/** The credential chain: sources tried in order until one has a key; which source won is shown, never the key. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { SigningKey } from './signer';
import { CloudError, noCredentialsError } from './errors';

/** A usable key pair (with STS token when temporary) and the name of the source it came from. */
export interface Credentials extends SigningKey {
  /** Human-readable source, e.g. "environment variables"; never contains the key. */
  readonly sourceName: string;
}

/** One place credentials may come from. `get` resolves undefined when the source has nothing configured. */
export interface CredentialSource {
  readonly name: string;
  get(): Promise<Credentials | undefined>;
}

/** Thrown by a source that is configured but unusable; its message must hold no secret. */
export class CredentialSourceError extends Error {
  override readonly name = 'CredentialSourceError';
}

/** Where the file-based sources look; injectable for tests. */
export interface CredentialEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** Reads a UTF-8 file; resolves undefined when it does not exist. */
  readonly readText: (path: string) => Promise<string | undefined>;
}

/** Reads a file, or undefined when it is missing. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'ENOTDIR') return undefined;
    throw new CredentialSourceError(`${path} could not be read (${(error as { code?: string }).code ?? 'error'}).`);
  }
}

/** The real process environment and home directory. */
export function processEnvironment(): CredentialEnvironment {
  return { env: process.env, homeDir: homedir(), readText: readTextIfExists };
}

/** A value that is set and not blank. */
export function present(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / ALIBABA_CLOUD_SECURITY_TOKEN. */
export function environmentSource(env: CredentialEnvironment['env']): CredentialSource {
  const name = 'environment variables (ALIBABA_CLOUD_ACCESS_KEY_ID)';
  return {
    name,
    async get() {
      const id = env['ALIBABA_CLOUD_ACCESS_KEY_ID'];
      const secret = env['ALIBABA_CLOUD_ACCESS_KEY_SECRET'];
      if (!present(id) && !present(secret)) return undefined;
      if (!present(id) || !present(secret)) {
        throw new CredentialSourceError('ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET must both be set.');
      }
      const token = env['ALIBABA_CLOUD_SECURITY_TOKEN'];
      return { accessKeyId: id.trim(), accessKeySecret: secret.trim(), securityToken: present(token) ? token.trim() : undefined, sourceName: name };
    },
  };
}

/** A source that always answers with the given key (for tests and fixed configurations). */
export function staticSource(name: string, key: SigningKey): CredentialSource {
  return { name, get: async () => ({ ...key, sourceName: name }) };
}

/** Tries sources in order; remembers which one answered. */
export class CredentialChain {
  private lastSourceName: string | undefined;

  constructor(private readonly sources: readonly CredentialSource[]) {}

  /** The source names in the order they are tried. */
  get sourceNames(): string[] {
    return this.sources.map((s) => s.name);
  }

  /** The first credentials found; rejects with a 'noCredentials' CloudError naming what was tried and what failed. */
  async resolve(): Promise<Credentials> {
    const problems: string[] = [];
    for (const source of this.sources) {
      try {
        const found = await source.get();
        if (found) {
          this.lastSourceName = found.sourceName;
          return found;
        }
      } catch (error) {
        problems.push(`${source.name}: ${error instanceof CredentialSourceError ? error.message : 'failed to load credentials'}`);
      }
    }
    this.lastSourceName = undefined;
    throw withProblems(noCredentialsError(this.sourceNames), problems);
  }

  /** Which source supplies credentials right now ("none" when none does); never the key itself. */
  async describeSource(): Promise<string> {
    try {
      return (await this.resolve()).sourceName;
    } catch {
      return 'none';
    }
  }

  /** The source that answered the last resolve(), if any. */
  get lastSource(): string | undefined {
    return this.lastSourceName;
  }
}

function withProblems(error: CloudError, problems: string[]): CloudError {
  if (problems.length === 0) return error;
  return new CloudError(error.kind, `${error.message} Problems: ${problems.join('; ')}`, { hint: error.hint });
}
