/** Runs mocha inside the extension host on the compiled test files under a folder. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type MochaTypes from 'mocha';
import { markerReporter } from './reporter';

/** Mocha, loaded at run time from the repository's node_modules (left out of the bundle). */
function loadMocha(): typeof MochaTypes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('mocha') as { Mocha: typeof MochaTypes }).Mocha;
}

/** Compiled test files (*.test.js) under root, sorted, filtered by include(relative path with '/'). */
export function findTestFiles(root: string, include: (relativePath: string) => boolean): string[] {
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => rel.endsWith('.test.js') && include(rel))
    .sort()
    .map((rel) => path.join(root, rel));
}

/** Runs the given test files (only tests whose full title matches APIGW_TEST_GREP when set); rejects when none is found or any test fails. */
export async function runMocha(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error('no integration test files found');
  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    forbidOnly: true,
    forbidPending: true,
    reporter: markerReporter(Mocha),
    ...(process.env.APIGW_TEST_GREP ? { grep: process.env.APIGW_TEST_GREP } : {}),
  });
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
