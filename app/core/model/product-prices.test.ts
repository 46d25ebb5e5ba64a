import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRICES_CHECKED_ON, PRODUCT_PRICES, productPriceAmounts } from './product-prices.js';
import { USAGE_ASSUMPTIONS } from './product-usage.js';

/** The README's "What the portal itself costs" repeats these tables for operators to read. */
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## What the portal itself costs'));
const shown = (value: number) => value.toLocaleString('en-US', { maximumSignificantDigits: 6 });

/** A table row's cells, trimmed: the formatter pads the columns. */
function cellsOf(key: string): string[] | undefined {
  return section
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .find((cells) => cells[0] === `\`${key}\``);
}

describe('the price table', () => {
  it.each(Object.entries(PRODUCT_PRICES))(
    'shows %s in the README with its amount and source',
    (key, price) => {
      expect(cellsOf(key)).toEqual([
        `\`${key}\``,
        shown(price.usd),
        price.per,
        `<${price.source}>`,
      ]);
    },
  );

  it('says in the README when the prices were checked', () => {
    expect(section).toContain(`as checked on\n${PRICES_CHECKED_ON}`);
  });

  it('shows every assumption in the README with its value', () => {
    for (const [key, value] of Object.entries(USAGE_ASSUMPTIONS)) {
      expect(cellsOf(key)?.slice(0, 2), key).toEqual([`\`${key}\``, shown(value)]);
    }
  });

  it('hands the arithmetic every amount, and nothing else', () => {
    const amounts = productPriceAmounts();
    expect(Object.keys(amounts).sort()).toEqual(Object.keys(PRODUCT_PRICES).sort());
    expect(amounts.albHour).toBe(0.0225);
  });
});
