import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from './api/client';
import { App } from './app';
import {
  admin,
  fakeApi,
  fakeEndpointClient,
  statusByState,
  twoEndpoints,
} from './testing/fixtures';

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/');
});
afterEach(cleanup);

describe('App', () => {
  it('switches language, remembers it and labels the document', async () => {
    render(<App api={fakeApi()} />);
    fireEvent.click(await screen.findByRole('button', { name: '한국어' }));
    await screen.findByRole('heading', { level: 1, name: 'VPN이 꺼져 있습니다' });
    expect(localStorage.getItem('vpn-portal.lang')).toBe('ko');
    expect(document.documentElement.lang).toBe('ko');
    expect(screen.getByRole('button', { name: '한국어' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('starts in the remembered language', async () => {
    localStorage.setItem('vpn-portal.lang', 'ja');
    render(<App api={fakeApi()} />);
    await screen.findByRole('heading', { level: 1, name: 'VPN はオフです' });
  });

  it('links administrators to the admin view and back', async () => {
    localStorage.setItem('vpn-portal.lang', 'en');
    render(<App api={fakeApi({ me: async () => admin })} />);
    fireEvent.click(await screen.findByRole('link', { name: 'Usage and cost' }));
    await screen.findByRole('heading', { level: 1, name: 'Usage and cost' });
    expect(location.pathname).toBe('/admin');
    fireEvent.click(screen.getByRole('link', { name: 'Back to VPN' }));
    await screen.findByRole('heading', { level: 1, name: 'The VPN is off' });
  });

  it('opens “Set up this iPad” from the employee page, loading the page on demand (issue 16)', async () => {
    localStorage.setItem('vpn-portal.lang', 'en');
    const seoul = fakeEndpointClient();
    const api = fakeApi({}, { seoul });
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('link', { name: /^Set up this / }));
    await screen.findByRole('link', { name: 'Download the configuration' });
    expect(location.pathname).toBe('/setup');
    // The person's one endpoint, by its key (issue 18): it need not be the deployment's first.
    expect(seoul.setup).toHaveBeenCalledTimes(1);
    expect(api.setup).not.toHaveBeenCalled();
    expect(localStorage.getItem('vpn-portal.route')).toBe('/setup');
  });

  it('opened from the home screen at /, returns to the page the employee was on (issue 16)', async () => {
    localStorage.setItem('vpn-portal.lang', 'en');
    localStorage.setItem('vpn-portal.route', '/setup');
    Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
    try {
      render(<App api={fakeApi()} />);
      await screen.findByRole('link', { name: 'Download the configuration' });
      expect(location.pathname).toBe('/setup');
    } finally {
      Object.defineProperty(navigator, 'standalone', { value: undefined, configurable: true });
    }
  });

  it('shows no admin link to employees', async () => {
    localStorage.setItem('vpn-portal.lang', 'en');
    render(<App api={fakeApi()} />);
    await screen.findByRole('heading', { level: 1, name: 'The VPN is off' });
    expect(screen.queryByRole('link', { name: 'Usage and cost' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign out' }).getAttribute('href')).toBe('/signout');
  });

  describe('several endpoints (issue 18)', () => {
    it('shows today’s page, without the endpoint’s name, on its own routes with one', async () => {
      localStorage.setItem('vpn-portal.lang', 'en');
      const seoul = fakeEndpointClient();
      const api = fakeApi({}, { seoul });
      render(<App api={api} />);
      await screen.findByRole('heading', { level: 1, name: 'The VPN is off' });
      expect(screen.getByRole('button', { name: 'Connect VPN' })).toBeTruthy();
      expect(screen.queryByRole('region', { name: 'Seoul office' })).toBeNull();
      expect(screen.queryByText('Seoul office')).toBeNull();
      expect(seoul.status).toHaveBeenCalledTimes(1);
      expect(api.status).not.toHaveBeenCalled();
    });

    it('shows today’s page on today’s routes when the portal cannot list endpoints', async () => {
      localStorage.setItem('vpn-portal.lang', 'en');
      const api = fakeApi({ endpoints: async () => Promise.reject(new Error('404')) });
      render(<App api={api} />);
      await screen.findByRole('heading', { level: 1, name: 'The VPN is off' });
      expect(api.status).toHaveBeenCalledTimes(1);
    });

    it('tells an employee who may use no endpoint to ask IT', async () => {
      localStorage.setItem('vpn-portal.lang', 'en');
      const forbidden = new ApiFailure('endpoint_forbidden', 'Not yours.', 403, 'req-4');
      const api = fakeApi({
        endpoints: async () => ({ endpoints: [] }),
        status: async () => Promise.reject(forbidden),
      });
      render(<App api={api} />);
      await screen.findByText('This VPN is not open to your account. Ask IT if you need it.');
    });

    it('shows a card per endpoint with several, in Korean', async () => {
      localStorage.setItem('vpn-portal.lang', 'ko');
      const seoul = fakeEndpointClient({ status: async () => statusByState.ready });
      const api = fakeApi({ endpoints: async () => twoEndpoints }, { seoul });
      render(<App api={api} />);
      await screen.findByRole('region', { name: '서울 사무실' });
      await screen.findByRole('button', { name: '스테이징 연결' });
      expect(screen.queryByRole('button', { name: 'VPN 연결' })).toBeNull();
      expect(api.status).not.toHaveBeenCalled();
    });
  });
});
