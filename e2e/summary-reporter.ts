import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints one closing line, after the list reporter's, that reads like "28 passed, 0 failed
 * in 97 s (whole e2e run, server start included)".
 */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status); // a retry overwrites the earlier attempt
  }

  onEnd(result: FullResult): void {
    const count = (status: TestResult['status']) =>
      [...this.outcomes.values()].filter((outcome) => outcome === status).length;
    const failed = count('failed') + count('timedOut') + count('interrupted');
    const skipped = count('skipped');
    const seconds = Math.round(result.duration / 1000);
    const parts = [`${count('passed')} passed`, `${failed} failed`];
    if (skipped > 0) parts.push(`${skipped} skipped`);
    process.stdout.write(
      `\ne2e: ${parts.join(', ')} in ${seconds} s (${result.status}, server start included)\n`,
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}
