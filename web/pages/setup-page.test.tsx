import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SetupBody } from '../../app/http/api-types';
import { ClientInfoContext } from '../device/client-info';
import type { Platform } from '../device/platform';
import { createI18n, I18nContext, type Lang, languages } from '../i18n/i18n';
import {
  fakeApi,
  fakeEndpointClient,
  mutualSetup,
  oneEndpoint,
  twoEndpoints,
  vpnClient,
} from '../testing/fixtures';
import { englishIn, readableText } from '../testing/render';
import { setupCatalogues } from './setup-messages';
import { SetupPage } from './setup-page';

afterEach(cleanup);

const federated: SetupBody = {
  authentication: ['federated'],
  usableWithOpenVpnConnect: false,
  selfServicePortalUrl: 'https://self-service.clientvpn.amazonaws.com/endpoints/cvpn-endpoint-1',
  configFileName: 'cvpn-endpoint-1.ovpn',
};

function show(lang: Lang, platform: Platform, setup: SetupBody | Error = mutualSetup) {
  const api = fakeApi({
    setup: vi.fn(async () => {
      if (setup instanceof Error) throw setup;
      return setup;
    }),
  });
  const onNavigate = vi.fn();
  const view = render(
    <I18nContext.Provider value={createI18n(lang)}>
      <ClientInfoContext.Provider value={{ platform, portal: vpnClient }}>
        <SetupPage api={api} onNavigate={onNavigate} />
      </ClientInfoContext.Provider>
    </I18nContext.Provider>,
  );
  return { api, onNavigate, view };
}

describe('SetupPage (issue 16)', () => {
  it('walks an iPad through four steps in Korean, with OpenVPN Connect and the file to download', async () => {
    const { view } = show('ko', 'ipados');
    await screen.findByRole('heading', { level: 2, name: /1단계\s+VPN 앱 설치/ });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('이 iPad 설정하기');
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('link', { name: 'OpenVPN Connect 받기' }).getAttribute('href')).toMatch(
      /apps\.apple\.com/,
    );
    const download = screen.getByRole('link', { name: '구성 파일 내려받기' });
    expect(download.getAttribute('href')).toBe('/api/client-config');
    expect(download.getAttribute('download')).toBe(mutualSetup.configFileName);
    expect(view.container.querySelector('[data-auth="certificate"]')?.textContent).toContain(
      'IT 담당자',
    );
    expect(englishIn(readableText(view.container))).toEqual([]);
  });

  it('draws each step’s picture as a small inline SVG hidden from screen readers', async () => {
    const { view } = show('en', 'ipados');
    await screen.findByRole('link', { name: 'Download the configuration' });
    const icons = view.container.querySelectorAll('svg.setup-icon');
    expect(icons).toHaveLength(4);
    for (const icon of icons) expect(icon.getAttribute('aria-hidden')).toBe('true');
  });

  it('says plainly that an iPad cannot use a federated endpoint, whom to ask, and links the self-service portal', async () => {
    show('en', 'ipados', federated);
    await screen.findByRole('heading', {
      level: 2,
      name: 'This VPN cannot be used from this device',
    });
    expect(screen.getByText(/Ask your IT team/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Download the configuration' })).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Open the self-service portal' }).getAttribute('href'),
    ).toBe(federated.selfServicePortalUrl);
  });

  it('gives a desktop the AWS VPN Client steps, sign-in by the company page and the portal link', async () => {
    show('en', 'windows', federated);
    await screen.findByRole('heading', { level: 2, name: /Import it in AWS VPN Client/ });
    expect(screen.getByText('When you connect, AWS VPN Client opens the company sign-in page.'));
    expect(screen.getByRole('link', { name: 'Open the self-service portal' })).toBeTruthy();
  });

  it('says Active Directory means a user name and password in the app', async () => {
    show('ja', 'ipados', { ...mutualSetup, authentication: ['certificate', 'directory'] });
    await screen.findByText(/ユーザー名とパスワード/);
  });

  it('offers Try again when the setup details could not be loaded', async () => {
    const { api } = show('en', 'ipados', new Error('offline'));
    await screen.findByText('The setup details could not be loaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(api.setup).toHaveBeenCalledTimes(2);
  });

  it('goes back to the VPN page inside the app', async () => {
    const { onNavigate } = show('en', 'ipados');
    fireEvent.click(await screen.findByRole('link', { name: 'Back to VPN' }));
    expect(onNavigate).toHaveBeenCalledWith('/');
  });

  it('has every setup word in every language, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
    for (const lang of languages) {
      for (const [key, text] of Object.entries(setupCatalogues.en)) {
        const translated = setupCatalogues[lang][key as keyof typeof setupCatalogues.en];
        expect(translated, `${lang}.${key}`).toBeTruthy();
        expect(placeholders(translated), `${lang}.${key}`).toEqual(placeholders(text));
      }
    }
  });
});

describe('SetupPage with several endpoints (issue 18)', () => {
  it('sets up the endpoint picked, each with its own configuration file', async () => {
    const seoul = fakeEndpointClient({ clientConfigPath: '/api/endpoints/seoul/client-config' });
    const staging = fakeEndpointClient({
      clientConfigPath: '/api/endpoints/staging/client-config',
      setup: vi.fn(async () => ({ ...mutualSetup, configFileName: 'cvpn-endpoint-staging.ovpn' })),
    });
    const byKey: Record<string, typeof seoul> = { seoul, staging };
    const api = fakeApi();
    render(
      <I18nContext.Provider value={createI18n('ko')}>
        <SetupPage
          api={api}
          endpoints={twoEndpoints.endpoints}
          endpointClient={(key) => byKey[key] ?? api}
          onNavigate={vi.fn()}
        />
      </I18nContext.Provider>,
    );
    const download = () => screen.getByRole('link', { name: '구성 파일 내려받기' });
    await screen.findByRole('link', { name: '구성 파일 내려받기' });
    expect(download().getAttribute('href')).toBe('/api/endpoints/seoul/client-config');
    expect(screen.getByRole('button', { name: '서울 사무실' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    fireEvent.click(screen.getByRole('button', { name: '스테이징' }));
    await screen.findByText('cvpn-endpoint-staging.ovpn');
    expect(download().getAttribute('href')).toBe('/api/endpoints/staging/client-config');
    expect(staging.setup).toHaveBeenCalledTimes(1);
    expect(api.setup).not.toHaveBeenCalled();
  });

  it('shows no choice with one endpoint, and sets that one up', async () => {
    const seoul = fakeEndpointClient();
    const api = fakeApi();
    render(
      <I18nContext.Provider value={createI18n('en')}>
        <SetupPage
          api={seoul}
          endpoints={oneEndpoint.endpoints}
          endpointClient={api.endpoint}
          onNavigate={vi.fn()}
        />
      </I18nContext.Provider>,
    );
    await screen.findByRole('link', { name: 'Download the configuration' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(seoul.setup).toHaveBeenCalledTimes(1);
  });
});
