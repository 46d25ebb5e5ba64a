import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MeBody, VpnClientBody } from '../app/http/api-types';
import type { ApiClient } from './api/client';
import type { EndpointSummary } from './api/endpoints-body';
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
import { EndpointsPage } from './pages/endpoints-page';
import { LoadingPage, StatusPage } from './pages/status-page';

/** The pages only some people open, each its own chunk: not in the first-load budget. */
interface OnDemandPages {
  admin?: typeof import('./pages/admin-page');
  setup?: typeof import('./pages/setup-page');
}
const loadPage: Record<'/admin' | '/setup', () => Promise<OnDemandPages>> = {
  '/admin': () => import('./pages/admin-page').then((admin) => ({ admin })),
  '/setup': () => import('./pages/setup-page').then((setup) => ({ setup })),
};

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Three routes (`/`, `/admin`, `/setup`) do not need a router library: history API and one
 * state. The admin view and the setup page load on demand (issue 16): the employee's first
 * visit fetches the status page only.
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
  const [pages, setPages] = useState<OnDemandPages>({});
  const [pageFailed, setPageFailed] = useState(false);
  const [me, setMe] = useState<MeBody | null>(null);
  const [vpnClient, setVpnClient] = useState<VpnClientBody | null>(null);
  const [endpoints, setEndpoints] = useState<readonly EndpointSummary[] | null>(null);
  const clientInfo = useMemo(
    () => ({ platform: currentPlatform(), portal: vpnClient }),
    [vpnClient],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t('appTitle');
  }, [lang, i18n]);

  useEffect(() => rememberRoute(route), [route]);

  const loaded = route === '/' || (route === '/admin' ? pages.admin : pages.setup) !== undefined;
  useEffect(() => {
    if (route === '/' || loaded || pageFailed) return;
    loadPage[route]().then(
      (page) => setPages((before) => ({ ...before, ...page })),
      () => setPageFailed(true),
    );
  }, [route, loaded, pageFailed]);

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
    // Issue 18. A portal that cannot list them (an older version during a deploy, an
    // outage) gets today's page on today's routes, which answer for the first endpoint.
    api.endpoints().then(
      (body) => setEndpoints(body.endpoints),
      () => setEndpoints([]),
    );
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

  // One endpoint is today's page, exactly, on that endpoint's routes: it need not be the
  // deployment's first. Several get a card each (issue 18).
  const [onlyEndpoint] = endpoints ?? [];
  const employeeApi =
    endpoints?.length === 1 && onlyEndpoint ? api.endpoint(onlyEndpoint.key) : api;
  let page = <StatusPage api={employeeApi} onNavigate={navigate} />;
  if (endpoints === null) page = <LoadingPage />;
  else if (endpoints.length > 1) {
    page = (
      <EndpointsPage endpoints={endpoints} endpointClient={api.endpoint} onNavigate={navigate} />
    );
  }
  if (pages.admin && route === '/admin') page = <pages.admin.AdminPage api={api} me={me} />;
  else if (pages.setup && route === '/setup') {
    page = (
      <pages.setup.SetupPage
        api={employeeApi}
        endpoints={endpoints ?? []}
        endpointClient={api.endpoint}
        onNavigate={navigate}
      />
    );
  } else if (route !== '/') {
    // The page's chunk is on its way, or could not be fetched (offline, a new deployment).
    page = (
      <main class="page" aria-busy={!pageFailed}>
        <p class="loading" role={pageFailed ? 'alert' : undefined}>
          {t(pageFailed ? 'errorUnreachable' : 'loading')}
        </p>
        {pageFailed && (
          <button type="button" class="button" onClick={() => setPageFailed(false)}>
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
