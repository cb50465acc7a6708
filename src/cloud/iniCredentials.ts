/** The shared credentials file ~/.alibabacloud/credentials (INI): access_key read here, other types delegated. */
import { join } from 'node:path';
import type { ProfileDelegate } from './cliProfile';
import { CredentialEnvironment, CredentialSource, CredentialSourceError, present } from './credentials';

/** Options of the INI credentials source. */
export interface IniCredentialsOptions {
  readonly environment: CredentialEnvironment;
  /** The apigwLogs.profile setting; wins over ALIBABA_CLOUD_PROFILE, then "default". */
  readonly profile?: string;
  readonly delegate?: ProfileDelegate;
}

/** Parses INI text into sections of key → value (comments with ; or #, values trimmed, quotes removed). */
export function parseIni(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = sections[header[1]!.trim()] ??= {};
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || !current) continue;
    const value = line.slice(eq + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    current[line.slice(0, eq).trim()] = value;
  }
  return sections;
}

/** The credentials file path: ALIBABA_CLOUD_CREDENTIALS_FILE, else ~/.alibabacloud/credentials. */
export function iniCredentialsPath(environment: CredentialEnvironment): string {
  const override = environment.env['ALIBABA_CLOUD_CREDENTIALS_FILE'];
  return present(override) ? override : join(environment.homeDir, '.alibabacloud', 'credentials');
}

/** The INI source: type access_key read directly; ecs_ram_role and ram_role_arn through `delegate`. */
export function iniCredentialsSource(options: IniCredentialsOptions): CredentialSource {
  return {
    name: 'credentials file (~/.alibabacloud/credentials)',
    async get() {
      const text = await options.environment.readText(iniCredentialsPath(options.environment));
      if (text === undefined) return undefined;
      const fromEnv = options.environment.env['ALIBABA_CLOUD_PROFILE'];
      const name = present(options.profile) ? options.profile.trim() : present(fromEnv) ? fromEnv.trim() : 'default';
      const section = parseIni(text)[name];
      if (!section) return undefined;
      const type = section['type'] ?? 'access_key';
      const sourceName = `credentials file [${name}] (${type})`;
      if (type === 'access_key') {
        const id = section['access_key_id'];
        const secret = section['access_key_secret'];
        return present(id) && present(secret) ? { accessKeyId: id, accessKeySecret: secret, sourceName } : undefined;
      }
      const delegated = options.delegate?.(name, type);
      if (!delegated) throw new CredentialSourceError(`section [${name}] has type ${type}, which is not supported here.`);
      const found = await delegated.get();
      return found ? { ...found, sourceName } : undefined;
    },
  };
}
