import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure, PortalUnreachable } from '../api/client';
import { catalogues, languages } from '../i18n/i18n';
import {
  admin,
  adminSessions,
  adminWarmUps,
  employee,
  fakeApi,
  statusByState,
} from '../testing/fixtures';
import { englishIn, readableText, renderIn } from '../testing/render';
import { AdminPage } from './admin-page';

afterEach(cleanup);

describe.each(languages)('admin view in %s', (lang) => {
  const t = catalogues[lang];

  it('shows sessions, connections and the month against always-on', async () => {
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    const view = renderIn(lang, <AdminPage api={api} me={admin} />);
    await screen.findByRole('heading', { name: t.sessionsTitle });
    const sessions = screen.getByRole('region', { name: t.sessionsTitle });
    expect(within(sessions).getAllByRole('row')).toHaveLength(1 + adminSessions.sessions.length);
    expect(within(sessions).getByText(t.endIdle)).toBeTruthy();
    expect(within(sessions).getByText(t.stillRunning)).toBeTruthy();
    expect(within(sessions).getByText(t.startedBySchedule)).toBeTruthy();
    expect(within(sessions).queryByText('schedule')).toBeNull();
    expect(within(sessions).getByText(t.startedOutsidePortal)).toBeTruthy();
    expect(within(sessions).queryByText('external')).toBeNull();
    expect(screen.queryByRole('heading', { name: t.warmUpTitle })).toBeNull();
    const connections = screen.getByRole('region', { name: t.connectionsTitle });
    expect(within(connections).getByText(t.connActive)).toBeTruthy();
    expect(screen.getByRole('img', { name: t.chartLabel })).toBeTruthy();
    expect(view.container.querySelectorAll('.chart-bar')).toHaveLength(29);
    expect(view.container.textContent).toContain('$69.60');
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('says which connection the portal ended for no traffic, and after how long', async () => {
    const [live] = adminSessions.connections;
    if (!live) throw new Error('the fixture lists a connection');
    const body = {
      ...adminSessions,
      connections: [
        ...adminSessions.connections,
        {
          ...live,
          connectionId: 'cvpn-connection-0quiet',
          status: 'terminated',
          endedAt: '2026-11-30T08:30:00.000Z',
          endedFor: { reason: 'no-traffic' as const, quietMinutes: 60 },
        },
      ],
    };
    const view = renderIn(
      lang,
      <AdminPage api={fakeApi({ adminSessions: vi.fn(async () => body) })} me={admin} />,
    );
    await screen.findByRole('heading', { name: t.connectionsTitle });
    const connections = screen.getByRole('region', { name: t.connectionsTitle });
    expect(
      within(connections).getByText(
        t.connEndedNoTraffic.replace('{minutes}', new Intl.NumberFormat(lang).format(60)),
      ),
    ).toBeTruthy();
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('lists the next warm-ups and what they cost this month', async () => {
    const body = { ...adminSessions, warmUps: adminWarmUps };
    const view = renderIn(
      lang,
      <AdminPage api={fakeApi({ adminSessions: vi.fn(async () => body) })} me={admin} />,
    );
    await screen.findByRole('heading', { name: t.warmUpTitle });
    const section = screen.getByRole('region', { name: t.warmUpTitle });
    expect(within(section).getAllByRole('listitem')).toHaveLength(adminWarmUps.next.length);
    expect(within(section).getByText(t.warmUpSessions).nextElementSibling?.textContent).toBe('20');
    expect(section.textContent).toContain('$3.08');
    expect(section.textContent).toContain(new Intl.NumberFormat(lang).format(20.5));
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('says so when warm-ups are configured but none is due', async () => {
    const body = { ...adminSessions, warmUps: { ...adminWarmUps, next: [] } };
    renderIn(
      lang,
      <AdminPage api={fakeApi({ adminSessions: vi.fn(async () => body) })} me={admin} />,
    );
    await screen.findByText(t.warmUpNone);
  });

  it('tells a non-administrator plainly that the page is for administrators', async () => {
    const api = fakeApi();
    const view = renderIn(lang, <AdminPage api={api} me={employee} />);
    expect(screen.getByRole('heading', { name: t.adminOnlyTitle })).toBeTruthy();
    expect(api.adminSessions).not.toHaveBeenCalled();
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });
});

describe('admin view behaviour', () => {
  it('shows the administrators-only page when the server refuses with not_admin', async () => {
    const adminSessionsCall = vi.fn(async () => {
      throw new ApiFailure('not_admin', 'Admins only.', 403, 'req-1');
    });
    renderIn('en', <AdminPage api={fakeApi({ adminSessions: adminSessionsCall })} me={null} />);
    await screen.findByRole('heading', { name: 'Administrators only' });
  });

  it('says calmly that it keeps trying when the portal cannot be reached', async () => {
    const adminSessionsCall = vi.fn(async () => {
      throw new PortalUnreachable('unreachable', 'HTTP 504', 504);
    });
    renderIn('ko', <AdminPage api={fakeApi({ adminSessions: adminSessionsCall })} me={admin} />);
    await screen.findByText(catalogues.ko.outage);
  });

  it('asks for confirmation in a dialog before disconnecting', async () => {
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    renderIn('en', <AdminPage api={api} me={admin} />);
    const button = await screen.findByRole('button', { name: 'Disconnect now' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Turn the VPN off now?' });
    expect(api.disconnect).not.toHaveBeenCalled();
    expect(within(dialog).getByText(/2 connected people/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await screen.findByText('Current state: Turning off');
    expect(api.disconnect).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the confirmation is cancelled', async () => {
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    renderIn('en', <AdminPage api={api} me={admin} />);
    const button = await screen.findByRole('button', { name: 'Disconnect now' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect((dialog as HTMLDialogElement).open).toBe(false));
    expect(api.disconnect).not.toHaveBeenCalled();
  });

  it('cannot disconnect a VPN that is already off', async () => {
    renderIn('en', <AdminPage api={fakeApi()} me={admin} />);
    await screen.findByText('Current state: Off');
    const button = screen.getByRole('button', { name: 'Disconnect now' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});
