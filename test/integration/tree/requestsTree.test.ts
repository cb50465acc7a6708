import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RequestsTreeTestApi } from '../../../src/tree/testApi';
import { closeAllEditors, findSamples, saveScreenshot, writeScratchFile } from '../helpers';
import { countBy, failed, groupCounts, openAsText, readJsonLines, refreshedUntil, total, treeApi, type SampleRecord } from './treeHelpers';

describe('requests tree', function () {
  this.timeout(60_000);
  let api: RequestsTreeTestApi;
  let sample: vscode.Uri;
  let records: SampleRecord[];

  before(async () => {
    api = await treeApi();
    [sample] = await findSamples('**/access.apigw.log');
    records = readJsonLines(sample.fsPath);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('apigwLogs.requests.clearFilter');
    await vscode.commands.executeCommand('apigwLogs.requests.groupBy', 'api-status');
    await vscode.commands.executeCommand('apigwLogs.requests.sortBy', 'count');
  });

  after(closeAllEditors);

  it('follows the active access log and groups its requests by API, then status, most requests first', async () => {
    await openAsText(sample);
    const tree = await api.getTreeSnapshot(2);
    assert.equal(api.currentLog()?.file, sample.fsPath);
    assert.deepEqual(groupCounts(tree), countBy(records, 'apiName'));
    assert.equal(total(tree), records.length);
    const counts = tree.map((n) => n.count!);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'descending counts');
    for (const api of tree) {
      assert.equal(total(api.children ?? []), api.count, `statuses of ${api.label} add up`);
      const expected = countBy(records.filter((r) => r.fields.apiName === api.value), 'statusCode');
      assert.deepEqual(groupCounts(api.children ?? []), expected);
    }
    assert.match(tree[0].description, /^\d+ · p95 /);
    assert.match(api.viewDescription() ?? '', /access\.apigw\.log/);
  });

  it('gives status classes their own theme colours', async () => {
    await openAsText(sample);
    await vscode.commands.executeCommand('apigwLogs.requests.groupBy', 'status-api');
    const tree = await api.getTreeSnapshot(1);
    const colorOf = (status: string) => tree.find((n) => n.value === status)?.color;
    assert.equal(colorOf('200'), 'testing.iconPassed');
    assert.equal(colorOf('404'), 'editorWarning.foreground');
    assert.equal(tree.find((n) => n.value === '404')?.label, '404 Not Found');
    assert.deepEqual(groupCounts(tree), countBy(records, 'statusCode'));
  });

  it('filters with the query language and shows the filter in the view description', async () => {
    await openAsText(sample);
    await vscode.commands.executeCommand('apigwLogs.requests.filter', 'statusCode:404 or statusCode:429');
    const tree = await api.getTreeSnapshot(2);
    const expected = records.filter((r) => r.fields.statusCode === '404' || r.fields.statusCode === '429');
    assert.ok(expected.length > 0);
    assert.equal(total(tree), expected.length);
    const statuses = new Set(tree.flatMap((n) => (n.children ?? []).map((c) => c.value)));
    assert.deepEqual([...statuses].sort(), ['404', '429'].filter((s) => expected.some((r) => r.fields.statusCode === s)));
    assert.match(api.viewDescription() ?? '', /filter: statusCode:404 or statusCode:429/);
    assert.equal(api.viewMessage(), `${expected.length} of ${records.length} requests · filter: statusCode:404 or statusCode:429`);
  });

  it('refuses an invalid filter, naming the position of the error', async () => {
    await openAsText(sample);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('apigwLogs.requests.filter', 'statusCode:404 and (')),
      /Column \d+/,
    );
    assert.equal(total(await api.getTreeSnapshot(1)), records.length, 'the tree is unchanged');
  });

  it('shows only failed requests with the toggle, and all again after clear', async () => {
    await openAsText(sample);
    await vscode.commands.executeCommand('apigwLogs.requests.failuresOnly');
    const failures = await api.getTreeSnapshot(2);
    assert.equal(total(failures), records.filter(failed).length);
    assert.match(api.viewDescription() ?? '', /failures only/);
    await vscode.commands.executeCommand('apigwLogs.requests.clearFilter');
    assert.equal(total(await api.getTreeSnapshot(1)), records.length);
    assert.doesNotMatch(api.viewDescription() ?? '', /failures only/);
  });

  it('regroups by error code → API and sorts by name', async () => {
    await openAsText(sample);
    await vscode.commands.executeCommand('apigwLogs.requests.groupBy', 'errorCode-api');
    await vscode.commands.executeCommand('apigwLogs.requests.sortBy', 'name');
    const tree = await api.getTreeSnapshot(2);
    assert.deepEqual(groupCounts(tree), countBy(records, 'errorCode'));
    const named = tree.map((n) => n.value!).filter((v) => v !== '');
    assert.deepEqual(named, [...named].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' })));
    assert.equal(tree.at(-1)?.value, '', 'missing values last');
    assert.equal(tree[0].children?.[0].column, 'apiName');
  });

  it('shows a request line in the text editor when its node is clicked', async () => {
    await openAsText(sample);
    const tree = await api.getTreeSnapshot(3);
    const request = tree[0].children![0].children!.find((n) => n.kind === 'request')!;
    const expected = records.find((r) => r.fields.requestId === request.requestId)!;
    assert.equal(request.line, expected.line);
    assert.equal(await api.openRequest(request.id), 'text');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, sample.fsPath);
    assert.equal(editor.selection.active.line, expected.line - 1);
  });

  it('reveals a request ID (hover link) in the tree and its line in the editor', async () => {
    await openAsText(sample);
    const target = records[records.length - 3];
    const result = await api.revealRequest(target.fields.requestId);
    assert.equal(result.shownIn, 'text');
    assert.ok(result.nodeId, 'a node was revealed');
    assert.deepEqual(api.selection(), [result.nodeId]);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, target.line - 1);
  });

  it('reveals a request ID found in another open log, switching the tree to it', async () => {
    const lines = fs.readFileSync(sample.fsPath, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const other = JSON.stringify({ ...(JSON.parse(lines[5]) as Record<string, unknown>), requestId: 'OTHER-LOG-REQUEST-0001' });
    const scratch = writeScratchFile('other.apigw.log', `${lines[0]}\n${lines[1]}\n${other}\n`);
    await openAsText(scratch);
    await openAsText(sample);
    await api.whenIdle();
    assert.equal(api.currentLog()?.file, sample.fsPath);
    const result = await api.revealRequest('OTHER-LOG-REQUEST-0001');
    assert.equal(result.file, scratch.fsPath);
    assert.equal(result.shownIn, 'text');
    assert.ok(result.nodeId);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, scratch.fsPath);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 2);
  });

  it('acts on the selected request: show timing, copy its ID', async () => {
    await openAsText(sample);
    const target = records.find((r) => r.fields.frontRequestStart)!;
    const { nodeId } = await api.revealRequest(target.fields.requestId);
    assert.deepEqual(api.selection(), [nodeId]);
    await vscode.commands.executeCommand('apigwLogs.requests.showTiming');
    const timing = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'apigw-timing');
    assert.ok(timing, 'a timing document is shown');
    assert.match(timing.document.getText(), new RegExp(`Timing of request \\S*${target.fields.requestId}`));
    assert.match(timing.document.getText(), /Total: \d/);
    await vscode.commands.executeCommand('apigwLogs.requests.copyRequestId');
    assert.equal(await vscode.env.clipboard.readText(), target.fields.requestId);
  });

  it('follows a log open in the log explorer and shows requests there', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('vscode.openWith', sample, 'apigwLogs.explorer');
    const tree = await api.getTreeSnapshot(3);
    assert.equal(api.currentLog()?.file, sample.fsPath);
    const request = tree[0].children![0].children!.find((n) => n.kind === 'request')!;
    assert.equal(await api.openRequest(request.id), 'explorer');
    assert.equal(vscode.window.activeTextEditor, undefined, 'no text editor was opened');
  });

  it('refreshes when the file grows', async () => {
    const lines = fs.readFileSync(sample.fsPath, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const scratch = writeScratchFile('growing.apigw.log', `${lines.slice(0, 10).join('\n')}\n`);
    await vscode.commands.executeCommand('apigwLogs.requests.showFile', scratch);
    const before = await api.getTreeSnapshot(1);
    assert.equal(total(before), 10, `the tree shows ${before.map((n) => `${n.label} ${n.description}`).join('; ')}`);
    fs.appendFileSync(scratch.fsPath, `${lines.slice(10, 25).join('\n')}\n`);
    await refreshedUntil(api, async () => total(await api.getTreeSnapshot(1)) === 25, 'the tree to count 25 requests');
    assert.equal(api.currentLog()?.file, scratch.fsPath);
  });

  it('pages a large group: 100 requests, then "show more"', async () => {
    const [first] = fs.readFileSync(sample.fsPath, 'utf8').split('\n');
    const record = JSON.parse(first) as Record<string, unknown>;
    const many = Array.from({ length: 250 }, (_, i) => JSON.stringify({ ...record, requestId: `PAGED-${String(i).padStart(4, '0')}` }));
    const scratch = writeScratchFile('paged.apigw.log', `${many.join('\n')}\n`);
    await vscode.commands.executeCommand('apigwLogs.requests.showFile', scratch);
    const [apiGroup] = await api.getTreeSnapshot(3);
    const requests = apiGroup.children![0].children!;
    assert.equal(requests.filter((n) => n.kind === 'request').length, 100);
    const more = requests.at(-1)!;
    assert.equal(more.kind, 'more');
    assert.match(more.label, /Show 100 more/);
    await api.showMore(more.id);
    const [after] = await api.getTreeSnapshot(3);
    assert.equal(after.children![0].children!.filter((n) => n.kind === 'request').length, 200);
  });

  it('lets go of a log when its last editor closes, showing the welcome view', async () => {
    await closeAllEditors();
    await openAsText(sample);
    await api.whenIdle();
    assert.equal(api.currentLog()?.file, sample.fsPath, 'an opened log replaces one chosen by "Show Requests of File"');
    await closeAllEditors();
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ');
    await refreshedUntil(api, async () => api.currentLog() === undefined, 'the tree to let go of the log')
      .catch((e: Error) => assert.fail(`${e.message}; log ${JSON.stringify(api.currentLog())}; tabs [${tabs()}]`));
    assert.deepEqual(await api.getTreeSnapshot(1), []);
  });

  it('opens the shipped sample from the welcome view', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('apigwLogs.requests.openSample');
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/media\/tree\/sample\.apigw\.log$/);
    const shipped = readJsonLines(vscode.window.activeTextEditor!.document.uri.fsPath);
    assert.equal(total(await api.getTreeSnapshot(1)), shipped.length);
    assert.match(api.currentLog()?.file ?? '', /sample\.apigw\.log$/);
  });

  it('looks right (screenshots)', async () => {
    await openAsText(sample);
    await vscode.commands.executeCommand('apigwLogs.requests.focus');
    const [first] = await api.getTreeSnapshot(3);
    const request = first.children![0].children!.find((n) => n.kind === 'request')!;
    const { nodeId } = await api.revealRequest(request.requestId!);
    assert.deepEqual(api.selection(), [nodeId]);
    const file = await saveScreenshot('requests-tree');
    if (file) assert.ok(fs.statSync(file).size > 10_000, 'a real screenshot');
    await vscode.commands.executeCommand('apigwLogs.requests.groupBy', 'status-api');
    await vscode.commands.executeCommand('apigwLogs.requests.failuresOnly');
    const failures = await api.getTreeSnapshot(2);
    assert.match(api.viewMessage() ?? '', new RegExp(`^${total(failures)} of ${records.length} requests · failures only$`));
    // VS Code forwards TreeView.message to the workbench after a 200 ms debounce, with no event to await:
    // the runner waits until the view shows it.
    await saveScreenshot('requests-tree-failures', { selector: '.tree-explorer-viewlet-tree-view > .message:not(.hide)', text: 'failures only' });
  });
});
