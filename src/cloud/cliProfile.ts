/** The aliyun CLI's ~/.aliyun/config.json: AK and StsToken profiles read here, other modes delegated. */
import { join } from 'node:path';
import { CredentialEnvironment, CredentialSource, CredentialSourceError, Credentials, present } from './credentials';

/** One profile of the CLI config (the fields this extension reads). */
export interface CliProfile {
  readonly name: string;
  readonly mode?: string;
  readonly access_key_id?: string;
  readonly access_key_secret?: string;
  readonly sts_token?: string;
  readonly region_id?: string;
}

/** Builds a source for a profile whose mode this module does not handle (RamRoleArn, EcsRamRole, CloudSSO…). */
export type ProfileDelegate = (profileName: string, mode: string) => CredentialSource | undefined;

/** Options of the CLI profile source. */
export interface CliProfileOptions {
  readonly environment: CredentialEnvironment;
  /** The apigwLogs.profile setting; wins over ALIBABA_CLOUD_PROFILE and the config's `current`. */
  readonly profile?: string;
  readonly delegate?: ProfileDelegate;
}

/** Path of the CLI config in a home directory. */
export function cliConfigPath(homeDir: string): string {
  return join(homeDir, '.aliyun', 'config.json');
}

interface CliConfig {
  readonly current?: string;
  readonly profiles: CliProfile[];
}

async function readCliConfig(environment: CredentialEnvironment): Promise<CliConfig | undefined> {
  const text = await environment.readText(cliConfigPath(environment.homeDir));
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // never quote the content: it holds keys
    throw new CredentialSourceError('~/.aliyun/config.json is not valid JSON.');
  }
  const record = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const profiles = Array.isArray(record['profiles'])
    ? (record['profiles'] as unknown[]).filter((p): p is CliProfile => typeof p === 'object' && p !== null && present((p as CliProfile).name))
    : [];
  return { current: typeof record['current'] === 'string' ? record['current'] : undefined, profiles };
}

/** The profile name in effect: setting, else ALIBABA_CLOUD_PROFILE, else the config's current, else "default". */
export function selectedProfileName(options: CliProfileOptions, current: string | undefined): string {
  if (present(options.profile)) return options.profile.trim();
  const fromEnv = options.environment.env['ALIBABA_CLOUD_PROFILE'];
  if (present(fromEnv)) return fromEnv.trim();
  return present(current) ? current : 'default';
}

/** The selected CLI profile, or undefined when there is no config file. */
export async function findCliProfile(options: CliProfileOptions): Promise<CliProfile | undefined> {
  const config = await readCliConfig(options.environment);
  if (!config) return undefined;
  const name = selectedProfileName(options, config.current);
  const profile = config.profiles.find((p) => p.name === name);
  if (!profile && (present(options.profile) || present(options.environment.env['ALIBABA_CLOUD_PROFILE']))) {
    throw new CredentialSourceError(`profile "${name}" is not in ~/.aliyun/config.json.`);
  }
  return profile;
}

/** The region_id of the selected CLI profile (the default region), if any; never throws. */
export async function cliProfileRegion(options: CliProfileOptions): Promise<string | undefined> {
  try {
    const region = (await findCliProfile(options))?.region_id;
    return present(region) ? region.trim() : undefined;
  } catch {
    return undefined;
  }
}

function keyFromProfile(profile: CliProfile, sourceName: string): Credentials | undefined {
  const mode = profile.mode ?? 'AK';
  if (!present(profile.access_key_id) || !present(profile.access_key_secret)) return undefined;
  if (mode === 'StsToken' && !present(profile.sts_token)) {
    throw new CredentialSourceError(`profile "${profile.name}" is in StsToken mode but has no sts_token.`);
  }
  return {
    accessKeyId: profile.access_key_id.trim(),
    accessKeySecret: profile.access_key_secret.trim(),
    securityToken: mode === 'StsToken' ? profile.sts_token!.trim() : undefined,
    sourceName,
  };
}

/** The CLI profile source: AK and StsToken modes read directly; any other mode through `delegate`. */
export function cliProfileSource(options: CliProfileOptions): CredentialSource {
  return {
    name: 'aliyun CLI profile (~/.aliyun/config.json)',
    async get() {
      const disabled = options.environment.env['ALIBABA_CLOUD_CLI_PROFILE_DISABLED'];
      if (disabled?.toLowerCase() === 'true') return undefined;
      const profile = await findCliProfile(options);
      if (!profile) return undefined;
      const mode = profile.mode ?? 'AK';
      const sourceName = `aliyun CLI profile "${profile.name}" (${mode})`;
      if (mode === 'AK' || mode === 'StsToken') return keyFromProfile(profile, sourceName);
      const delegated = options.delegate?.(profile.name, mode);
      if (!delegated) throw new CredentialSourceError(`profile "${profile.name}" uses mode ${mode}, which is not supported here.`);
      const found = await delegated.get();
      return found ? { ...found, sourceName } : undefined;
    },
  };
}
