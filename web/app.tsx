import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MeBody, VpnClientBody } from '../app/http/api-types';
import type { ApiClient } from './api/client';
import { AppHeader } from './components/app-header';
import { ClientInfoContext } from './device/client-info';
import { currentPlatform } from './device/platform';
import {
  createI18n,
  I18nContext,
  type Lang,
  pickLanguage,
  rememberedLanguage,
  rememberLanguage,
} from './i18n/i18n';
import {
  isStandalone,
  type Route,
  rememberRoute,
  routeOf,
  startRoute,
} from './navigation/remembered-route';
import { AdminPage } from './pages/admin-page';
import { StatusPage } from './pages/status-page';

type SetupModule = typeof import('./pages/setup-page');

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Three routes (`/`, `/admin`, `/setup`) do not need a router library: history API and one
 * state. The setup page is loaded on demand (issue 16), outside the first-load budget.
 */
export function App({ api }: { api: ApiClient }) {
  const [lang, setLang] = useState<Lang>(() =>
    pickLanguage(browserLanguages(), rememberedLanguage()),
  );
  const i18n = useMemo(() => createI18n(lang), [lang]);
  const { t } = i18n;
  const [route, setRoute] = useState<Route>(() => {
    // Opened from the home screen at start_url: back to the page the employee was on.
    const start = startRoute(location.pathname, isStandalone());
    if (start !== routeOf(location.pathname)) history.replaceState(null, '', start);
    return start;
  });
  const [setupPage, setSetupPage] = useState<SetupModule | 'failed' | null>(null);
  const [me, setMe] = useState<MeBody | null>(null);
  const [vpnClient, setVpnClient] = useState<VpnClientBody | null>(null);
  const clientInfo = useMemo(
    () => ({ platform: currentPlatform(), portal: vpnClient }),
    [vpnClient],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t('appTitle');
  }, [lang, i18n]);

  useEffect(() => rememberRoute(route), [route]);

  useEffect(() => {
    if (route !== '/setup' || (setupPage && setupPage !== 'failed')) return;
    import('./pages/setup-page').then(setSetupPage, () => setSetupPage('failed'));
  }, [route, setupPage]);

  useEffect(() => {
    const onPop = () => setRoute(routeOf(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    // Without `me` the page still works; it only hides the admin link.
    api.me().then(setMe, () => undefined);
    // Without it the ready page names WorkSpaces and hides "Keep it on" (issue 16).
    api.vpnClient().then(setVpnClient, () => undefined);
  }, [api]);

  const navigate = (to: string) => {
    if (to === location.pathname) return;
    history.pushState(null, '', to);
    setRoute(routeOf(to));
    scrollTo(0, 0);
  };

  const chooseLanguage = (next: Lang) => {
    rememberLanguage(next);
    setLang(next);
  };

  const admin = route === '/admin';
  let page = <StatusPage api={api} onNavigate={navigate} />;
  if (admin) page = <AdminPage api={api} me={me} />;
  else if (route === '/setup') {
    page =
      setupPage && setupPage !== 'failed' ? (
        <setupPage.SetupPage api={api} onNavigate={navigate} />
      ) : (
        <main class="page" aria-busy={setupPage === null}>
          <p class="loading" role={setupPage ? 'alert' : undefined}>
            {t(setupPage ? 'errorUnreachable' : 'loading')}
          </p>
          {setupPage && (
            <button type="button" class="button" onClick={() => setSetupPage(null)}>
              {t('retry')}
            </button>
          )}
        </main>
      );
  }
  return (
    <I18nContext.Provider value={i18n}>
      <ClientInfoContext.Provider value={clientInfo}>
        <AppHeader
          me={me}
          onAdminPage={route !== '/'}
          onNavigate={navigate}
          onLanguage={chooseLanguage}
        />
        {page}
      </ClientInfoContext.Provider>
    </I18nContext.Provider>
  );
}
