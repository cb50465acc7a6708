/** Loads the committed access-log grammar with vscode-textmate + vscode-oniguruma, as VS Code does. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as onig from 'vscode-oniguruma';
import * as tm from 'vscode-textmate';

const require_ = createRequire(__filename);

/** Repository root (this file is test/unit/language/). */
export const ROOT = join(__dirname, '..', '..', '..');

/** Path of the committed grammar. */
export const GRAMMAR_FILE = join(ROOT, 'syntaxes', 'apigw-access-log.tmLanguage.json');

let grammar: Promise<tm.IGrammar> | undefined;

/** The grammar, loaded once per test run. */
export function loadGrammar(): Promise<tm.IGrammar> {
  grammar ??= load();
  return grammar;
}

async function load(): Promise<tm.IGrammar> {
  const wasm = readFileSync(require_.resolve('vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: () => Promise.resolve(tm.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE)),
  });
  const g = await registry.loadGrammar('source.apigw-access-log');
  if (!g) throw new Error('grammar did not load');
  return g;
}

/** The scopes of the token covering `needle` (first occurrence) in `line`, tokenized as a first line. */
export async function scopesAt(line: string, needle: string): Promise<string[]> {
  const g = await loadGrammar();
  const at = line.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${line}`);
  const { tokens } = g.tokenizeLine(line, tm.INITIAL);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  return token ? token.scopes : [];
}
