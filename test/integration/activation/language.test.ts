import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, findSamples, LANGUAGE_ID, writeScratchFile } from '../helpers';

/** One access-log record as Log Service exports it (one JSON object per line). */
const record = JSON.stringify({
  __time__: 1729000000, requestHandleTime: '2024-10-15T13:46:40Z', requestId: '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3',
  apiName: 'GetUser', httpMethod: 'GET', path: '/users/42', statusCode: '200', errorCode: 'OK', totalLatency: '43',
});

describe('language', () => {
  after(closeAllEditors);

  it('gives every sample *.apigw.log the apigw-access-log language', async () => {
    for (const uri of await findSamples('**/*.apigw.log')) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, LANGUAGE_ID, uri.path);
    }
  });

  it('gives *.apigw.jsonl files the apigw-access-log language', async () => {
    const document = await vscode.workspace.openTextDocument(writeScratchFile('dump_0.apigw.jsonl', `${record}\n`));
    assert.equal(document.languageId, LANGUAGE_ID);
  });

  it('leaves other .log files alone', async () => {
    const document = await vscode.workspace.openTextDocument(writeScratchFile('server.log', '2024-10-15 13:46:40 INFO server started on port 8080\n'));
    assert.notEqual(document.languageId, LANGUAGE_ID);
  });
});
