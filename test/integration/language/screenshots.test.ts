import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, saveScreenshot, waitInWorkbench } from '../helpers';
import { positionOf, sample, showAsAccessLog } from './languageHelpers';

/** The editor's hover widget, painted. */
const HOVER = { selector: '.monaco-editor .monaco-hover:not(.hidden) .markdown-hover' };

/** Puts the cursor at a position, checks a hover is there, shows it, and saves a screenshot of the workbench. */
async function screenshotHover(document: vscode.TextDocument, position: vscode.Position, name: string, expected: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  assert.ok(hovers.some((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes(expected))), `no hover with ${expected}`);
  await vscode.commands.executeCommand('editor.action.showHover');
  // No event tells the extension host that the hover widget has painted: the runner waits until it is on screen.
  // In one full run 2 of the 4 hovers never painted (not reproduced since): when it does not, ask for it once more.
  const shown = await waitInWorkbench({ ...HOVER, timeoutMs: 5000 }).catch(() => undefined);
  if (shown === undefined) await vscode.commands.executeCommand('editor.action.showHover');
  const file = await saveScreenshot(name, HOVER);
  assert.ok(file === undefined || file.endsWith('.png'));
  await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
}

/** The statusCode cell of the first CSV row with a 4xx or 5xx status (found through the header, not by a number's look). */
function failedStatusCell(csv: vscode.TextDocument): vscode.Position {
  const column = csv.lineAt(0).text.split(',').indexOf('statusCode');
  for (let line = 1; line < csv.lineCount; line++) {
    const cells = csv.lineAt(line).text.split(',');
    if (/^[45]\d\d$/.test(cells[column] ?? '')) return new vscode.Position(line, cells.slice(0, column).join(',').length + 2);
  }
  assert.fail('no failed request in the CSV sample');
}

describe('hover cards on screen (screenshots in test-results/)', function () {
  this.timeout(30_000);
  after(closeAllEditors);

  it('a latency with its waterfall (JSON lines)', async () => {
    const document = await showAsAccessLog(await sample('access.apigw.log'));
    await screenshotHover(document, positionOf(document, /"totalLatency":"\d/, 16), 'language-hover-latency', '```text');
  });

  it('a request ID with its links (QueryRequestLogs response)', async () => {
    const document = await showAsAccessLog(await sample('query-response.json'));
    await screenshotHover(document, positionOf(document, /"RequestId": "[0-9A-F]/, 15, 2), 'language-hover-request-id', 'command:apigwLogs.revealRequest');
  });

  it('a hostile path rendered as text, in a CSV coloured by column', async () => {
    const document = await showAsAccessLog(await sample('hostile.apigw.log'));
    await screenshotHover(document, positionOf(document, '[click me]', 3), 'language-hover-hostile', 'click me');
    const csv = await showAsAccessLog(await sample('access.csv'));
    await screenshotHover(csv, failedStatusCell(csv), 'language-hover-csv-status', 'HTTP status');
  });
});
