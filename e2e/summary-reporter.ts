import type { FullResult, Reporter, TestCase } from '@playwright/test/reporter';

/**
 * Prints one closing line, after the list reporter's, that reads like "28 passed, 0 failed
 * in 97 s (whole e2e run, server start included)".
 */
type Outcome = ReturnType<TestCase['outcome']> | 'known bug';

export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, Outcome>();

  onTestEnd(test: TestCase): void {
    // Outcomes count retries as the list reporter does; `test.fail` marks a known bug.
    const outcome = test.outcome();
    const knownBug = outcome === 'expected' && test.expectedStatus === 'failed';
    this.outcomes.set(test.id, knownBug ? 'known bug' : outcome);
  }

  onEnd(result: FullResult): void {
    const count = (outcome: Outcome) =>
      [...this.outcomes.values()].filter((value) => value === outcome).length;
    const seconds = Math.round(result.duration / 1000);
    const parts = [`${count('expected')} passed`, `${count('unexpected')} failed`];
    if (count('known bug') > 0) parts.push(`${count('known bug')} known bug (test.fail)`);
    if (count('flaky') > 0) parts.push(`${count('flaky')} flaky`);
    if (count('skipped') > 0) parts.push(`${count('skipped')} skipped`);
    process.stdout.write(
      `\ne2e: ${parts.join(', ')} in ${seconds} s (${result.status}, server start included)\n`,
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}
