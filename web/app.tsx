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
import { AdminPage } from './pages/admin-page';
import { StatusPage } from './pages/status-page';

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

const isAdminPath = (path: string) => path.replace(/\/+$/, '') === '/admin';

/** Two routes (`/` and `/admin`) do not need a router library: history API and one state. */
export function App({ api }: { api: ApiClient }) {
  const [lang, setLang] = useState<Lang>(() =>
    pickLanguage(browserLanguages(), rememberedLanguage()),
  );
  const i18n = useMemo(() => createI18n(lang), [lang]);
  const [path, setPath] = useState(() => location.pathname);
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

  useEffect(() => {
    const onPop = () => setPath(location.pathname);
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
    setPath(to);
    scrollTo(0, 0);
  };

  const chooseLanguage = (next: Lang) => {
    rememberLanguage(next);
    setLang(next);
  };

  const admin = isAdminPath(path);
  return (
    <I18nContext.Provider value={i18n}>
      <ClientInfoContext.Provider value={clientInfo}>
        <AppHeader me={me} onAdminPage={admin} onNavigate={navigate} onLanguage={chooseLanguage} />
        {admin ? <AdminPage api={api} me={me} /> : <StatusPage api={api} />}
      </ClientInfoContext.Provider>
    </I18nContext.Provider>
  );
}
