import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, findSamples, getExtension, waitInWorkbench } from '../helpers';
import { dialogs, ExplorerDriver, screenshot } from './driver';

const VIEW_TYPE = 'apigwLogs.explorer';

/** Opens `uri` in the explorer and waits for its first rows; resolves with a driver and the time it took. */
async function openExplorer(uri: vscode.Uri, viewType = VIEW_TYPE): Promise<{ ui: ExplorerDriver; firstRowsMs: number }> {
  const started = Date.now();
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
  const ui = new ExplorerDriver(path.basename(uri.fsPath));
  await ui.wait('.tr[data-row]:not([data-row=""]) .cell', undefined, 30_000);
  return { ui, firstRowsMs: Date.now() - started };
}

async function bodyData(ui: ExplorerDriver, key: string): Promise<string | undefined> {
  return (await ui.eval<string | null>(`document.body.dataset.${key}`)) ?? undefined;
}

/** Waits until the webview's body data attribute `key` satisfies `check`. */
async function waitForData(ui: ExplorerDriver, key: string, check: (v: string | undefined) => boolean, what: string, timeoutMs = 15_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await bodyData(ui, key);
    if (check(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last ${key}=${v})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a query through the query bar and waits for its answer; returns the new total and the time taken. */
async function runQuery(ui: ExplorerDriver, query: string): Promise<{ total: number; ms: number }> {
  const before = await bodyData(ui, 'queryMs');
  await ui.eval(`document.body.dataset.queryMs = ''`);
  await ui.fill('.query-input', query);
  await ui.press('.query-input', 'Enter');
  const ms = await waitForData(ui, 'queryMs', (v) => v !== undefined && v !== '', `query ${query}`);
  void before;
  return { total: Number(await bodyData(ui, 'total')), ms: Number(ms) };
}

function sampleUri(name: string): Promise<vscode.Uri> {
  return findSamples(`**/${name}`).then((u) => u[0]);
}

describe('log explorer (custom editor + webview)', function () {
  this.timeout(120_000);
  let ui: ExplorerDriver;
  let records = 0;

  before(async () => {
    await getExtension().activate();
    await closeAllEditors();
    const opened = await openExplorer(await sampleUri('access.apigw.log'));
    ui = opened.ui;
    records = Number(await waitForData(ui, 'complete', (v) => v === 'true', 'indexing to finish').then(() => bodyData(ui, 'records')));
    console.log(`      first rows of access.apigw.log visible ${opened.firstRowsMs} ms after openWith`);
  });

  after(closeAllEditors);

  it('opens a sample as the default editor of *.apigw.log and shows its rows and histogram', async () => {
    assert.ok(records > 10, `records: ${records}`);
    assert.equal(await bodyData(ui, 'total'), String(records));
    assert.ok((await ui.count('.tr')) > 5);
    assert.ok((await ui.count('.histogram canvas')) > 0, 'histogram drawn');
    assert.equal(await ui.attr('.histogram', 'data-total'), String(records));
    const status = await ui.text('.status-text');
    assert.match(status, new RegExp(`${records.toLocaleString('en-US')} of ${records.toLocaleString('en-US')} requests`));
  });

  it('runs a typed query: fewer rows, the histogram follows, status cells match', async () => {
    const { total, ms } = await runQuery(ui, 'statusCode >= 400');
    console.log(`      query 'statusCode >= 400': ${total} rows, table + histogram in ${ms} ms`);
    assert.ok(total > 0 && total < records, `total ${total} of ${records}`);
    assert.equal(await ui.attr('.histogram', 'data-total'), String(total));
    const statuses = await ui.texts('.tr .cell.status');
    assert.ok(statuses.length > 0);
    for (const s of statuses) assert.ok(Number(s) >= 400, `status ${s}`);
  });

  it('shows a query error at its position', async () => {
    await ui.fill('.query-input', 'statusCode in [500');
    await ui.press('.query-input', 'Enter');
    await ui.wait('.query-error:not([hidden])');
    assert.match(await ui.text('.query-error'), /Column \d+/);
    assert.equal(await ui.count('.query-mirror .error-range'), 1);
  });

  it('completes field names and values', async () => {
    await ui.fill('.query-input', 'apiNa');
    await ui.press('.query-input', 'Control+Space');
    await ui.wait('.completions:not([hidden]) li', 'apiName');
    await ui.press('.query-input', 'Tab');
    const value = await ui.eval<string>(`document.querySelector('.query-input').value`);
    assert.match(value, /^apiName:/);
    await ui.wait('.completions:not([hidden]) li');
    assert.ok((await ui.count('.completions li')) > 0, 'value proposals after field:');
  });

  it('includes a facet value on click and excludes it on Alt+click', async () => {
    await runQuery(ui, '');
    const selector = '.facet[data-column="apiName"] .facet-value';
    const value = await ui.attr(selector, 'data-value');
    const count = Number((await ui.text(`${selector} .facet-count`)).replace(/,/g, ''));
    await ui.eval(`document.body.dataset.queryMs = ''`);
    await ui.click(selector);
    await waitForData(ui, 'queryMs', (v) => v !== '', 'facet query');
    assert.equal(await ui.eval(`document.querySelector('.query-input').value`), `apiName:${value}`);
    assert.equal(Number(await bodyData(ui, 'total')), count);
    await ui.eval(`document.body.dataset.queryMs = ''`);
    await ui.click(`${selector}.included`, ['Alt']);
    await waitForData(ui, 'queryMs', (v) => v !== '', 'exclusion query');
    assert.equal(await ui.eval(`document.querySelector('.query-input').value`), `not apiName:${value}`);
    assert.equal(Number(await bodyData(ui, 'total')), records - count);
    await runQuery(ui, '');
  });

  it('opens a request in the detail panel with its waterfall and decoded fields', async () => {
    await ui.click('.tr[data-position="2"]');
    await ui.wait('.detail:not([hidden]) .detail-id');
    assert.ok((await ui.count('.detail .wf-bar')) > 0, 'waterfall bars');
    const id = await ui.text('.detail dd[data-field="requestId"] .raw');
    assert.match(id, /^[0-9A-F-]{36}$/);
    assert.ok((await ui.count('.detail dd .decoded')) > 3, 'decoded values');
    await ui.press('.table', 'ArrowDown');
    await ui.wait('.tr.selected[data-position="3"]');
  });

  it('jumps from a request to its initial request and copies it as JSON', async () => {
    const lines = fs.readFileSync((await sampleUri('access.apigw.log')).fsPath, 'utf8').split('\n');
    const [initial, called] = [2, 3].map((i) => JSON.parse(lines[i]) as { requestId: string; initialRequestId: string });
    assert.equal(called.initialRequestId, initial.requestId, 'sample: row 3 was called by row 2');
    await vscode.commands.executeCommand('apigwLogs.revealInExplorer', await sampleUri('access.apigw.log'), 3);
    await ui.wait('.detail .detail-id', called.requestId);
    await ui.click('.detail-actions button[aria-label^="Jump to initial request"]');
    await ui.wait('.detail .detail-id', initial.requestId);
    await vscode.env.clipboard.writeText('');
    await ui.click('.detail-actions button[aria-label="Copy as JSON"]');
    const deadline = Date.now() + 5000;
    let copied = '';
    while (!copied && Date.now() < deadline) {
      copied = await vscode.env.clipboard.readText();
      if (!copied) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((JSON.parse(copied) as { requestId: string }).requestId, initial.requestId);
  });

  it('exports the filtered rows as JSON lines to the file picked in the save dialog', async () => {
    const { total } = await runQuery(ui, 'statusCode >= 400');
    const target = path.join(path.dirname((await sampleUri('access.apigw.log')).fsPath), 'access-filtered.jsonl');
    fs.rmSync(target, { force: true });
    await ui.click('.toolbar button[aria-label="Export filtered rows as JSON lines"]');
    const deadline = Date.now() + 20_000;
    // The save dialog (a quick input in code-server) may ignore an accept while it is still filling itself in:
    // accept whenever it is on screen, until the file appears.
    const saveDialog = { selector: '.quick-input-widget .quick-input-box input', timeoutMs: 2000 };
    while (!fs.existsSync(target) && Date.now() < deadline) {
      if (await waitInWorkbench(saveDialog).catch(() => false)) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await waitForData(ui, 'total', () => fs.existsSync(target) && fs.readFileSync(target, 'utf8').endsWith('\n') && fs.readFileSync(target, 'utf8').split('\n').length === total + 1, 'the export file');
    const exported = fs.readFileSync(target, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { statusCode: string });
    assert.equal(exported.length, total);
    for (const r of exported) assert.ok(Number(r.statusCode) >= 400, r.statusCode);
    fs.rmSync(target, { force: true });
    await runQuery(ui, '');
  });

  it('opens the selected request in the text editor at its line', async () => {
    await vscode.commands.executeCommand('apigwLogs.revealInExplorer', await sampleUri('access.apigw.log'), 5);
    await ui.wait('.detail .detail-line', 'line 6');
    await ui.click('.detail-actions button[aria-label="Open in text editor at this line"]');
    const deadline = Date.now() + 10_000;
    while (vscode.window.activeTextEditor?.document.uri.path.endsWith('access.apigw.log') !== true && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'a text editor opened');
    assert.equal(editor.selection.active.line, 5);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reveals a request by ID through apigwLogs.revealInExplorer', async () => {
    const uri = await sampleUri('access.apigw.log');
    const line = fs.readFileSync(uri.fsPath, 'utf8').split('\n')[7];
    const requestId = (JSON.parse(line) as { requestId: string }).requestId;
    const row = await vscode.commands.executeCommand<number | undefined>('apigwLogs.revealInExplorer', uri, { requestId });
    assert.equal(row, 7);
    await ui.wait('.detail .detail-id', requestId);
  });

  it('draws every chart of the dashboard', async () => {
    await ui.click('.tab[data-tab="dashboard"]');
    await waitForData(ui, 'dashboardMs', (v) => v !== undefined, 'dashboard');
    await ui.wait('.dash-card.chart[data-drawn="true"]');
    const charts = await ui.count('.dash-card.chart');
    assert.ok(charts >= 4, `charts: ${charts}`);
    const deadline = Date.now() + 10_000;
    while ((await ui.count('.dash-card.chart[data-drawn="true"] canvas')) < charts && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await ui.count('.dash-card.chart[data-drawn="true"] canvas'), charts);
    assert.ok((await ui.count('.table-card tr')) > 5, 'top tables filled');
    assert.match(await ui.text('.kpi .kpi-value'), /^\d/);
    console.log(`      dashboard over ${records} records in ${await bodyData(ui, 'dashboardMs')} ms`);
    const slowest = await ui.text('.table-card.wide .rank-name');
    await ui.click('.table-card.wide .rank-name');
    await ui.wait('.tab[data-tab="table"][aria-selected="true"]');
    await ui.wait('.detail:not([hidden]) .detail-id', slowest);
  });

  it('sorts by a column and restores the file order', async () => {
    await ui.click('.th[data-column="totalLatency"] .th-label');
    await ui.wait('.th[data-column="totalLatency"][aria-sort="descending"]');
    await ui.wait('.tr[data-position="0"][data-row]:not([data-row=""])');
    const latencies = await ui.eval<number[]>(`[...document.querySelectorAll('.tr')].slice(0, 5).map((r) => Number(r.dataset.position)).length`);
    assert.ok(Number(latencies) > 0);
    const first = await ui.text('.tr[data-position="0"] .cell.num');
    const second = await ui.text('.tr[data-position="1"] .cell.num');
    const ms = (t: string): number => (t.endsWith(' s') ? parseFloat(t) * 1000 : t.endsWith(' min') ? parseFloat(t) * 60_000 : parseFloat(t));
    assert.ok(ms(first) >= ms(second), `${first} >= ${second}`);
    await ui.click('.th[data-column="totalLatency"] .th-label');
    await ui.wait('.th[data-column="totalLatency"][aria-sort="ascending"]');
    await ui.click('.th[data-column="totalLatency"] .th-label');
    await ui.wait('.th[data-column="totalLatency"][aria-sort="none"]');
  });

  it('hides a column with the column chooser and resizes another by dragging its edge', async () => {
    assert.equal(await ui.count('.th[data-column="path"]'), 1);
    await ui.click('.toolbar button[aria-label="Choose columns"]');
    await ui.click('.column-chooser input[data-column="path"]');
    await ui.wait('.thead:not(:has(.th[data-column="path"]))');
    assert.equal(await ui.count('.tr:first-child .cell'), await ui.count('.th'));
    await ui.click('.column-chooser input[data-column="path"]');
    await ui.wait('.th[data-column="path"]');
    await ui.press('.column-chooser input[data-column="path"]', 'Escape');
    const before = await ui.eval<number>(`document.querySelector('.th[data-column="httpMethod"]').getBoundingClientRect().width`);
    await ui.dragBy('.th[data-column="httpMethod"] .resize-handle', 60);
    const after = await ui.eval<number>(`document.querySelector('.th[data-column="httpMethod"]').getBoundingClientRect().width`);
    assert.ok(after > before + 40, `width ${before} -> ${after}`);
    const cell = await ui.eval<number>(`document.querySelector('.tr .cell:nth-child(' + ([...document.querySelectorAll('.th')].findIndex((t) => t.dataset.column === 'httpMethod') + 1) + ')').getBoundingClientRect().width`);
    assert.equal(Math.round(cell), Math.round(after));
  });

  it('narrows the time range by brushing the histogram and returns to all time', async () => {
    await runQuery(ui, '');
    await ui.eval(`document.body.dataset.queryMs = ''`);
    await ui.drag('.histogram .u-over', 0.1, 0.4);
    await waitForData(ui, 'queryMs', (v) => v !== '', 'brushed query');
    const total = Number(await bodyData(ui, 'total'));
    assert.ok(total > 0 && total < records, `brushed total ${total} of ${records}`);
    assert.equal(await ui.eval(`document.querySelector('.range-select').value`), 'custom');
    await ui.eval(`(() => { const s = document.querySelector('.range-select'); s.value = 'all'; s.dispatchEvent(new Event('change')); })()`);
    await waitForData(ui, 'total', (v) => v === String(records), 'all time again');
  });

  it('keeps its state (query, tab) when the webview reloads', async () => {
    const savesBefore = Number(await bodyData(ui, 'stateSaved') ?? 0);
    await runQuery(ui, 'statusCode >= 400');
    await waitForData(ui, 'stateSaved', (v) => Number(v ?? 0) > savesBefore, 'the query saved in the webview state');
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await waitForData(ui, 'total', (v) => v !== undefined && v !== String(records), 'restored query after reload', 20_000);
    assert.equal(await ui.eval(`document.querySelector('.query-input').value`), 'statusCode >= 400');
    await runQuery(ui, '');
  });

  it('shows the hostile sample as text and runs none of its script', async () => {
    const hostile = await openExplorer(await sampleUri('hostile.apigw.log'));
    const cells = await hostile.ui.texts('.tr .cell');
    assert.ok(cells.some((t) => t.includes('<img src=x onerror=alert(1)>')), 'HTML shown as text in a cell');
    assert.ok(cells.some((t) => t.includes('<script>')), '<script> shown as text in a cell');
    assert.equal(await hostile.ui.eval(`document.querySelectorAll('img, iframe, object, embed, a[href]').length`), 0);
    assert.equal(await hostile.ui.eval(`document.querySelectorAll('script').length`), 1);
    await hostile.ui.click('.tr[data-position="1"]');
    await hostile.ui.wait('.detail .detail-id');
    assert.match(await hostile.ui.text('.detail'), /<script>alert\(document\.cookie\)<\/script>/);
    assert.deepEqual(await dialogs(), []);
  });

  it('runs under a strict CSP that blocks injected inline script', async () => {
    const hostile = new ExplorerDriver('hostile.apigw.log');
    const csp = await hostile.eval<string>(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`);
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]+'; style-src [^;]+ 'nonce-[A-Za-z0-9]+'; font-src [^;]+; img-src [^;]+ data:$/);
    await hostile.eval(`(() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.append(s); })()`);
    assert.equal(await hostile.eval('window.__injected'), null);
  });

  it('opens the active text editor through apigwLogs.openInExplorer (the editor-title button)', async () => {
    const csv = await sampleUri('access.csv');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(csv));
    await vscode.commands.executeCommand('apigwLogs.openInExplorer');
    const opened = new ExplorerDriver('access.csv');
    await opened.wait('.tr[data-row]:not([data-row=""]) .cell', undefined, 30_000);
    await waitForData(opened, 'complete', (v) => v === 'true', 'csv indexing');
    assert.equal(await bodyData(opened, 'records'), '10');
    assert.match(await opened.text('.status-extra'), /csv/);
  });

  it('reports a file that holds no access records instead of failing', async () => {
    await vscode.commands.executeCommand('vscode.openWith', await sampleUri('not-a-log.log'), 'apigwLogs.explorerAnyFile');
    const bad = new ExplorerDriver('not-a-log.log');
    await waitForData(bad, 'complete', (v) => v === 'true', 'indexing of a non-log');
    assert.equal(await bodyData(bad, 'records'), '1', 'the one JSON line in it');
    assert.equal(await bad.text('.problems-button'), '6 unreadable lines');
    await bad.click('.problems-button');
    const listed = await bad.texts('.problems li');
    assert.equal(listed.length, 6);
    assert.match(listed[0], /^line 1 /);
  });

  it('opens a gzip-compressed log through Open With', async () => {
    const gz = await openExplorer(await sampleUri('access.apigw.log.gz'), 'apigwLogs.explorerAnyFile');
    await waitForData(gz.ui, 'complete', (v) => v === 'true', 'gz indexing');
    assert.ok(Number(await bodyData(gz.ui, 'records')) > 10);
  });

  it('follows a file that is being appended to', async () => {
    const lines = fs.readFileSync((await sampleUri('access.apigw.log')).fsPath, 'utf8').split('\n').filter(Boolean);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-follow-'));
    const file = path.join(dir, 'growing.apigw.log');
    fs.writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n`);
    const grow = await openExplorer(vscode.Uri.file(file));
    await waitForData(grow.ui, 'complete', (v) => v === 'true', 'indexing');
    assert.equal(await bodyData(grow.ui, 'records'), '10');
    await grow.ui.click('.toolbar button[aria-label="Follow the file as it grows"]');
    await grow.ui.wait('.toolbar button.on[aria-label="Follow the file as it grows"]');
    fs.appendFileSync(file, `${lines.slice(10, 25).join('\n')}\n`);
    await waitForData(grow.ui, 'records', (v) => v === '25', 'appended records', 20_000);
    await waitForData(grow.ui, 'total', (v) => v === '25', 'table total after append');
  });

  it('takes screenshots of the table, detail and dashboard in a light and a dark theme', async () => {
    await closeAllEditors();
    const config = vscode.workspace.getConfiguration('workbench');
    const original = config.get<string>('colorTheme');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    try {
      for (const [theme, name] of [['Default Light Modern', 'light'], ['Default Dark Modern', 'dark']] as const) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        const shot = await openExplorer(await sampleUri('access.apigw.log'));
        await waitForData(shot.ui, 'complete', (v) => v === 'true', 'indexing');
        await shot.ui.click('.tr[data-position="3"]');
        await shot.ui.wait('.detail .wf-bar');
        await screenshot(`explorer-table-detail-${name}`);
        await shot.ui.click('.tab[data-tab="dashboard"]');
        await shot.ui.wait('.dash-card.chart[data-drawn="true"] canvas');
        await shot.ui.wait('.dash-charts:not(:has(.dash-card.chart:not([data-drawn="true"])))');
        await screenshot(`explorer-dashboard-${name}`);
        await shot.ui.click('.tab[data-tab="table"]');
        await closeAllEditors();
      }
    } finally {
      await config.update('colorTheme', original, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });
});
