import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/** A violation already reported as a bug: `rule` at the element axe names `target`. */
export interface KnownViolation {
  rule: string;
  target: string;
  bug: string;
}

/**
 * Flow 9: axe finds no serious or critical violation on the page as it is now. `state`
 * names what is on screen, so a failure says where it happened. A known violation is
 * tolerated only while it still occurs: once fixed, the check fails until it is removed,
 * as `test.fail` does for a whole test.
 */
export async function expectAccessible(
  page: Page,
  state: string,
  known: readonly KnownViolation[] = [],
): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => ({
        rule: violation.id,
        target: node.target.join(' '),
        text: `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(' ')} [${node.any[0]?.message ?? node.failureSummary ?? ''}]`,
      })),
    );
  const isKnown = (v: { rule: string; target: string }) =>
    known.some((k) => k.rule === v.rule && k.target === v.target);
  const unknown = found.filter((violation) => !isKnown(violation)).map((v) => v.text);
  expect(unknown, `serious or critical axe violations in state "${state}"`).toEqual([]);

  for (const bug of known) {
    const still = found.some((v) => v.rule === bug.rule && v.target === bug.target);
    expect(still, `known violation ${bug.rule} at ${bug.target} is fixed: remove it`).toBe(true);
    test.info().annotations.push({ type: 'known a11y bug', description: `${state}: ${bug.bug}` });
  }
}
