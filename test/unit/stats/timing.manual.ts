/**
 * Hand-run timing check (not a unit test): `npx tsx test/unit/stats/timing.manual.ts [rows]`.
 * Builds a synthetic index with the LogIndex setters and prints the time of three filters and of the stats.
 */
import { filterRows } from '../../../src/core/query/evaluate';
import { parseQuery } from '../../../src/core/query/parser';
import { computeStats } from '../../../src/core/stats/computeStats';
import { facets } from '../../../src/core/stats/facets';
import { groupRows } from '../../../src/core/stats/groupRows';
import { latencyRank } from '../../../src/core/stats/latencyRank';
import { sortRows } from '../../../src/core/stats/sortRows';
import { buildSyntheticIndex } from './syntheticIndex';

const rows = Number(process.argv[2] ?? 1_000_000);
const queries = ['status >= 500', 'apiName:Api3_* and totalLatency > 500', 'errorCode:X500ER or (method:POST and not status:200)', 'users'];

/** Runs once to warm up, then `repeat` times; prints wall-clock median and minimum and the median process CPU time. */
function time<T>(label: string, run: () => T, repeat = 7): T {
  let result = run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const min = Math.min(...wall, Infinity);
  console.log(`${label.padEnd(58)} wall median ${median(wall).toFixed(1).padStart(6)} ms  min ${(Number.isFinite(min) ? min : 0).toFixed(1).padStart(6)} ms  cpu ${median(cpu).toFixed(1).padStart(6)} ms`);
  return result;
}

const t0 = performance.now();
const index = buildSyntheticIndex(rows);
console.log(`built ${rows} rows in ${(performance.now() - t0).toFixed(0)} ms`);
for (const q of queries) {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = time(`filter ${JSON.stringify(q)}`, () => filterRows(index, parsed.ast));
  console.log(`  -> ${result.length} rows`);
}

const stats = time('computeStats (all rows)', () => computeStats(index, undefined));
console.log(`  -> p50/p95/p99 ${stats.latency.total.p50}/${stats.latency.total.p95}/${stats.latency.total.p99} ms, ${stats.timeline.length} buckets of ${stats.bucketMs} ms`);
const parsed = parseQuery('status >= 400');
if (!parsed.ok) throw new Error(parsed.error.message);
const failing = filterRows(index, parsed.ast);
time(`computeStats (${failing.length} failing rows)`, () => computeStats(index, failing));
time('facets (8 columns)', () => facets(index, undefined, ['apiName', 'apiGroupName', 'apiStageName', 'statusCode', 'errorCode', 'appName', 'clientIp', 'httpMethod'], 10));
time('groupRows apiName > statusCode (sort p95)', () => groupRows(index, undefined, ['apiName', 'statusCode'], { sort: 'p95' }));
time('sortRows totalLatency desc', () => sortRows(index, undefined, 'totalLatency', true));
time('sortRows time asc', () => sortRows(index, undefined, 'time', false));
time('sortRows clientIp asc', () => sortRows(index, undefined, 'clientIp', false));
time('latencyRank (after the first call for that API)', () => latencyRank(index, 12346, true));
