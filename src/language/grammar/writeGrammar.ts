/** Writes syntaxes/apigw-access-log.tmLanguage.json from buildGrammar(): `npx tsx src/language/grammar/writeGrammar.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGrammar } from './buildGrammar';

/** Path of the committed grammar file, relative to the repository root. */
export const GRAMMAR_PATH = join('syntaxes', 'apigw-access-log.tmLanguage.json');

/** The grammar as the exact text committed to the repository. */
export function grammarText(): string {
  return JSON.stringify(buildGrammar(), null, 2) + '\n';
}

if (process.argv[1]?.endsWith('writeGrammar.ts')) {
  writeFileSync(GRAMMAR_PATH, grammarText());
  console.log(`wrote ${GRAMMAR_PATH}`);
}
