import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, getExtension, openSample, saveScreenshot, whenActivated } from '../helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('activates when a sample *.apigw.log opens', async () => {
    const extension = getExtension();
    const editor = await openSample('**/*.apigw.log');
    await whenActivated(extension);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
    assert.ok(extension.isActive, 'extension is active');
    await saveScreenshot('activation-sample-open');
  });
});
