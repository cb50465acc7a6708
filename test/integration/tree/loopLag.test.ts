/**
 * Opt-in (APIGW_TREE_PERF_FILE, set by `npm run test:tree-perf`): the requests tree built from a
 * 1M-record file must never stall the extension host's event loop for 100 ms or more. Prints the
 * figures and writes them to test-results/tree-perf.json.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { total, treeApi } from './treeHelpers';

const perfFile = process.env.APIGW_TREE_PERF_FILE;

/** Measures the longest gap between 5 ms interval ticks (the stall) while it runs. */
class LagMonitor {
  maxStallMs = 0;
  private last = performance.now();
  private readonly timer = setInterval(() => {
    const now = performance.now();
    this.maxStallMs = Math.max(this.maxStallMs, now - this.last - 5);
    this.last = now;
  }, 5);
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  stop(): { maxStallMs: number; histogramMaxMs: number; p99Ms: number } {
    clearInterval(this.timer);
    this.histogram.disable();
    return { maxStallMs: this.maxStallMs, histogramMaxMs: this.histogram.max / 1e6, p99Ms: this.histogram.percentile(99) / 1e6 };
  }
}

if (perfFile) {
  describe('requests tree on a 1M-record file (opt-in performance check)', function () {
    this.timeout(600_000);

    it('builds, filters and pages without stalling the extension host for 100 ms', async () => {
      const api = await treeApi();
      const lag = new LagMonitor();
      const started = performance.now();
      await vscode.commands.executeCommand('apigwLogs.requests.showFile', vscode.Uri.file(perfFile));
      const tree = await api.getTreeSnapshot(2);
      const buildMs = performance.now() - started;
      const records = total(tree);
      const filterStarted = performance.now();
      await vscode.commands.executeCommand('apigwLogs.requests.filter', 'statusCode >= 500 or totalLatency > 2000');
      const filtered = await api.getTreeSnapshot(2);
      await vscode.commands.executeCommand('apigwLogs.requests.failuresOnly');
      const failures = await api.getTreeSnapshot(3);
      const filterMs = performance.now() - filterStarted;
      await vscode.commands.executeCommand('apigwLogs.requests.clearFilter');
      const [biggest] = await api.getTreeSnapshot(3);
      const more = biggest.children?.[0].children?.find((n) => n.kind === 'more');
      if (more) await api.showMore(more.id);
      const figures = { file: path.basename(perfFile), bytes: fs.statSync(perfFile).size, records, buildMs: Math.round(buildMs), filterMs: Math.round(filterMs), ...lag.stop() };
      const line = `tree perf: ${records.toLocaleString('en-US')} records, tree built in ${figures.buildMs} ms, filter+failures ${figures.filterMs} ms, ` +
        `max event-loop stall ${figures.maxStallMs.toFixed(1)} ms (perf_hooks max ${figures.histogramMaxMs.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms)`;
      console.log(line);
      const results = process.env.APIGW_TEST_RESULTS;
      if (results) fs.writeFileSync(path.join(results, 'tree-perf.json'), `${JSON.stringify({ ...figures, summary: line }, null, 2)}\n`);
      assert.equal(records, 1_000_000, 'every record is in the tree');
      assert.ok(total(filtered) > 0 && total(filtered) < records, 'the filter narrowed the tree');
      assert.ok(total(failures) <= total(filtered));
      assert.ok(more, 'the biggest group is paged');
      assert.ok(figures.maxStallMs < 100, line);
    });
  });
}
