import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvTokenType } from '../../../src/language/csvTokens';
import { HOVER_COMMANDS } from '../../../src/language/markdown';
import { SEMANTIC_TYPES, SEMANTIC_TYPE_IDS } from '../../../src/language/semanticTypes';
import { ROOT } from './grammarHelper';

interface Manifest {
  contributes: {
    semanticTokenTypes: Array<{ id: string }>;
    semanticTokenScopes: Array<{ language: string; scopes: Record<string, string[]> }>;
    commands: Array<{ command: string }>;
    configuration: { properties: Record<string, { default: unknown }> };
    grammars: Array<{ language: string; path: string }>;
  };
}

describe('CSV semantic tokens', () => {
  it('colours cells by their column field and value', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['statusCode', '200', 'apigwStatusSuccess'], ['StatusCode', '302', 'apigwStatusRedirect'],
      ['statusCode', '404', 'apigwStatusClientError'], ['status code', '404', undefined], ['statusCode', '503', 'apigwStatusServerError'],
      ['statusCode', 'abc', undefined], ['errorCode', 'OK', 'apigwErrorCodeOk'], ['ErrorCode', 'I404NF', 'apigwErrorCodeClientError'],
      ['errorCode', 'X500ER', 'apigwErrorCodeServerError'], ['errorCode', '', undefined],
      ['requestId', 'e3d804d4-3a92-42a9-b8bc-86a850d2690e', 'apigwRequestId'], ['apiUid', 'abc', undefined],
      ['clientIp', '1.2.3.4', 'apigwIpAddress'], ['requestHandleTime', '2024-11-13T08:00:03Z', 'apigwTime'],
      ['__time__', '1731484803', 'apigwTime'], ['totalLatency', '107', 'apigwLatency'], ['ResponseSize', '8644', 'apigwSize'],
      ['totalLatency', '-', undefined], ['myColumn', '200', undefined],
    ];
    for (const [field, value, type] of cases) assert.equal(csvTokenType(field, value), type, `${field}=${value}`);
  });

  it('declares every token type, its scope, and the language commands and settings in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
    const c = manifest.contributes;
    const declared = new Set(c.semanticTokenTypes.map((t) => t.id));
    const scopes = c.semanticTokenScopes.find((s) => s.language === 'apigw-access-log')!.scopes;
    for (const id of SEMANTIC_TYPE_IDS) {
      assert.ok(declared.has(id), id);
      assert.deepEqual(scopes[id], [SEMANTIC_TYPES[id].scope]);
    }
    assert.ok(c.commands.some((x) => x.command === 'apigwLogs.setLanguage'));
    assert.equal(c.configuration.properties['apigwLogs.autoDetect'].default, true);
    assert.equal(c.configuration.properties['apigwLogs.displayLanguage'].default, 'auto');
    assert.equal(c.grammars.find((g) => g.language === 'apigw-access-log')?.path, './syntaxes/apigw-access-log.tmLanguage.json');
    assert.ok(HOVER_COMMANDS.every((cmd) => cmd.startsWith('apigwLogs.')));
  });
});
