/** Ends the run with one plain line, "Tests: N passed, N failed, N skipped", that CI can read. */
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed" || state === "failed") counts[state] += 1;
        else counts.skipped += 1;
        if (state === "failed") failedTests += 1;
      }
      // A file that failed outside its tests: it did not load, or a hook failed (such as the deprecation check).
      if (module.state() === "failed" && failedTests === 0) counts.failed += 1;
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
