import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../api/client';
import { languages } from '../i18n/i18n';
import { fakeApi } from '../testing/fixtures';
import { disassociateDeniedReport, everyFinding, healthyReport } from '../testing/health-fixtures';
import { englishIn, readableText, renderIn } from '../testing/render';
import { healthCatalogues, healthTemplate } from './health-messages';
import { HealthPanel } from './health-panel';
import { wordsFor } from './health-words';

afterEach(cleanup);

const plain = (template: string) => template.replace(/[`[\]]/g, '');

describe('health panel words', () => {
  it('has every key in every language, with the same placeholders and marks', () => {
    const shape = (text: string) =>
      [...text.matchAll(/\{\w+\}|`[^`]*`/g)]
        .map(([found]) => (found.startsWith('`') ? '`code`' : found))
        .sort();
    for (const lang of languages) {
      expect(Object.keys(healthCatalogues[lang]).sort()).toEqual(
        Object.keys(healthCatalogues.en).sort(),
      );
      for (const [key, text] of Object.entries(healthCatalogues.en)) {
        const translated = healthCatalogues[lang][key as keyof typeof healthCatalogues.en];
        expect([...translated.matchAll(/\{\w+\}/g)].map(String).sort(), `${lang} ${key}`).toEqual(
          [...text.matchAll(/\{\w+\}/g)].map(String).sort(),
        );
        expect(shape(translated).length, `${lang} ${key}`).toBe(shape(text).length);
      }
    }
  });

  it('words every finding with a sentence, and gives a fix to everything that did not pass', () => {
    for (const lang of languages) {
      for (const check of everyFinding()) {
        const words = wordsFor(check, lang);
        expect(words.sentence.key, check.finding).toBeTruthy();
        if (check.status === 'ok') expect(words.fix, `${check.id} ${check.finding}`).toBeNull();
        // An alarm that never ran is no fault, even reported as a warning elsewhere.
        else if (
          !(check.kind === 'last-run' && check.trigger === 'alarm' && check.finding === 'never')
        ) {
          expect(words.fix, `${check.id} ${check.finding}`).not.toBeNull();
        }
      }
    }
  });
});

describe.each(languages)('health panel in %s', (lang) => {
  it('puts a failed check first, with its sentence, its fix and AWS’s words', async () => {
    const api = fakeApi({ health: vi.fn(async () => disassociateDeniedReport) });
    const view = renderIn(lang, <HealthPanel api={api} />);

    const panel = await screen.findByRole('region', {
      name: plain(healthTemplate(lang, 'healthTitle')),
    });
    const failed = await within(panel).findByText(healthTemplate(lang, 'statusFailed'));
    const item = failed.closest('li');
    expect(item?.getAttribute('data-check')).toBe(
      'permission:events:DisassociateClientVpnTargetNetwork',
    );
    const listed = view.container.querySelectorAll('li.health-check');
    expect(listed[0]).toBe(item);
    expect(item?.textContent).toContain(healthTemplate(lang, 'roleEvents'));
    expect(item?.textContent).toContain(healthTemplate(lang, 'actDisassociate'));
    expect(item?.textContent).toContain('ec2:DisassociateClientVpnTargetNetwork');
    expect(item?.textContent).toContain(`${healthTemplate(lang, 'healthFix')}:`);
    expect(item?.textContent).toContain('npx cdk deploy');
    expect(item?.textContent).toContain('UnauthorizedOperation: You are not authorized');
    // The fourteen that passed are folded away, not gone.
    const passed = view.container.querySelector('details.health-passed');
    expect(passed?.hasAttribute('open')).toBe(false);
    expect(passed?.querySelectorAll('li')).toHaveLength(14);
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('says all checks passed, and leaves no English in any finding’s words', async () => {
    renderIn(lang, <HealthPanel api={fakeApi()} />);
    await screen.findByText(
      plain(healthTemplate(lang, 'healthAllOk')).replace(
        '{count}',
        String(healthyReport.checks.length),
      ),
    );
    if (lang === 'en') return;
    cleanup();
    const every = renderIn(
      lang,
      <HealthPanel
        api={fakeApi({
          health: vi.fn(async () => ({
            ...healthyReport,
            status: 'failed' as const,
            checks: everyFinding(),
          })),
        })}
      />,
    );
    await waitFor(() =>
      expect(every.container.querySelectorAll('li.health-check').length).toBe(
        everyFinding().length,
      ),
    );
    expect(englishIn(readableText(every.container))).toEqual([]);
  });

  it('sends a test notice and says what was sent', async () => {
    const api = fakeApi();
    renderIn(lang, <HealthPanel api={api} />);
    const button = await screen.findByRole('button', {
      name: plain(healthTemplate(lang, 'testNoticeButton')),
    });

    fireEvent.click(button);

    await waitFor(() => expect(api.sendTestNotice).toHaveBeenCalledTimes(1));
    const status = screen.getByRole('status');
    await waitFor(() =>
      expect(status.textContent).toContain('VPN portal test notice from alex.admin@example.com'),
    );
  });

  it('says when no channel is set up, and when the checks could not be run', async () => {
    const api = fakeApi({
      health: vi.fn(async () => {
        throw new ApiFailure('internal', 'boom', 500, 'req-1');
      }),
      sendTestNotice: vi.fn(async () => ({
        sent: false,
        subject: 'x',
        at: '2026-11-30T09:00:00.000Z',
      })),
    });
    renderIn(lang, <HealthPanel api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      healthTemplate(lang, 'healthUnavailable'),
    );

    fireEvent.click(
      screen.getByRole('button', { name: plain(healthTemplate(lang, 'testNoticeButton')) }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        healthTemplate(lang, 'testNoticeNoChannel'),
      ),
    );
  });

  it('checks again when asked', async () => {
    const api = fakeApi();
    renderIn(lang, <HealthPanel api={api} />);
    const again = await screen.findByRole('button', {
      name: plain(healthTemplate(lang, 'healthRecheck')),
    });
    fireEvent.click(again);
    await waitFor(() => expect(api.health).toHaveBeenCalledTimes(2));
  });
});
