import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogues, languages } from '../i18n/i18n';
import { adminSessions, productCostFixture } from '../testing/fixtures';
import { englishIn, readableText, renderIn } from '../testing/render';
import { NetSavings } from './net-savings';
import { netSavingsCatalogues } from './net-savings-messages';

afterEach(cleanup);

const month = adminSessions.month;

describe.each(languages)('NetSavings in %s', (lang) => {
  const t = netSavingsCatalogues[lang];

  it('takes the VPN’s and the portal’s own cost from always-on, and opens onto the lines', () => {
    const view = renderIn(lang, <NetSavings month={month} />);
    const panel = screen.getByRole('region', { name: t.netTitle });
    expect(within(panel).getByText(catalogues[lang].monthAlwaysOn)).toBeTruthy();
    const sum = within(panel)
      .getAllByRole('definition')
      .map((dd) => dd.textContent);
    // Always-on, the VPN, the portal (fixture: $27.43 with its own ALB), what is left.
    expect(sum.map((text) => text?.replace(/[^\d.−-]/g, ''))).toEqual([
      '69.60',
      '−5.66',
      '−27.43',
      '36.51',
    ]);
    const lines = within(panel).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('summary span span')?.textContent)).toEqual([
      t.productAlbOwn,
      t.productLambda,
      t.productDynamoDb,
      t.productKms,
      t.productCloudWatch,
    ]);
    const alb = within(lines[0] as HTMLElement);
    expect(alb.getByRole('rowheader', { name: t.partAlbHours })).toBeTruthy();
    expect(alb.getByRole('rowheader', { name: t.partPublicIpv4Hours })).toBeTruthy();
    expect(screen.queryByText(t.netNegative)).toBeNull();
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });
});

describe('the panel’s words', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

  it.each(['ko', 'ja'] as const)(
    '%s has every key, the same placeholders, and no English phrase',
    (lang) => {
      for (const [key, text] of Object.entries(netSavingsCatalogues.en)) {
        const translated = netSavingsCatalogues[lang][key as keyof typeof netSavingsCatalogues.en];
        expect(translated, `${lang}.${key}`).toBeTruthy();
        expect(placeholders(translated), `${lang}.${key}`).toEqual(placeholders(text));
        const english = text.replace(/\{\w+\}/g, '').trim();
        // Service names (Lambda, DynamoDB, CloudWatch) stay as they are in every language.
        if (/[a-z]{3}/.test(english) && english.includes(' ')) {
          expect(translated, `${lang}.${key}`).not.toContain(english);
        }
      }
    },
  );
});

describe('NetSavings', () => {
  it('says when the portal cost more than it saved, and shows the figure below zero', () => {
    renderIn('en', <NetSavings month={{ ...month, alwaysOnCostUsd: 20, netSavingsUsd: -13.09 }} />);
    expect(
      screen.getByText('So far this month, the portal has cost more than it saved.'),
    ).toBeTruthy();
    expect(screen.getByText('-$13.09')).toBeTruthy();
  });

  it('names a shared listener, which has no ALB-hours of its own', () => {
    const productCost = productCostFixture('shared-listener');
    renderIn('en', <NetSavings month={{ ...month, productCost }} />);
    const albLine = screen
      .getByText('Load balancer (shared listener)')
      .closest('li') as HTMLElement;
    expect(within(albLine).queryByRole('rowheader', { name: 'ALB hours' })).toBeNull();
    expect(
      within(albLine).getByRole('rowheader', { name: 'Capacity units (LCU-hours)' }),
    ).toBeTruthy();
  });

  it('shows a cost of a fraction of a cent as under a cent, not as $0.00', () => {
    renderIn('en', <NetSavings month={month} />);
    const dynamoDb = screen.getByText('DynamoDB').closest('li') as HTMLElement;
    // The fixture's 19,760 read units cost $0.0025.
    expect(within(dynamoDb).getAllByText('under $0.01').length).toBeGreaterThan(0);
    expect(within(dynamoDb).queryByText('$0.00')).toBeNull();
  });

  it('says which prices and which assumption the estimate rests on', () => {
    renderIn('en', <NetSavings month={month} />);
    expect(
      screen.getByText(
        'Estimates at US East (N. Virginia) list prices of November 30, 2026, before free tiers. Status polls are not counted: 24,000 estimated from 21 sessions, as if everyone kept the page open throughout.',
      ),
    ).toBeTruthy();
  });
});
