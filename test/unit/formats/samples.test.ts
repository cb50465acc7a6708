import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SAMPLE_FILES, writeSamples } from '../../../scripts/generator/samples';
import { readText } from './helpers';

const SAMPLES = join(__dirname, '../../../samples');

describe('samples/', () => {
  it('are exactly what the seeded generator writes (regenerate with `npm run generate -- --samples`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'apigw-samples-'));
    try {
      await writeSamples(dir, () => undefined);
      // Compressed bytes may differ between zlib builds: compare .gz files by content.
      const content = (path: string): Buffer => (path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path));
      for (const name of SAMPLE_FILES) assert.ok(content(join(dir, name)).equals(content(join(SAMPLES, name))), name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stay small', () => {
    const total = SAMPLE_FILES.reduce((sum, name) => sum + readFileSync(join(SAMPLES, name)).length, 0);
    assert.ok(total < 200 * 1024, `${total} bytes`);
  });

  it('broken.apigw.log: every bad line is reported with its line number, the rest are records', () => {
    const { records, problems, blankLines } = readText(readFileSync(join(SAMPLES, 'broken.apigw.log')));
    assert.equal(records.length, 8);
    assert.equal(blankLines, 3);
    assert.deepEqual(problems.map((p) => [p.line, p.reason]), [
      [6, 'invalid JSON'], [9, 'binary data'], [13, 'invalid JSON'], [15, 'incomplete last line (input ended mid-record)'],
    ]);
  });

  it('hostile.apigw.log: hostile text arrives intact, unknown fields are kept', () => {
    const { records, problems } = readText(readFileSync(join(SAMPLES, 'hostile.apigw.log')));
    assert.equal(problems.length, 0);
    assert.equal(records.length, 6);
    assert.match(String(records[0].fields.path), /\(command:workbench\.action\.terminal\.new\)/);
    assert.ok('<img src=x onerror=alert(1)>' in records[0].fields);
  });
});
