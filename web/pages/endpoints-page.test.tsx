import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EndpointClient } from '../api/client';
import { catalogues, languages } from '../i18n/i18n';
import {
  fakeEndpointClient,
  seoulEndpoint,
  stagingEndpoint,
  statusByState,
  twoEndpoints,
} from '../testing/fixtures';
import { englishIn, readableText, renderIn } from '../testing/render';
import { EndpointsPage } from './endpoints-page';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Seoul and Staging, each with its own fake calls; Seoul ready, Staging off unless told. */
function showTwo(
  lang: (typeof languages)[number],
  clients: { seoul?: EndpointClient; staging?: EndpointClient } = {},
) {
  const seoul =
    clients.seoul ?? fakeEndpointClient({ status: vi.fn(async () => statusByState.ready) });
  const staging = clients.staging ?? fakeEndpointClient();
  const byKey: Record<string, EndpointClient> = { seoul, staging };
  const endpointClient = vi.fn((key: string) => byKey[key] ?? fakeEndpointClient());
  const view = renderIn(
    lang,
    <EndpointsPage
      endpoints={twoEndpoints.endpoints}
      endpointClient={endpointClient}
      onNavigate={() => undefined}
    />,
  );
  return { view, seoul, staging };
}

describe.each(languages)('several endpoints in %s', (lang) => {
  const t = catalogues[lang];
  const seoulName = seoulEndpoint.names[lang];
  const stagingName = stagingEndpoint.names[lang];

  it('shows a card per endpoint, named in the page’s language, in the server’s order', async () => {
    const { view } = showTwo(lang);
    const seoul = await screen.findByRole('region', { name: seoulName });
    const staging = screen.getByRole('region', { name: stagingName });
    expect(seoul.compareDocumentPosition(staging) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await within(seoul).findByRole('heading', { level: 3, name: t.readyTitle });
    await within(staging).findByRole('heading', { level: 3, name: t.offTitle });
    expect(
      within(staging).getByRole('button', { name: t.connectTo.replace('{name}', stagingName) }),
    ).toBeTruthy();
    if (lang !== 'en') expect(englishIn(readableText(view.container))).toEqual([]);
  });
});

describe('several endpoints', () => {
  it('connects the endpoint whose card was tapped, and only that one', async () => {
    const { seoul, staging } = showTwo('en');
    const card = await screen.findByRole('region', { name: 'Staging' });
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect Staging' }));
    await within(card).findByRole('heading', { name: 'Turning on…' });
    expect(staging.connect).toHaveBeenCalledTimes(1);
    expect(seoul.connect).not.toHaveBeenCalled();
    const other = screen.getByRole('region', { name: 'Seoul office' });
    expect(within(other).getByRole('heading', { name: 'Ready — open your VPN app' })).toBeTruthy();
  });

  it('polls each endpoint’s own status once to start with', async () => {
    const { seoul, staging } = showTwo('en');
    await screen.findByRole('heading', { name: 'The VPN is off' });
    expect(seoul.status).toHaveBeenCalledTimes(1);
    expect(staging.status).toHaveBeenCalledTimes(1);
  });

  it('names every button after its endpoint and keeps element ids unique', async () => {
    const { view } = showTwo('en', {
      staging: fakeEndpointClient({ status: vi.fn(async () => statusByState.error) }),
    });
    await screen.findByRole('heading', { name: 'Something went wrong' });
    const seoul = screen.getByRole('region', { name: 'Seoul office' });
    await within(seoul).findByRole('button', { name: 'I’m done, turn it off · Seoul office' });
    const staging = screen.getByRole('region', { name: 'Staging' });
    expect(within(staging).getByRole('button', { name: 'Try again · Staging' })).toBeTruthy();
    const ids = [...view.container.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says whose state changed through the live region', async () => {
    const { view } = showTwo('en');
    const card = await screen.findByRole('region', { name: 'Staging' });
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect Staging' }));
    const live = card.querySelector('[aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe('Staging: Turning on…'));
    expect(view.container.querySelectorAll('h1')).toHaveLength(1);
  });
});
