/**
 * Sources served by @alicloud/credentials: OIDC role, ECS RAM role, credentials URI, and the CLI/INI profile modes
 * that need an STS exchange (RamRoleArn, EcsRamRole, CloudSSO…). Loaded lazily; their errors are never quoted,
 * since the library's messages can include file contents.
 */
import type { ProfileDelegate } from './cliProfile';
import { CredentialEnvironment, CredentialSource, CredentialSourceError, present } from './credentials';

const importLibrary = () => import('@alicloud/credentials');
type CredentialsLibrary = Awaited<ReturnType<typeof importLibrary>>;

/** What every provider of the library offers. */
interface LibraryProvider {
  getCredentials(): Promise<{ accessKeyId: string; accessKeySecret: string; securityToken?: string }>;
}

let library: Promise<CredentialsLibrary> | undefined;

function loadLibrary(): Promise<CredentialsLibrary> {
  library ??= importLibrary();
  return library;
}

/** Wraps a library provider (built on first use and kept, so session tokens are cached and refreshed). */
export function libraryProviderSource(name: string, build: (lib: CredentialsLibrary) => LibraryProvider): CredentialSource {
  let provider: LibraryProvider | undefined;
  return {
    name,
    async get() {
      let found: Awaited<ReturnType<LibraryProvider['getCredentials']>>;
      try {
        provider ??= build(await loadLibrary());
        found = await provider.getCredentials();
      } catch {
        throw new CredentialSourceError('could not obtain credentials (check its configuration).');
      }
      if (!present(found.accessKeyId) || !present(found.accessKeySecret)) return undefined;
      const securityToken = present(found.securityToken) ? found.securityToken : undefined;
      return { accessKeyId: found.accessKeyId, accessKeySecret: found.accessKeySecret, securityToken, sourceName: name };
    },
  };
}

/** OIDC role (ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN, _OIDC_TOKEN_FILE); undefined when not configured. */
export function oidcSource(env: CredentialEnvironment['env']): CredentialSource | undefined {
  const roleArn = env['ALIBABA_CLOUD_ROLE_ARN'];
  const providerArn = env['ALIBABA_CLOUD_OIDC_PROVIDER_ARN'];
  const tokenFile = env['ALIBABA_CLOUD_OIDC_TOKEN_FILE'];
  if (!present(roleArn) || !present(providerArn) || !present(tokenFile)) return undefined;
  return libraryProviderSource('OIDC role (ALIBABA_CLOUD_ROLE_ARN)', (lib) => lib.OIDCRoleArnCredentialsProvider.builder()
    .withRoleArn(roleArn).withOIDCProviderArn(providerArn).withOIDCTokenFilePath(tokenFile).build());
}

/**
 * ECS RAM role from the instance metadata service, only when ALIBABA_CLOUD_ECS_METADATA names the role: probing
 * 100.100.100.200 on every developer machine would add a connect timeout to each "no credentials" answer.
 */
export function ecsRamRoleSource(env: CredentialEnvironment['env']): CredentialSource | undefined {
  const roleName = env['ALIBABA_CLOUD_ECS_METADATA'];
  if (!present(roleName) || env['ALIBABA_CLOUD_ECS_METADATA_DISABLED']?.toLowerCase() === 'true') return undefined;
  return libraryProviderSource(`ECS RAM role "${roleName}"`, (lib) => lib.ECSRAMRoleCredentialsProvider.builder()
    .withRoleName(roleName).withAsyncCredentialUpdateEnabled(false).build());
}

/** ALIBABA_CLOUD_CREDENTIALS_URI; undefined when not set. */
export function credentialsUriSource(env: CredentialEnvironment['env']): CredentialSource | undefined {
  const uri = env['ALIBABA_CLOUD_CREDENTIALS_URI'];
  if (!present(uri)) return undefined;
  return libraryProviderSource('credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)',
    (lib) => lib.URICredentialsProvider.builder().withCredentialsURI(uri).build());
}

/** CLI profiles in modes other than AK/StsToken, through the library (which reads ~/.aliyun/config.json itself). */
export const libraryCliProfileDelegate: ProfileDelegate = (profileName, mode) =>
  libraryProviderSource(`aliyun CLI profile "${profileName}" (${mode})`,
    (lib) => lib.CLIProfileCredentialsProvider.builder().withProfileName(profileName).build());

/** INI sections of type ecs_ram_role / ram_role_arn, through the library. */
export const libraryIniDelegate: ProfileDelegate = (profileName, type) =>
  libraryProviderSource(`credentials file [${profileName}] (${type})`,
    (lib) => lib.ProfileCredentialsProvider.builder().withProfileName(profileName).build());
