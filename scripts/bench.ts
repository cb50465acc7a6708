/**
 * Benchmark of the log engine against a naive baseline, on the same file in one run.
 *
 *   npm run bench [-- --file PATH] [--json] [--runs N]
 *
 * Without --file it generates (or reuses) bench-data/bench-100k.jsonl and bench-data/bench-1m.jsonl
 * with scripts/generate.ts (records with bodies). Every measurement runs in a child process of its
 * own, so peak memory is that process's max RSS (all its threads); each is repeated and the median
 * kept. With --file, growth compares the file with its first tenth.
 *
 * Measured: index time (engine: open → ready, all threads) and throughput; the naive baseline
 * (readline + JSON.parse per line + a Map of count and mean latency by API and status); three
 * filters and the full stats on the finished index (through the engine's messages, as the extension
 * sees them); the finished index size; growth = index time of the big file / of the small one.
 * With --json the last line printed is one JSON object of the figures.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync, createReadStream } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { LogEngine } from '../src/core/engine/logEngine';

const ROOT = resolve(__dirname, '..');
const DATA = join(ROOT, 'bench-data');
const BUILD = join(DATA, '.build');
const QUERIES = ['statusCode >= 500', 'apiName:GetProduct and totalLatency > 500', 'errorCode:T429*'];

/** What a child reports. */
interface ChildReport {
  ms: number;
  peakMB: number;
  records: number;
  bytes: number;
  indexMB?: number;
  timings?: { ownRangeMs: number; otherRangesMs: number; mergeMs: number };
  filterMs?: number[];
  statsMs?: number;
}

// ---------------------------------------------------------------- child side

async function childIndex(file: string, workerPath: string, measureQueries: boolean): Promise<ChildReport> {
  const started = performance.now();
  const engine = LogEngine.open(file, { workerPath, tempDir: BUILD });
  const summary = await engine.ready;
  const ms = performance.now() - started;
  // Peak while indexing: max RSS of this process (all its threads) when the index is ready, before queries.
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const report: ChildReport = { ms, peakMB, records: summary.records, bytes: summary.bytes, indexMB: summary.indexBytes / 1e6, timings: summary.timings };
  if (measureQueries) {
    report.filterMs = [];
    for (const query of QUERIES) report.filterMs.push(await medianOf(5, (k) => engine.query({ query: query + ' '.repeat(k + 1), offset: 0, limit: 100 })));
    report.statsMs = await medianOf(3, (k) => engine.stats({ query: ' '.repeat(k + 1) }));
  }
  engine.dispose();
  return report;
}

/** Median wall time of `runs` calls; the k-th call gets k (to vary the query text past the engine's cache). */
async function medianOf(runs: number, call: (k: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await call(k);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function childNaive(file: string): Promise<ChildReport> {
  const started = performance.now();
  const groups = new Map<string, { count: number; latency: number }>();
  let records = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const r = JSON.parse(line) as Record<string, unknown>;
      const key = `${String(r.apiName)}\u0000${String(r.statusCode)}`;
      const g = groups.get(key) ?? { count: 0, latency: 0 };
      g.count++;
      g.latency += Number(r.totalLatency) || 0;
      groups.set(key, g);
      records++;
    } catch {
      // not a record: the baseline skips it
    }
  }
  const ms = performance.now() - started;
  return { ms, peakMB: process.resourceUsage().maxRSS / 1024, records, bytes: statSync(file).size };
}

// ---------------------------------------------------------------- parent side

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Bundles the engine worker and this script (so children run plain JavaScript, no loader). */
async function buildBundles(): Promise<{ workerPath: string; benchPath: string }> {
  const { build } = await import('esbuild');
  mkdirSync(BUILD, { recursive: true });
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'warning' as const };
  const workerPath = join(BUILD, 'worker.js');
  const benchPath = join(BUILD, 'bench.js');
  await build({ ...common, entryPoints: [join(ROOT, 'src/core/engine/worker.ts')], outfile: workerPath });
  await build({ ...common, entryPoints: [join(ROOT, 'scripts/bench.ts')], outfile: benchPath, external: ['esbuild'] });
  return { workerPath, benchPath };
}

function runChild(benchPath: string, args: string[]): ChildReport {
  const out = spawnSync(process.execPath, [benchPath, '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`bench child ${args.join(' ')} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as ChildReport;
}

function ensureGenerated(records: number, name: string): string {
  const path = join(DATA, name);
  if (existsSync(path)) return path;
  mkdirSync(DATA, { recursive: true });
  log(`generating ${records} records into ${path} …`);
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/generate.ts'), '--records', String(records), '--format', 'jsonl', '--seed', '7', '--out', path], { stdio: 'inherit', cwd: ROOT });
  if (out.status !== 0) throw new Error('generating the bench file failed');
  return path;
}

/** The first tenth of `file` (cut at a line end), for growth on a given file. */
function prefixOf(file: string): string {
  const path = join(DATA, `prefix-${basename(file)}`);
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  const want = Math.floor(size / 10);
  const bytes = Buffer.alloc(want + (1 << 20));
  const n = readSync(fd, bytes, 0, bytes.length, 0);
  closeSync(fd);
  const cut = bytes.subarray(0, n).indexOf(10, want);
  mkdirSync(DATA, { recursive: true });
  writeFileSync(path, bytes.subarray(0, cut < 0 ? n : cut + 1));
  return path;
}

const log = (text: string): void => void process.stderr.write(text + '\n');
const mb = (bytes: number): number => bytes / 1e6;
const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

async function parent(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const fileArg = argv.includes('--file') ? argv[argv.indexOf('--file') + 1] : undefined;
  const runs = argv.includes('--runs') ? Math.max(1, Number(argv[argv.indexOf('--runs') + 1])) : 3;
  const { workerPath, benchPath } = await buildBundles();
  const loadBefore = loadavg()[0];
  const big = fileArg ? resolve(fileArg) : ensureGenerated(1_000_000, 'bench-1m.jsonl');
  const small = fileArg ? prefixOf(big) : ensureGenerated(100_000, 'bench-100k.jsonl');
  const engineRuns: ChildReport[] = [];
  const naiveRuns: ChildReport[] = [];
  const smallRuns: ChildReport[] = [];
  for (let r = 0; r < runs; r++) {
    log(`run ${r + 1}/${runs} …`);
    engineRuns.push(runChild(benchPath, ['index', big, workerPath, r === 0 ? 'queries' : '']));
    naiveRuns.push(runChild(benchPath, ['naive', big]));
    smallRuns.push(runChild(benchPath, ['index', small, workerPath, '']));
  }
  const first = engineRuns[0];
  const indexMs = median(engineRuns.map((x) => x.ms));
  const naiveMs = median(naiveRuns.map((x) => x.ms));
  const figures = {
    file: big,
    cores: availableParallelism(),
    records: first.records,
    bytes: first.bytes,
    indexMs: round(indexMs, 0),
    indexMBps: round(mb(first.bytes) / (indexMs / 1000), 0),
    recordsPerSec: Math.round(first.records / (indexMs / 1000)),
    naiveMs: round(naiveMs, 0),
    naiveMBps: round(mb(first.bytes) / (naiveMs / 1000), 0),
    speedup: round(naiveMs / indexMs, 2),
    indexPeakMB: round(Math.max(...engineRuns.map((x) => x.peakMB)), 0),
    naivePeakMB: round(Math.max(...naiveRuns.map((x) => x.peakMB)), 0),
    indexMB: round(first.indexMB ?? 0, 0),
    filterMs: round(Math.max(...first.filterMs!), 1),
    filterMsByQuery: Object.fromEntries(QUERIES.map((q, i) => [q, round(first.filterMs![i], 1)])),
    statsMs: round(first.statsMs!, 1),
    smallRecords: smallRuns[0].records,
    smallIndexMs: round(median(smallRuns.map((x) => x.ms)), 0),
    growth: round(indexMs / median(smallRuns.map((x) => x.ms)), 2),
    runs,
    /** 1-minute load average before and after: other work on the machine makes every figure noisy. */
    loadAverage: [round(loadBefore, 2), round(loadavg()[0], 2)],
    bestIndexMBps: round(mb(first.bytes) / (Math.min(...engineRuns.map((x) => x.ms)) / 1000), 0),
    indexMsRuns: engineRuns.map((x) => round(x.ms, 0)),
    buildTimings: engineRuns.map((x) => x.timings),
    naiveMsRuns: naiveRuns.map((x) => round(x.ms, 0)),
  };
  printTable(figures);
  if (json) console.log(JSON.stringify(figures));
}

function printTable(f: Record<string, unknown> & { filterMsByQuery: Record<string, number> }): void {
  const lines = [
    `file            ${String(f.file)} (${f.records} records, ${round(mb(f.bytes as number), 0)} MB, ${f.cores} cores)`,
    `engine index    ${f.indexMs} ms  ${f.indexMBps} MB/s  ${f.recordsPerSec} records/s  peak ${f.indexPeakMB} MB  index ${f.indexMB} MB  runs ${JSON.stringify(f.indexMsRuns)}`,
    `naive baseline  ${f.naiveMs} ms  ${f.naiveMBps} MB/s  peak ${f.naivePeakMB} MB  runs ${JSON.stringify(f.naiveMsRuns)}`,
    `speedup         ${f.speedup}x  (best engine run ${f.bestIndexMBps} MB/s; load average ${JSON.stringify(f.loadAverage)})`,
    ...Object.entries(f.filterMsByQuery).map(([q, ms]) => `filter          ${ms} ms  ${q}`),
    `full stats      ${f.statsMs} ms`,
    `growth          ${f.growth}x  (${f.smallRecords} records in ${f.smallIndexMs} ms)`,
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] !== '--child') return parent(argv);
  const [, mode, file, workerPath, extra] = argv;
  const report = mode === 'naive' ? await childNaive(file) : await childIndex(file, workerPath, extra === 'queries');
  console.log(JSON.stringify(report));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
