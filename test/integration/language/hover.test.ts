import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors } from '../helpers';
import { linkTargets, unsafeProse } from '../../unit/language/markdownProbe';
import { hoverAt, sample, showAsAccessLog } from './languageHelpers';

/** How to find fields in one sample: JSON keys (either scheme) or CSV columns. */
interface Format {
  readonly file: string;
  readonly key: (canonical: string) => string;
  /** Occurrences of a key to skip (the QueryRequestLogs envelope has a RequestId of its own). */
  readonly skip?: Readonly<Record<string, number>>;
}

const sls = (k: string) => k;
const api: Record<string, string> = {
  statusCode: 'StatusCode', errorCode: 'ErrorCode', requestHandleTime: 'RequestTime', totalLatency: 'TotalLatency', requestId: 'RequestId',
};
const FORMATS: Format[] = [
  { file: 'access.apigw.log', key: sls }, { file: 'dump_0.json', key: sls }, { file: 'access-array.json', key: sls },
  { file: 'query-response.json', key: (k) => api[k] ?? k, skip: { RequestId: 1 } }, { file: 'access.csv', key: sls },
];

/** Position inside the `key` column of the first CSV data row whose cell matches `valuePattern`. */
function csvValuePosition(document: vscode.TextDocument, key: string, valuePattern: string): vscode.Position {
  const column = document.lineAt(0).text.split(',').indexOf(key);
  assert.ok(column >= 0, `${key} column`);
  const cellPattern = new RegExp(`^"?(?=${valuePattern})`);
  for (let line = 1; line < document.lineCount; line++) {
    const cells = document.lineAt(line).text.split(',');
    if (!cellPattern.test(cells[column] ?? '')) continue;
    return new vscode.Position(line, cells.slice(0, column).join(',').length + (column > 0 ? 1 : 0) + 1);
  }
  assert.fail(`no ${key} cell matching ${valuePattern} in ${document.uri.path}`);
}

/** Position inside the first value of `key`: JSON `"key": "value"`, or the key's column on the first CSV data row. */
function valuePosition(document: vscode.TextDocument, key: string, valuePattern = '[^"\\s,]', skip = 0): vscode.Position {
  if (document.uri.path.endsWith('.csv')) return csvValuePosition(document, key, valuePattern);
  const re = new RegExp(`"${key}"\\s*:\\s*"?(?=${valuePattern})`, 'g');
  const text = document.getText();
  let m = re.exec(text);
  for (let i = 0; i < skip && m; i++) m = re.exec(text);
  assert.ok(m, `no ${key} value in ${document.uri.path}`);
  return document.positionAt(m.index + m[0].length + 1);
}

async function hoverValue(document: vscode.TextDocument, key: string, valuePattern?: string, skip = 0): Promise<string> {
  const position = valuePosition(document, key, valuePattern, skip);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
  assert.ok(text, `no hover on the ${key} value of ${document.uri.path}`);
  return text;
}

describe('hover cards in access logs', () => {
  after(closeAllEditors);

  for (const format of FORMATS) {
    describe(format.file, () => {
      let document: vscode.TextDocument;
      before(async () => {
        document = await showAsAccessLog(await sample(format.file));
      });

      it('explains a field name with both of its names', async () => {
        const name = format.key('statusCode');
        const text = document.uri.path.endsWith('.csv') ? await hoverAt(document, name, 1) : await hoverAt(document, `"${name}"`, 2);
        assert.match(text, /Log Service: `statusCode` · QueryRequestLogs: `StatusCode`/);
      });

      it('explains a status', async () => {
        assert.match(await hoverValue(document, format.key('statusCode')), /`\d{3}` \*\*.+\*\* — (Success|Client error|Server error|Redirection)/);
      });

      it('explains a gateway error code', async () => {
        const text = await hoverValue(document, format.key('errorCode'), '[A-Z]\\d{3}[A-Z]{2}');
        assert.match(text, /Gateway error [A-Z]\d{3}[A-Z]{2}\\, .+ HTTP \d{3}/);
      });

      it('shows a time as UTC, local and relative', async () => {
        const text = await hoverValue(document, format.key('requestHandleTime'));
        assert.match(text, /UTC: `\d{4}-\d\d-\d\dT/);
        assert.match(text, /Local: `/);
        assert.match(text, /Relative: /);
      });

      it('shows the waterfall and rank on a latency', async () => {
        const text = await hoverValue(document, format.key('totalLatency'));
        assert.match(text, /```text\n.*[█▏·]/);
        assert.match(text, /Latency rank: \*\*\d+(st|nd|rd|th) slowest\*\* of \d+ requests to /);
      });

      it('summarises a request on its ID, with links to the extension\'s commands only', async () => {
        const text = await hoverValue(document, format.key('requestId'), '[0-9A-F]{8}-', format.skip?.RequestId ?? 0);
        const commands = linkTargets(text).map((t) => t.slice(0, t.indexOf('?')));
        assert.deepEqual(commands, ['command:apigwLogs.revealRequest', 'command:apigwLogs.revealInExplorer', 'command:apigwLogs.fetchRequestLog']);
      });
    });
  }


  it('links an initialRequestId to its request', async () => {
    const document = await showAsAccessLog(await sample('access.apigw.log'));
    const text = await hoverValue(document, 'initialRequestId', '[0-9A-F]{8}-');
    assert.match(text, /Initial request/);
    assert.ok(linkTargets(text).every((t) => t.startsWith('command:apigwLogs.')));
  });

  it('renders the hostile sample as text: escaped Markdown, no HTML, no foreign links', async () => {
    const document = await showAsAccessLog(await sample('hostile.apigw.log'));
    let checked = 0;
    for (let line = 0; line < Math.min(document.lineCount, 6); line++) {
      const text = document.lineAt(line).text;
      for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
        for (const texts of [await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, m.index + 1))]) {
          for (const content of (texts ?? []).flatMap((h) => h.contents)) {
            const md = typeof content === 'string' ? content : content.value;
            assert.deepEqual(unsafeProse(md), [], md);
            assert.ok(linkTargets(md).every((t) => t.startsWith('command:apigwLogs.')), md);
            if (content instanceof vscode.MarkdownString) assert.notEqual(content.supportHtml, true);
            checked++;
          }
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} hovers checked`);
    const path = await hoverAt(document, '[click me]', 2);
    assert.match(path, /`` \/v1\/users\/\[click me\]\(command:workbench\.action\.terminal\.new\)\/`rm -rf ~` ``/);
  });
});
