import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { FetchedLogsFile, type FetchedStore } from '../../../src/tree/fetchedFile';

function store(entries: { requestId: string; logs: Record<string, unknown>[] }[]): FetchedStore {
  const all = entries.map((e) => ({ ...e, uri: { toString: () => `apigw-log:/${e.requestId}.apigw.log` } as unknown as vscode.Uri }));
  return { all: () => all, onDidFetch: () => ({ dispose() {} }) };
}

describe('FetchedLogsFile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-fetched-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes every fetched record as one JSON line, hostile text included', async () => {
    const file = new FetchedLogsFile(store([
      { requestId: 'AAA', logs: [{ RequestId: 'AAA', StatusCode: '200' }] },
      { requestId: 'BBB', logs: [{ RequestId: 'BBB', ErrorMessage: 'line\nbreak "quoted"' }, { RequestId: 'BBB2' }] },
    ]), path.join(dir, 'nested'));
    await file.write();
    const lines = fs.readFileSync(file.file, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(JSON.parse(lines[1]), { RequestId: 'BBB', ErrorMessage: 'line\nbreak "quoted"' });
    assert.equal(file.count, 2);
    assert.equal(fs.existsSync(`${file.file}.partial`), false);
  });

  it('writes an empty file when nothing was fetched', async () => {
    const file = new FetchedLogsFile(store([]), dir);
    await file.write();
    assert.equal(fs.readFileSync(file.file, 'utf8'), '');
  });

  it('finds the document of a request ID in any case', () => {
    const file = new FetchedLogsFile(store([{ requestId: 'ABC-1', logs: [] }]), dir);
    assert.equal(file.documentOf(' abc-1 ')?.toString(), 'apigw-log:/ABC-1.apigw.log');
    assert.equal(file.documentOf('nope'), undefined);
  });
});
