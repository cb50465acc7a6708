import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileDelegate } from '../../../src/cloud/cliProfile';
import { CredentialEnvironment, readTextIfExists, staticSource } from '../../../src/cloud/credentials';
import { defaultCredentialChain, defaultRegionFromProfile } from '../../../src/cloud/defaultChain';
import { parseIni } from '../../../src/cloud/iniCredentials';
import { cloudFailure, everythingShown } from '../../support/cloudAssert';

const SECRETS = ['cliSecret-AAAA-1111', 'stsSecret-BBBB-2222', 'stsToken-CCCC-3333', 'iniSecret-DDDD-4444', 'envSecret-EEEE-5555'];

const CLI_CONFIG = {
  current: 'dev',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: '', access_key_secret: '', region_id: 'cn-hangzhou' },
    { name: 'dev', mode: 'AK', access_key_id: 'LTAIcliKeyId', access_key_secret: SECRETS[0], region_id: 'cn-shanghai' },
    { name: 'sts', mode: 'StsToken', access_key_id: 'STS.key', access_key_secret: SECRETS[1], sts_token: SECRETS[2], region_id: 'ap-southeast-1' },
    { name: 'role', mode: 'RamRoleArn', access_key_id: 'LTAIroleKey', access_key_secret: 'x', ram_role_arn: 'acs:ram::1:role/r' },
  ],
};
const INI = `; shared credentials\n[default]\ntype = access_key\naccess_key_id = LTAIiniKeyId\naccess_key_secret = "${SECRETS[3]}"\n\n` +
  `[assumed]\ntype = ram_role_arn\naccess_key_id = a\naccess_key_secret = b\nrole_arn = acs:ram::1:role/r\n`;

describe('cloud/credentials chain', () => {
  let home: string;

  beforeEach(async () => { home = await mkdtemp(join(tmpdir(), 'apigw-cred-')); });
  afterEach(async () => rm(home, { recursive: true, force: true }));

  const environment = (env: Record<string, string> = {}): CredentialEnvironment => ({ env, homeDir: home, readText: readTextIfExists });
  const writeCli = async (config: unknown | string): Promise<void> => {
    await mkdir(join(home, '.aliyun'), { recursive: true });
    await writeFile(join(home, '.aliyun', 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  };
  const writeIni = async (text = INI): Promise<void> => {
    await mkdir(join(home, '.alibabacloud'), { recursive: true });
    await writeFile(join(home, '.alibabacloud', 'credentials'), text);
  };
  const chain = (env: Record<string, string> = {}, extra: Parameters<typeof defaultCredentialChain>[0] = {}) =>
    defaultCredentialChain({ environment: environment(env), librarySources: false, ...extra });

  it('finds nothing in an empty home and says where it looked', async () => {
    const error = await cloudFailure(() => chain().resolve());
    assert.equal(error.kind, 'noCredentials');
    assert.match(error.message, /environment variables.*config\.json.*credentials file/s);
    assert.match(error.hint, /Set Access Key/);
    assert.equal(await chain().describeSource(), 'none');
  });

  it('reads the environment variables, with an STS token', async () => {
    const found = await chain({ ALIBABA_CLOUD_ACCESS_KEY_ID: ' LTAIenv ', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS[4]!,
      ALIBABA_CLOUD_SECURITY_TOKEN: 'tok' }).resolve();
    assert.deepEqual(found, { accessKeyId: 'LTAIenv', accessKeySecret: SECRETS[4], securityToken: 'tok',
      sourceName: 'environment variables (ALIBABA_CLOUD_ACCESS_KEY_ID)' });
  });

  it('reports a half-set environment and falls through to the next source', async () => {
    await writeIni();
    const c = chain({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv' });
    assert.equal((await c.resolve()).accessKeyId, 'LTAIiniKeyId');
    await rm(join(home, '.alibabacloud'), { recursive: true });
    const error = await cloudFailure(() => c.resolve());
    assert.match(error.message, /must both be set/);
  });

  it('uses the CLI config\'s current profile, ALIBABA_CLOUD_PROFILE, or the profile setting, and exposes region_id', async () => {
    await writeCli(CLI_CONFIG);
    const current = await chain().resolve();
    assert.equal(current.accessKeyId, 'LTAIcliKeyId');
    assert.equal(current.securityToken, undefined);
    assert.equal(current.sourceName, 'aliyun CLI profile "dev" (AK)');
    const sts = await chain({ ALIBABA_CLOUD_PROFILE: 'sts' }).resolve();
    assert.deepEqual([sts.accessKeyId, sts.securityToken], ['STS.key', SECRETS[2]]);
    assert.equal((await chain({ ALIBABA_CLOUD_PROFILE: 'sts' }, { profile: 'dev' }).resolve()).accessKeyId, 'LTAIcliKeyId');
    assert.equal(await defaultRegionFromProfile(undefined, environment()), 'cn-shanghai');
    assert.equal(await defaultRegionFromProfile('sts', environment()), 'ap-southeast-1');
    assert.equal(await defaultRegionFromProfile('missing', environment()), undefined);
  });

  it('skips a profile with empty keys and reports a missing named profile', async () => {
    await writeCli({ ...CLI_CONFIG, current: 'default' });
    await assert.rejects(chain().resolve(), /No Alibaba Cloud credentials/);
    const error = await cloudFailure(() => chain({}, { profile: 'nope' }).resolve());
    assert.match(error.message, /profile "nope" is not in/);
  });

  it('delegates other CLI modes and INI types, and reports them when no delegate is available', async () => {
    await writeCli({ ...CLI_CONFIG, current: 'role' });
    const calls: string[] = [];
    const delegate: ProfileDelegate = (name, mode) => {
      calls.push(`${name}/${mode}`);
      return staticSource('fake', { accessKeyId: 'STS.assumed', accessKeySecret: 's', securityToken: 't' });
    };
    const found = await chain({}, { cliDelegate: delegate }).resolve();
    assert.deepEqual([found.accessKeyId, found.sourceName], ['STS.assumed', 'aliyun CLI profile "role" (RamRoleArn)']);
    assert.match((await cloudFailure(() => chain().resolve())).message, /mode RamRoleArn, which is not supported/);
    await rm(join(home, '.aliyun'), { recursive: true });
    await writeIni();
    const ini = await chain({}, { profile: 'assumed', iniDelegate: delegate }).resolve();
    assert.equal(ini.sourceName, 'credentials file [assumed] (ram_role_arn)');
    assert.deepEqual(calls, ['role/RamRoleArn', 'assumed/ram_role_arn']);
  });

  it('reads ~/.alibabacloud/credentials, or the file ALIBABA_CLOUD_CREDENTIALS_FILE names', async () => {
    await writeIni();
    const found = await chain().resolve();
    assert.deepEqual(found, { accessKeyId: 'LTAIiniKeyId', accessKeySecret: SECRETS[3], sourceName: 'credentials file [default] (access_key)' });
    const other = join(home, 'other.ini');
    await writeFile(other, '[default]\naccess_key_id = LTAIother\naccess_key_secret = zzzzzz\n');
    assert.equal((await chain({ ALIBABA_CLOUD_CREDENTIALS_FILE: other }).resolve()).accessKeyId, 'LTAIother');
  });

  it('tries sources in order: injected, environment, CLI profile, credentials file', async () => {
    await writeCli(CLI_CONFIG);
    await writeIni();
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRETS[4]! };
    const injected = staticSource('VS Code SecretStorage', { accessKeyId: 'LTAIstored', accessKeySecret: 'stored-secret' });
    assert.equal((await chain(env, { injected: [injected] }).resolve()).accessKeyId, 'LTAIstored');
    assert.equal((await chain(env).resolve()).accessKeyId, 'LTAIenv');
    assert.equal((await chain().resolve()).accessKeyId, 'LTAIcliKeyId');
    assert.equal((await chain({ ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'true' }).resolve()).accessKeyId, 'LTAIiniKeyId');
    const c = chain(env, { injected: [injected] });
    assert.deepEqual(c.sourceNames.slice(0, 2), ['VS Code SecretStorage', 'environment variables (ALIBABA_CLOUD_ACCESS_KEY_ID)']);
    assert.equal(await c.describeSource(), 'VS Code SecretStorage');
    assert.equal(c.lastSource, 'VS Code SecretStorage');
  });

  it('never quotes a broken config file, which holds keys', async () => {
    await writeCli(`{"current":"dev","profiles":[{"name":"dev","access_key_secret":"${SECRETS[0]}"`);
    const error = await cloudFailure(() => chain().resolve());
    assert.match(error.message, /not valid JSON/);
    for (const secret of SECRETS) assert.ok(!everythingShown(error).includes(secret));
  });

  it('runs a library source (credentials URI) and never quotes its failure text', async () => {
    let answer: unknown = { AccessKeyId: 'STS.uri', AccessKeySecret: SECRETS[1], SecurityToken: SECRETS[2], Expiration: '2999-01-01T00:00:00Z' };
    const server = http.createServer((_request, response) => response.end(JSON.stringify(answer)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const found = await defaultCredentialChain({ environment: environment({ ALIBABA_CLOUD_CREDENTIALS_URI: uri }) }).resolve();
      assert.deepEqual([found.accessKeyId, found.securityToken, found.sourceName],
        ['STS.uri', SECRETS[2], 'credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI)']);
      answer = { AccessKeyId: 'STS.uri', AccessKeySecret: SECRETS[1] };
      const error = await cloudFailure(() => defaultCredentialChain({ environment: environment({ ALIBABA_CLOUD_CREDENTIALS_URI: uri }) }).resolve());
      assert.match(error.message, /credentials URI.*could not obtain credentials/);
      for (const secret of SECRETS) assert.ok(!everythingShown(error).includes(secret));
    } finally {
      server.close();
    }
  });

  it('adds OIDC and ECS RAM role sources only when their variables are set', () => {
    const names = (env: Record<string, string>): string[] => defaultCredentialChain({ environment: environment(env) }).sourceNames;
    assert.equal(names({}).length, 3);
    assert.ok(names({ ALIBABA_CLOUD_ROLE_ARN: 'a', ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'b', ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/t' })
      .includes('OIDC role (ALIBABA_CLOUD_ROLE_ARN)'));
    assert.ok(names({ ALIBABA_CLOUD_ECS_METADATA: 'myrole' }).includes('ECS RAM role "myrole"'));
    assert.equal(names({ ALIBABA_CLOUD_ECS_METADATA: 'r', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' }).length, 3);
  });

  it('parses INI with comments, quotes, CRLF and a BOM', () => {
    assert.deepEqual(parseIni('\uFEFF# c\r\n[a]\r\nk = "v"\r\n; x\r\n[ b ]\r\nk2=v2=x\r\norphan\r\n'), { a: { k: 'v' }, b: { k2: 'v2=x' } });
  });
});
