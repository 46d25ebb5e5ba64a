import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatusBody } from '../../app/http/api-types';
import { ApiFailure, createApiClient, PortalUnreachable } from '../api/client';
import { formatAgo } from '../i18n/format';
import { catalogues, languages } from '../i18n/i18n';
import { fakeApi, serverNow, statusBody, statusByState, warmUpNext } from '../testing/fixtures';
import { albErrorPage, jsonResponse, memoryStorage } from '../testing/http';
import { englishIn, readableText, renderIn } from '../testing/render';
import { StatusPage } from './status-page';

const states = Object.keys(statusByState) as StatusBody['state'][];
const titleKey = {
  off: 'offTitle',
  starting: 'startingTitle',
  ready: 'readyTitle',
  stopping: 'stoppingTitle',
  error: 'errorTitle',
} as const;

async function showStatus(lang: (typeof languages)[number], status: StatusBody) {
  const api = fakeApi({ status: vi.fn(async () => status) });
  const view = renderIn(lang, <StatusPage api={api} />);
  await screen.findByRole('heading', { level: 1, name: catalogues[lang][titleKey[status.state]] });
  return { api, view };
}

/** Preact runs effects after paint; give it a real moment so the 1 s ticker exists. */
const effectsRun = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Polls run on fake timers; `act` lets Preact render what each answer changed. */
function fakePollTimers() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  return (ms: number) =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
}

/** The real API client over a fetch whose `/api/status` answers the test queues. */
function clientAnswering(answers: (() => Response)[], fallback: () => Response) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
    (answers.shift() ?? fallback)(),
  );
  const reload = vi.fn();
  return { api: createApiClient({ fetch, reload, storage: memoryStorage() }), fetch, reload };
}

const outage = () => new PortalUnreachable('unreachable', 'HTTP 502', 502);

describe.each(languages)('status page in %s', (lang) => {
  const t = catalogues[lang];

  it.each(states)('shows the %s state in the reader’s language', async (state) => {
    const { view } = await showStatus(lang, statusByState[state]);
    const text = readableText(view.container);
    if (lang !== 'en') expect(englishIn(text)).toEqual([]);
    if (state === 'off' || state === 'stopping') {
      expect(screen.getByRole('button', { name: t.connect })).toBeTruthy();
    }
    if (state === 'starting') expect(screen.getByRole('progressbar')).toBeTruthy();
    if (state === 'ready') expect(text).toContain('2');
    if (state === 'error') {
      expect(text).toContain(t.errorAssociationFailed);
      expect(view.container.textContent).toContain('req-7f3a');
      expect(screen.getByRole('button', { name: t.retry })).toBeTruthy();
    }
  });

  it('says when the schedule turns the VPN on while it is off', async () => {
    const { view } = await showStatus(lang, { ...statusByState.off, warmUp: warmUpNext() });
    const line = view.container.querySelector('.warm-up');
    const rule = t.warmUpWeekdays.split('{time}')[0]?.trim() ?? '';
    expect(line?.textContent).toContain(rule);
    expect(line?.textContent).toContain(t.warmUpNext.split('{when}')[0]);
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('says the VPN stays on while someone is connected', async () => {
    const { view } = await showStatus(lang, { ...statusByState.ready, autoDisconnectAt: null });
    expect(readableText(view.container)).toContain(t.staysOn);
  });

  it('says a VPN switched on outside the portal, unused, may turn off any moment', async () => {
    const { view } = await showStatus(lang, {
      ...statusByState.ready,
      activeConnections: 0,
      lastActivityAt: null,
      autoDisconnectAt: null,
    });
    expect(readableText(view.container)).toContain(t.autoOffSoon);
  });

  it('tells the employee when the portal ended their connection for no traffic', async () => {
    const connectionEnded = {
      reason: 'no-traffic' as const,
      quietMinutes: 60,
      endedAt: statusByState.ready.serverTime,
    };
    const { view } = await showStatus(lang, { ...statusByState.ready, connectionEnded });
    const text = readableText(view.container);
    expect(text).toContain(
      t.connectionEndedNoTraffic.replace('{minutes}', new Intl.NumberFormat(lang).format(60)),
    );
    if (lang !== 'en') expect(englishIn(text)).toEqual([]);
  });

  it('says nothing about an ended connection when the portal ended none', async () => {
    const { view } = await showStatus(lang, statusByState.ready);
    expect(view.container.querySelector('.connection-ended')).toBeNull();
  });

  it('says a connect made while stopping will happen afterwards', async () => {
    const { view } = await showStatus(lang, { ...statusByState.stopping, connectQueued: true });
    expect(readableText(view.container)).toContain(t.connectQueued);
    expect(screen.queryByRole('button', { name: t.connect })).toBeNull();
  });
});

describe('the warm-up line', () => {
  it.each([
    ['no schedule is configured', statusByState.off],
    ['no warm-up is due', { ...statusByState.off, warmUp: null }],
  ])('is not shown when %s', async (_case, status) => {
    const { view } = await showStatus('en', status);
    expect(view.container.querySelector('.warm-up')).toBeNull();
    expect(readableText(view.container)).not.toContain('turns on at');
  });

  it.each(states.filter((state) => state !== 'off'))('is not shown while %s', async (state) => {
    const { view } = await showStatus('en', { ...statusByState[state], warmUp: warmUpNext() });
    expect(view.container.querySelector('.warm-up')).toBeNull();
  });

  it('sits below the Connect button, which stays the first thing to tap', async () => {
    const { view } = await showStatus('en', { ...statusByState.off, warmUp: warmUpNext() });
    const button = screen.getByRole('button', { name: 'Connect VPN' });
    const line = view.container.querySelector('.warm-up');
    expect(
      line && button.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });
});

describe('status page behaviour', () => {
  it('counts down in server time even when the device clock is an hour ahead', async () => {
    const deviceNow = Date.parse(serverNow) + 60 * 60_000;
    vi.useFakeTimers({ now: deviceNow, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { view } = await showStatus('en', statusByState.ready); // auto-off in 25 min
    await effectsRun();
    expect(readableText(view.container)).toMatch(/Turns off in 25 min/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(61_000);
    });
    expect(readableText(view.container)).toMatch(/Turns off in 23 min,? 59 sec/);
  });

  it('shows elapsed time since the start in server time', async () => {
    const deviceNow = Date.parse(serverNow) - 10 * 60_000; // device 10 min behind
    vi.useFakeTimers({ now: deviceNow, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { view } = await showStatus('en', statusByState.starting); // started 1 min ago
    expect(readableText(view.container)).toMatch(/1 min so far/);
    expect(readableText(view.container)).toMatch(/about 5 min/);
  });

  it('connects on a tap and shows the starting state from the answer', async () => {
    const { api } = await showStatus('en', statusByState.off);
    fireEvent.click(screen.getByRole('button', { name: 'Connect VPN' }));
    await screen.findByRole('heading', { name: 'Turning on…' });
    expect(api.connect).toHaveBeenCalledTimes(1);
  });

  it('announces state changes through a live region', async () => {
    const { view } = await showStatus('en', statusByState.off);
    const live = view.container.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Connect VPN' }));
    await waitFor(() => expect(live?.textContent).toBe('Turning on…'));
  });

  it('shows a failed connect with its reference id and retries it', async () => {
    const connect = vi
      .fn()
      .mockRejectedValueOnce(new ApiFailure('aws_unavailable', 'EC2 down', 503, 'req-9'))
      .mockResolvedValueOnce(statusByState.starting);
    const api = fakeApi({ connect });
    renderIn('ko', <StatusPage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'VPN 연결' }));
    await screen.findByText(catalogues.ko.errorAwsUnavailable);
    expect(screen.getByText('req-9')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    await screen.findByRole('heading', { name: '켜는 중…' });
  });

  it('shows plain words when the portal cannot be reached at all', async () => {
    const status = vi.fn(async () => {
      throw new PortalUnreachable('offline', 'no network', 0);
    });
    renderIn('ja', <StatusPage api={fakeApi({ status })} />);
    await screen.findByText(catalogues.ja.outage);
    expect(screen.getByRole('heading', { level: 1, name: catalogues.ja.outageTitle })).toBeTruthy();
  });

  it('keeps the last state visible when a later poll fails', async () => {
    const status = vi
      .fn()
      .mockResolvedValueOnce(statusBody({ state: 'ready', activeConnections: 1 }))
      .mockRejectedValue(new PortalUnreachable('offline', 'no network', 0));
    const api = fakeApi({ status });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    renderIn('en', <StatusPage api={api} />);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(screen.getByRole('heading', { name: 'Ready — open your VPN app' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('The portal can’t be reached');
  });
});

describe.each(languages)('a status read a while ago, in %s', (lang) => {
  const t = catalogues[lang];
  const secondsBefore = (iso: string, seconds: number) =>
    new Date(Date.parse(iso) - seconds * 1000).toISOString();

  it('says calmly how old the shown status is while AWS answers slowly', async () => {
    const { view } = await showStatus(lang, {
      ...statusByState.ready,
      asOf: secondsBefore(serverNow, 40),
    });
    const line = view.container.querySelector('.as-of');
    expect(line?.textContent).toBe(t.statusAsOf.replace('{ago}', formatAgo(lang, 40)));
    expect(screen.getByRole('heading', { level: 1, name: t.readyTitle })).toBeTruthy();
    expect(readableText(view.container)).not.toContain(t.errorTitle);
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('says nothing about age when the status is a few seconds old', async () => {
    const { view } = await showStatus(lang, {
      ...statusByState.ready,
      asOf: secondsBefore(serverNow, 4),
    });
    expect(view.container.querySelector('.as-of')).toBeNull();
  });
});

describe.each(languages)('an outage in %s', (lang) => {
  const t = catalogues[lang];

  it('says calmly that the portal cannot be reached and that the page keeps trying', async () => {
    const status = vi.fn(async () => {
      throw outage();
    });
    const view = renderIn(lang, <StatusPage api={fakeApi({ status })} />);
    await screen.findByRole('heading', { level: 1, name: t.outageTitle });
    const text = readableText(view.container);
    expect(text).toContain(t.outage);
    expect(text).not.toContain(t.errorTitle);
    expect(screen.getByRole('button', { name: t.retry })).toBeTruthy();
    if (lang !== 'en') expect(englishIn(text)).toEqual([]);
  });

  it('keeps the last known state, marked as possibly out of date', async () => {
    const status = vi.fn().mockResolvedValueOnce(statusByState.ready).mockRejectedValue(outage());
    const passes = fakePollTimers();
    const view = renderIn(lang, <StatusPage api={fakeApi({ status })} />);
    await passes(0);
    await passes(15_000); // the next poll meets the outage
    expect(screen.getByRole('heading', { level: 1, name: t.readyTitle })).toBeTruthy();
    const note = screen.getByRole('status');
    expect(note.textContent).toContain(t.outage);
    expect(note.textContent).toContain(t.staleStatus.split('{ago}')[1]?.trim());
    expect(view.container.querySelector('.card')?.getAttribute('aria-describedby')).toBe(note.id);
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });
});

describe('when the load balancer answers for the portal', () => {
  const off = () => jsonResponse(statusByState.off);

  it('treats its 502 page as an outage, not a sign-out: no reload', async () => {
    const { api, reload } = clientAnswering([], () => albErrorPage(502));
    const view = renderIn('en', <StatusPage api={api} />);
    await screen.findByRole('heading', { level: 1, name: catalogues.en.outageTitle });
    expect(reload).not.toHaveBeenCalled();
    expect(readableText(view.container)).not.toContain('sign-in');
  });

  it('backs off while it lasts and goes back to the normal pace at the first answer', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5); // the planned waits, no jitter
    const passes = fakePollTimers();
    const failures = [502, 504, 503] as const;
    const { api, fetch, reload } = clientAnswering(
      failures.map((code) => () => albErrorPage(code)),
      off,
    );
    const callsAfter = async (ms: number) => {
      await passes(ms);
      return fetch.mock.calls.length;
    };
    renderIn('en', <StatusPage api={api} />);
    expect(await callsAfter(0)).toBe(1);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Trying to reach the portal…' }),
    ).toBeTruthy();
    expect(await callsAfter(4_999)).toBe(1);
    expect(await callsAfter(1)).toBe(2); // 5 s
    expect(await callsAfter(9_999)).toBe(2);
    expect(await callsAfter(1)).toBe(3); // then 10 s
    expect(await callsAfter(19_999)).toBe(3);
    expect(await callsAfter(1)).toBe(4); // then 20 s, and the portal answers
    expect(screen.getByRole('heading', { level: 1, name: 'The VPN is off' })).toBeTruthy();
    expect(screen.queryByText(catalogues.en.outage)).toBeNull();
    expect(await callsAfter(29_999)).toBe(4); // while off, every 30 s again
    expect(await callsAfter(1)).toBe(5);
    expect(reload).not.toHaveBeenCalled();
  });

  it('still shows the portal’s own error when a 503 carries its JSON body', async () => {
    const body = { error: { code: 'aws_unavailable', message: 'EC2 down', requestId: 'req-503' } };
    const { api, reload } = clientAnswering([], () => jsonResponse(body, 503));
    renderIn('en', <StatusPage api={api} />);
    await screen.findByRole('heading', { level: 1, name: catalogues.en.errorTitle });
    expect(screen.getByText(catalogues.en.errorAwsUnavailable)).toBeTruthy();
    expect(screen.getByText('req-503')).toBeTruthy();
    expect(screen.queryByText(catalogues.en.outage)).toBeNull();
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('the ready state’s VPN app (issue 16)', () => {
  it.each(languages)(
    'names the app of the device in hand and what to open next, in %s',
    async (lang) => {
      const { ClientInfoContext } = await import('../device/client-info');
      const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
      const portal = {
        openNext: { ko: '워크스페이스 앱', ja: 'ワークスペース', en: 'Amazon WorkSpaces' },
        keepOnMaxHours: 4,
      };
      const view = renderIn(
        lang,
        <ClientInfoContext.Provider value={{ platform: 'ipados', portal }}>
          <StatusPage api={api} />
        </ClientInfoContext.Provider>,
      );
      await screen.findByRole('heading', { level: 1, name: catalogues[lang].readyTitle });
      const lead = view.container.querySelector('[data-app]');
      expect(lead?.textContent).toContain('OpenVPN Connect');
      expect(lead?.textContent).toContain(portal.openNext[lang]);
      expect(lead?.textContent).not.toContain('AWS VPN Client');
      const install = screen.getByRole('link', {
        name: catalogues[lang].installApp.replace('{app}', 'OpenVPN Connect'),
      });
      expect(install.getAttribute('href')).toContain('apps.apple.com');
      if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
    },
  );

  it('names the AWS VPN Client on a desktop, and WorkSpaces when the deployment says nothing', async () => {
    const { ClientInfoContext } = await import('../device/client-info');
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    const view = renderIn(
      'en',
      <ClientInfoContext.Provider value={{ platform: 'windows', portal: null }}>
        <StatusPage api={api} />
      </ClientInfoContext.Provider>,
    );
    await screen.findByRole('heading', { level: 1, name: catalogues.en.readyTitle });
    expect(view.container.querySelector('[data-app]')?.textContent).toBe(
      'Connect with AWS VPN Client, then open WorkSpaces.',
    );
  });
});

describe('“I’m done, turn it off” (issue 16)', () => {
  it('turns the VPN off and shows the stopping state', async () => {
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    renderIn('ko', <StatusPage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: catalogues.ko.doneButton }));
    await screen.findByRole('heading', { level: 1, name: catalogues.ko.stoppingTitle });
    expect(api.done).toHaveBeenCalledTimes(1);
  });

  it.each(languages)('says how many others use it, not who, when refused (%s)', async (lang) => {
    const api = fakeApi({
      status: vi.fn(async () => statusByState.ready),
      done: vi.fn(async () => {
        throw new ApiFailure('others_using', '2 other people…', 409, 'req-1', 2);
      }),
    });
    const view = renderIn(lang, <StatusPage api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: catalogues[lang].doneButton }));
    const expected = catalogues[lang].othersUsingOther
      .replace('{count}', '2')
      .replace('{minutes}', new Intl.NumberFormat(lang).format(30));
    await waitFor(() => expect(view.container.textContent).toContain(expected));
    expect(
      screen.getByRole('heading', { level: 1, name: catalogues[lang].readyTitle }),
    ).toBeTruthy();
  });
});

describe('“Keep it on” (issue 16)', () => {
  it('asks for one more hour and shows until when it is kept on', async () => {
    const { ClientInfoContext } = await import('../device/client-info');
    const held = '2026-11-30T10:30:00.000Z';
    const api = fakeApi({
      status: vi.fn(async () => statusByState.ready),
      keepOn: vi.fn(async () => ({
        ...statusByState.ready,
        keptOnUntil: held,
        autoDisconnectAt: held,
      })),
    });
    const portal = {
      openNext: { ko: 'WorkSpaces', ja: 'WorkSpaces', en: 'WorkSpaces' },
      keepOnMaxHours: 4,
    };
    const view = renderIn(
      'ko',
      <ClientInfoContext.Provider value={{ platform: 'ipados', portal }}>
        <StatusPage api={api} />
      </ClientInfoContext.Provider>,
    );
    const add = await screen.findByRole('button', {
      name: catalogues.ko.keepOnAddLabel.replace('{hours}', '1'),
    });
    fireEvent.click(add);
    await waitFor(() => expect(view.container.querySelector('.kept-on')?.textContent).not.toBe(''));
    expect(api.keepOn).toHaveBeenCalledWith(1);
    expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('is hidden when the deployment set the maximum to 0', async () => {
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    renderIn('en', <StatusPage api={api} />);
    await screen.findByRole('heading', { level: 1, name: catalogues.en.readyTitle });
    expect(screen.queryByRole('heading', { name: catalogues.en.keepOnTitle })).toBeNull();
  });
});
