import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors } from '../helpers';
import { linkTargets, unsafeProse } from '../../unit/language/markdownProbe';
import { hoverMarkdownAt, positionOf, sample, showAsAccessLog } from './languageHelpers';

describe('request IDs in any file', () => {
  let tsFile: string;
  let knownId: string;
  const unknownId = '00000000-1111-4222-8333-444444444444';

  before(async () => {
    const log = await showAsAccessLog(await sample('access.apigw.log'));
    knownId = /"requestId":"([0-9A-F-]{36})"/.exec(log.getText())![1];
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    tsFile = path.join(folder, 'client-requests.ts');
    fs.writeFileSync(tsFile, `// ids seen in production\nexport const known = '${knownId.toLowerCase()}';\nexport const unknown = "${unknownId}";\n`);
  });

  after(async () => {
    await closeAllEditors();
    fs.rmSync(tsFile, { force: true });
  });

  it('shows what the open logs know about an ID hovered in a TypeScript file, with a link to fetch it', async () => {
    const document = await vscode.workspace.openTextDocument(tsFile);
    assert.equal(document.languageId, 'typescript');
    const texts = await hoverMarkdownAt(document, positionOf(document, knownId.toLowerCase(), 5));
    const card = texts.find((t) => t.includes('API Gateway request ID'));
    assert.ok(card, texts.join('\n---\n'));
    assert.match(card, new RegExp(`\`${knownId}\``));
    assert.match(card, /Known from `access\.apigw\.log:\d+`/);
    assert.ok(linkTargets(card).includes(`command:apigwLogs.fetchRequestLog?${encodeURIComponent(JSON.stringify([knownId]))}`));
    assert.deepEqual(unsafeProse(card), []);
  });

  it('offers to fetch an ID no open log knows', async () => {
    const document = await vscode.workspace.openTextDocument(tsFile);
    const texts = await hoverMarkdownAt(document, positionOf(document, unknownId, 3));
    const card = texts.find((t) => t.includes('API Gateway request ID'));
    assert.ok(card);
    assert.match(card, /Not found in open logs or fetched logs/);
    assert.ok(linkTargets(card).some((t) => t.startsWith('command:apigwLogs.fetchRequestLog?')));
  });

  it('stays silent on text that is not a request ID', async () => {
    const document = await vscode.workspace.openTextDocument(tsFile);
    const texts = await hoverMarkdownAt(document, positionOf(document, 'production', 2));
    assert.ok(!texts.some((t) => t.includes('API Gateway request ID')));
  });
});
