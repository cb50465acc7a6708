import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tm from 'vscode-textmate';
import { FIELD_IDS } from '../../../src/core/fields/ids';
import { logNamesOf } from '../../../src/language/grammar/fieldNames';
import { SCOPES } from '../../../src/language/grammar/scopes';
import { grammarText } from '../../../src/language/grammar/writeGrammar';
import { GRAMMAR_FILE, ROOT, loadGrammar, scopesAt } from './grammarHelper';

const TOOL = join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');

function runTool(glob: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [TOOL, '-g', GRAMMAR_FILE, glob], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('access-log grammar', () => {
  it('is the committed output of buildGrammar (run `npx tsx src/language/grammar/writeGrammar.ts` after changing it)', () => {
    assert.equal(readFileSync(GRAMMAR_FILE, 'utf8'), grammarText());
  });

  it('passes every vscode-tmgrammar-test case in test/unit/language/grammar', () => {
    const { status, out } = runTool('test/unit/language/grammar/*.test.apigw');
    assert.equal(status, 0, out);
    assert.equal(out.match(/run successfuly/g)?.length, 4, out);
  });

  it('makes the grammar test tool fail on a wrong assertion', () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-grammar-'));
    try {
      const file = join(dir, 'wrong.test.apigw');
      writeFileSync(file, '# SYNTAX TEST "source.apigw-access-log"\n{"statusCode":"200"}\n#              ^^^ invalid.illegal.status.server-error.apigw\n');
      const { status, out } = runTool(file);
      assert.notEqual(status, 0, out);
      assert.match(out, /missing required scopes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scopes every catalog field name, in both schemes and any case, as a known key', async () => {
    for (const name of FIELD_IDS.flatMap(logNamesOf)) {
      for (const written of [name, name.toUpperCase()]) {
        const scopes = await scopesAt(`{"${written}":"x"}`, written);
        assert.ok(scopes.includes(SCOPES.knownKey), `${written}: ${scopes.join(' ')}`);
      }
    }
  });

  it('scopes names outside the catalog as unknown keys', async () => {
    for (const name of ['foo', 'status', 'requestIdX', 'x-ca-request-id']) {
      const scopes = await scopesAt(`{"${name}":"x"}`, name);
      assert.ok(scopes.includes(SCOPES.unknownKey), `${name}: ${scopes.join(' ')}`);
      assert.ok(!scopes.includes(SCOPES.knownKey));
    }
  });

  it('tokenizes hostile lines of up to 10 MB in bounded time', async () => {
    const g = await loadGrammar();
    const record = '{"statusCode":"200","requestId":"95657ED9-2F6F-426F-BD99-79C8D8F1A2B3","clientIp":"1.2.3.4","responseBody":"a\\"b","n":1}';
    const tenMb = 10 * 1024 * 1024;
    const cases: Record<string, string> = {
      'array of records on one line': `[${`${record},`.repeat(Math.floor(tenMb / (record.length + 1)))}${record}]`,
      'one huge escaped body': `{"responseBody":"${'ab\\"c\\\\ '.repeat(tenMb / 9)}"}`,
      'unterminated keys': `{${'"a":'.repeat(tenMb / 16)}`,
      'unterminated IP-like text': `{"clientIp":"${'1.1:'.repeat(tenMb / 4)}`,
    };
    for (const [name, line] of Object.entries(cases)) {
      const started = performance.now();
      const result = g.tokenizeLine2(line, tm.INITIAL, 120_000);
      const ms = performance.now() - started;
      console.log(`      ${name}: ${(line.length / 1048576).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
      assert.equal(result.stoppedEarly, false, name);
      assert.ok(ms < 60_000, `${name} took ${ms} ms`);
    }
  }).timeout(240_000);
});
