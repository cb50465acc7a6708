/** The chain users expect, in the @alicloud/credentials default order, after the editor's own sources. */
import { ProfileDelegate, cliProfileRegion, cliProfileSource } from './cliProfile';
import { CredentialChain, CredentialEnvironment, CredentialSource, environmentSource, processEnvironment } from './credentials';
import { iniCredentialsSource } from './iniCredentials';
import {
  credentialsUriSource, ecsRamRoleSource, libraryCliProfileDelegate, libraryIniDelegate, oidcSource,
} from './sdkCredentialSources';

/** Options of the default chain; everything but `injected` and `profile` is for tests. */
export interface DefaultChainOptions {
  /** Tried first, in order (the editor adds its SecretStorage source here). */
  readonly injected?: readonly CredentialSource[];
  /** The apigwLogs.profile setting. */
  readonly profile?: string;
  readonly environment?: CredentialEnvironment;
  /** Include the @alicloud/credentials sources (OIDC, ECS RAM role, URI, STS profile modes); default true. */
  readonly librarySources?: boolean;
  readonly cliDelegate?: ProfileDelegate;
  readonly iniDelegate?: ProfileDelegate;
}

/**
 * injected → env → OIDC → CLI profile → ~/.alibabacloud/credentials → ECS RAM role → credentials URI.
 * OIDC, ECS and URI join only when their environment variables are set.
 */
export function defaultCredentialChain(options: DefaultChainOptions = {}): CredentialChain {
  const environment = options.environment ?? processEnvironment();
  const useLibrary = options.librarySources ?? true;
  const cliDelegate = options.cliDelegate ?? (useLibrary ? libraryCliProfileDelegate : undefined);
  const iniDelegate = options.iniDelegate ?? (useLibrary ? libraryIniDelegate : undefined);
  const candidates: (CredentialSource | undefined)[] = [
    ...(options.injected ?? []),
    environmentSource(environment.env),
    useLibrary ? oidcSource(environment.env) : undefined,
    cliProfileSource({ environment, profile: options.profile, delegate: cliDelegate }),
    iniCredentialsSource({ environment, profile: options.profile, delegate: iniDelegate }),
    useLibrary ? ecsRamRoleSource(environment.env) : undefined,
    useLibrary ? credentialsUriSource(environment.env) : undefined,
  ];
  return new CredentialChain(candidates.filter((s): s is CredentialSource => s !== undefined));
}

/** The default region: the selected CLI profile's region_id, else undefined. */
export function defaultRegionFromProfile(profile?: string, environment: CredentialEnvironment = processEnvironment()):
  Promise<string | undefined> {
  return cliProfileRegion({ environment, profile });
}
