/** A mocha reporter printing one marker line per suite and test, which the runner turns into pass/fail lines. */
import type MochaTypes from 'mocha';
import { emit } from './markers';

/** Builds the reporter class on the Mocha loaded at run time (its Base reporter keeps the stats). */
export function markerReporter(mocha: typeof MochaTypes): MochaTypes.ReporterConstructor {
  const { EVENT_SUITE_BEGIN, EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END } = mocha.Runner.constants;
  return class MarkerReporter extends mocha.reporters.Base {
    constructor(runner: MochaTypes.Runner, options?: MochaTypes.MochaOptions) {
      super(runner, options);
      let passed = 0;
      let failed = 0;
      runner.on(EVENT_SUITE_BEGIN, (suite) => {
        if (!suite.root) emit({ type: 'suite', title: suite.title, depth: suiteDepth(suite) });
      });
      runner.on(EVENT_TEST_BEGIN, (test) => emit({ type: 'test', title: test.fullTitle() }));
      runner.on(EVENT_TEST_PASS, (test) => {
        passed++;
        emit({ type: 'pass', title: test.title, ms: test.duration ?? 0, depth: suiteDepth(test.parent) });
      });
      runner.on(EVENT_TEST_FAIL, (test, err: Error) => {
        failed++;
        emit({ type: 'fail', title: test.fullTitle(), error: describeError(err), depth: suiteDepth(test.parent) });
      });
      runner.once(EVENT_RUN_END, () => emit({ type: 'end', passed, failed }));
    }
  };
}

/** Nesting level of a suite below the root (top-level suites are 1). */
function suiteDepth(suite: MochaTypes.Suite | undefined): number {
  let depth = 0;
  for (let s: MochaTypes.Suite | undefined = suite; s && !s.root; s = s.parent) depth++;
  return depth;
}

/** Message and the first stack frames of a failure. */
function describeError(err: Error): string {
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 5);
  return [err.message, ...frames].join('\n').trim();
}
