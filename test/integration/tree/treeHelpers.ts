/** Helpers of the requests tree's integration tests: the extension's test API and an oracle over the sample's records. */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RequestsTreeTestApi, TreeNodeSnapshot } from '../../../src/tree/testApi';
import { getExtension } from '../helpers';

/** The tree's test API, exported by the extension as `requestsTree`. */
export async function treeApi(): Promise<RequestsTreeTestApi> {
  const exports = (await getExtension().activate()) as { requestsTree?: RequestsTreeTestApi };
  if (!exports.requestsTree) throw new Error('the extension does not export requestsTree');
  return exports.requestsTree;
}

/** One record of a JSON-lines sample, with its 1-based line. */
export interface SampleRecord {
  readonly line: number;
  readonly fields: Record<string, string>;
}

/** The records of a JSON-lines file, parsed here independently of the extension. */
export function readJsonLines(file: string): SampleRecord[] {
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((text, i) => {
    if (text.trim() === '') return [];
    return [{ line: i + 1, fields: JSON.parse(text) as Record<string, string> }];
  });
}

/** True when a record failed: status >= 400 or an error code other than empty/OK. */
export function failed(record: SampleRecord): boolean {
  const code = record.fields.errorCode ?? '';
  return Number(record.fields.statusCode) >= 400 || (code !== '' && code.toUpperCase() !== 'OK');
}

/** Count of records per value of a field. */
export function countBy(records: readonly SampleRecord[], field: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.fields[field] ?? '', (counts.get(r.fields[field] ?? '') ?? 0) + 1);
  return counts;
}

/** Top-level groups of a snapshot as value → count. */
export function groupCounts(nodes: readonly TreeNodeSnapshot[]): Map<string, number> {
  return new Map(nodes.filter((n) => n.kind === 'group').map((n) => [n.value!, n.count!]));
}

/** Sum of the counts of the groups among nodes. */
export function total(nodes: readonly TreeNodeSnapshot[]): number {
  return nodes.filter((n) => n.kind === 'group').reduce((sum, n) => sum + (n.count ?? 0), 0);
}

/** Resolves after the tree's next refresh that satisfies check() (checked on each refresh, and once at once). */
export async function refreshedUntil(api: RequestsTreeTestApi, check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  if (await check()) return;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const sub = api.onDidRefresh(() => {
      void check().then((ok) => ok && finish(), (e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
    });
    function finish(error?: Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sub.dispose();
      if (error) reject(error);
      else resolve();
    }
  });
}

/** Opens a file as text in the active editor. */
export async function openAsText(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}
