/** Settings of fetch-by-ID: region (setting → CLI profile → cn-hangzhou), endpoint, profile, and the editor's proxy. */
import * as vscode from 'vscode';
import { defaultRegionFromProfile } from '../cloud/defaultChain';
import { DEFAULT_REGION, PUBLIC_REGIONS, hostForRegion } from '../cloud/endpoints';
import type { ProxySettings } from '../cloud/proxy';

/** Command id of the region quick pick. */
export const SELECT_REGION_COMMAND = 'apigwLogs.selectRegion';

/** What a fetch needs from the settings. */
export interface FetchSettings {
  readonly region: string;
  /** Where the region came from. */
  readonly regionSource: 'setting' | 'profile' | 'default';
  readonly endpoint?: string;
  readonly profile?: string;
  readonly proxy?: ProxySettings;
  readonly strictSSL: boolean;
  readonly timeoutMs: number;
}

function nonEmpty(value: string | undefined | null): string | undefined {
  return value !== undefined && value !== null && value.trim() !== '' ? value.trim() : undefined;
}

/** http.proxy (else HTTPS_PROXY / HTTP_PROXY), http.proxyAuthorization, http.noProxy and NO_PROXY; none when http.proxySupport is off. */
export function readProxySettings(env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  const http = vscode.workspace.getConfiguration('http');
  if (http.get<string>('proxySupport') === 'off') return undefined;
  const url = nonEmpty(http.get<string>('proxy'))
    ?? nonEmpty(env['HTTPS_PROXY'] ?? env['https_proxy']) ?? nonEmpty(env['HTTP_PROXY'] ?? env['http_proxy']);
  if (!url) return undefined;
  const noProxy = [...(http.get<string[]>('noProxy') ?? []), ...(env['NO_PROXY'] ?? env['no_proxy'] ?? '').split(',')];
  return { url, authorization: nonEmpty(http.get<string | null>('proxyAuthorization')), noProxy: noProxy.filter((e) => e.trim() !== '') };
}

/** Reads the settings for one fetch. */
export async function readFetchSettings(): Promise<FetchSettings> {
  const config = vscode.workspace.getConfiguration('apigwLogs');
  const profile = nonEmpty(config.get<string>('profile'));
  const configured = nonEmpty(config.get<string>('region'));
  const fromProfile = configured ? undefined : await defaultRegionFromProfile(profile);
  const proxy = readProxySettings();
  return {
    region: configured ?? fromProfile ?? DEFAULT_REGION,
    regionSource: configured ? 'setting' : fromProfile ? 'profile' : 'default',
    endpoint: nonEmpty(config.get<string>('endpoint')),
    profile,
    proxy,
    // http.proxyStrictSSL is about proxies (and the certificates they present); without one, always verify.
    strictSSL: proxy ? vscode.workspace.getConfiguration('http').get<boolean>('proxyStrictSSL') ?? true : true,
    timeoutMs: Math.min(300, Math.max(1, config.get<number>('requestTimeoutSeconds') ?? 15)) * 1000,
  };
}

function regionProblem(value: string): string | undefined {
  try {
    hostForRegion(value.trim());
    return undefined;
  } catch {
    return 'A region id looks like cn-hangzhou or ap-southeast-1.';
  }
}

/** Shows the known regions (and "Other…"), then stores the choice in apigwLogs.region; resolves to it. */
export async function selectRegion(): Promise<string | undefined> {
  const current = (await readFetchSettings()).region;
  const other = 'Other region…';
  const items: vscode.QuickPickItem[] = [
    ...PUBLIC_REGIONS.map((region) => ({ label: region, description: region === current ? 'current' : undefined })),
    { label: other, description: 'type a region id' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Region for fetching request logs', placeHolder: current });
  if (!picked) return undefined;
  const region = picked.label === other
    ? await vscode.window.showInputBox({ title: 'Region id', value: current, validateInput: regionProblem })
    : picked.label;
  if (!region) return undefined;
  await vscode.workspace.getConfiguration('apigwLogs').update('region', region.trim(), vscode.ConfigurationTarget.Global);
  return region.trim();
}
