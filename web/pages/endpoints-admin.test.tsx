import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogues, languages } from '../i18n/i18n';
import {
  admin,
  adminEndpoints,
  adminSessions,
  fakeApi,
  fakeEndpointClient,
  statusByState,
} from '../testing/fixtures';
import { englishIn, readableText, renderIn } from '../testing/render';
import { AdminPage } from './admin-page';
import { endpointsAdminCatalogues } from './endpoints-admin-messages';

afterEach(cleanup);

/** Seoul ready with two people, Staging off; Staging's sessions are its own. */
function twoEndpointAdmin() {
  const seoul = fakeEndpointClient();
  const staging = fakeEndpointClient({
    adminSessions: vi.fn(async () => ({
      ...adminSessions,
      sessions: adminSessions.sessions.slice(2, 3),
      connections: [],
    })),
  });
  const api = fakeApi({ adminEndpoints: vi.fn(async () => adminEndpoints) }, { seoul, staging });
  return { api, seoul, staging };
}

describe.each(languages)('admin view of several endpoints in %s', (lang) => {
  const t = catalogues[lang];
  const a = endpointsAdminCatalogues[lang];

  it('shows each endpoint’s state, connections and month, and their total', async () => {
    const { api } = twoEndpointAdmin();
    const view = renderIn(lang, <AdminPage api={api} me={admin} />);
    const table = await screen.findByRole('region', { name: a.endpointsTitle });
    const seoul = within(table).getByRole('row', {
      name: new RegExp(`^${adminEndpoints.endpoints[0]?.names[lang]}`),
    });
    expect(seoul.textContent).toContain(t.stateReady);
    expect(seoul.textContent).toContain('$5.66');
    expect(seoul.textContent).toContain('$69.60');
    const total = within(table).getByRole('row', { name: new RegExp(`^${a.allEndpoints}`) });
    expect(total.textContent).toContain('$5.91');
    expect(total.textContent).toContain('$139.20');
    expect(total.textContent).toContain('2');
    await screen.findByRole('region', { name: t.sessionsTitle });
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });
});

describe('admin view of several endpoints', () => {
  it('never asks today’s routes, and polls the sessions of the endpoint picked only', async () => {
    const { api, seoul, staging } = twoEndpointAdmin();
    renderIn('en', <AdminPage api={api} me={admin} />);
    await screen.findByRole('region', { name: 'Recent sessions' });
    expect(seoul.adminSessions).toHaveBeenCalledTimes(1);
    expect(staging.adminSessions).not.toHaveBeenCalled();
    expect(api.adminSessions).not.toHaveBeenCalled();
    expect(api.status).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Staging' }));
    await waitFor(() => expect(staging.adminSessions).toHaveBeenCalledTimes(1));
  });

  it('turns off the endpoint picked after confirming, and shows it turning off at once', async () => {
    const { api, seoul, staging } = twoEndpointAdmin();
    renderIn('en', <AdminPage api={api} me={admin} />);
    const details = await screen.findByRole('region', { name: 'Seoul office' });
    await within(details).findByText('Current state: Ready · 2 people connected');
    fireEvent.click(within(details).getByRole('button', { name: 'Disconnect now · Seoul office' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Seoul office · Turn the VPN off now?',
    });
    expect(dialog.textContent).toContain('2 connected people will lose the VPN');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));
    await within(details).findByText('Current state: Turning off');
    expect(screen.getByRole('row', { name: /^Seoul office Turning off/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /^Staging Off/ })).toBeTruthy();
    expect(seoul.disconnect).toHaveBeenCalledTimes(1);
    expect(staging.disconnect).not.toHaveBeenCalled();
  });

  it('cannot turn off an endpoint that is already off', async () => {
    const { api } = twoEndpointAdmin();
    renderIn('en', <AdminPage api={api} me={admin} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Staging' }));
    const details = await screen.findByRole('region', { name: 'Staging' });
    const button = within(details).getByRole('button', { name: 'Disconnect now · Staging' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(within(details).getByText('Current state: Off')).toBeTruthy();
  });

  it('shows the connections and sessions of the endpoint picked', async () => {
    const { api } = twoEndpointAdmin();
    renderIn('en', <AdminPage api={api} me={admin} />);
    const sessions = await screen.findByRole('region', { name: 'Recent sessions' });
    expect(within(sessions).getAllByRole('row')).toHaveLength(1 + adminSessions.sessions.length);
    fireEvent.click(screen.getByRole('button', { name: 'Staging' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Recent sessions' })).getAllByRole('row'),
      ).toHaveLength(2),
    );
    expect(screen.getByRole('button', { name: 'Staging' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('keeps today’s view with one endpoint, and stops asking for the list', async () => {
    const api = fakeApi({ status: vi.fn(async () => statusByState.ready) });
    renderIn('en', <AdminPage api={api} me={admin} />);
    await screen.findByText('Current state: Ready · 2 people connected');
    expect(screen.queryByRole('region', { name: 'Endpoints' })).toBeNull();
    expect(api.adminEndpoints).toHaveBeenCalledTimes(1);
  });
});
