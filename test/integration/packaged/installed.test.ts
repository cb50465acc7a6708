import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeAllEditors, EXTENSION_ID, getExtension, LANGUAGE_ID, openSample, whenActivated } from '../helpers';

/** Every file under a folder, relative, with '/' separators. */
function listFiles(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((rel) => fs.statSync(path.join(root, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'));
}

describe('packaged .vsix', () => {
  after(closeAllEditors);

  it('is the installed copy, not the source tree', () => {
    const extension = getExtension();
    const version = (extension.packageJSON as { version: string }).version;
    assert.equal(path.basename(extension.extensionPath), `${EXTENSION_ID}-${version}`);
    assert.ok(!fs.existsSync(path.join(extension.extensionPath, 'src')), 'no src/ folder shipped');
  });

  it('ships its bundles without source maps or sources', () => {
    const files = listFiles(getExtension().extensionPath);
    assert.ok(files.includes('dist/extension.js'), `dist/extension.js in ${files.join(', ')}`);
    assert.deepEqual(files.filter((f) => /\.(map|ts)$/.test(f) || f.startsWith('node_modules/')), []);
  });

  it('activates when a sample *.apigw.log opens', async () => {
    const extension = getExtension();
    const editor = await openSample('**/*.apigw.log');
    await whenActivated(extension);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
  });
});
