import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LANGUAGE_ID, closeAllEditors, writeScratchFile } from '../helpers';
import { sample, showAsAccessLog } from './languageHelpers';

describe('language recognition', () => {
  afterEach(closeAllEditors);

  it('switches a .log file of access records to the language when shown, and leaves a .log of something else alone', async () => {
    const other = await vscode.workspace.openTextDocument(await sample('not-a-log.log'));
    await vscode.window.showTextDocument(other);
    const records = fs.readFileSync((await sample('access.apigw.log')).fsPath, 'utf8');
    const document = await showAsAccessLog(writeScratchFile('gateway-access.log', records));
    assert.equal(document.languageId, LANGUAGE_ID);
    const stillOther = vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.uri.toString());
    assert.ok(stillOther);
    assert.notEqual(stillOther.languageId, LANGUAGE_ID);
  });

  for (const name of ['dump_0.json', 'access-array.json', 'query-response.json', 'access.csv']) {
    it(`switches ${name} to the language when shown`, async () => {
      const document = await showAsAccessLog(await sample(name));
      assert.equal(document.languageId, LANGUAGE_ID);
    });
  }

  it('treats a file as an access log on command', async () => {
    const uri = writeScratchFile('plain.txt', 'not a log at all\n');
    const document = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.notEqual(document.document.languageId, LANGUAGE_ID);
    await vscode.commands.executeCommand('apigwLogs.setLanguage');
    const switched = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.equal(switched?.languageId, LANGUAGE_ID);
  });
});
