import type { MeBody } from '../../app/http/api-types';
import { type Lang, useI18n } from '../i18n/i18n';
import { LanguagePicker } from './language-picker';

interface AppHeaderProps {
  me: MeBody | null;
  onAdminPage: boolean;
  onNavigate: (path: string) => void;
  onLanguage: (lang: Lang) => void;
}

export function AppHeader({ me, onAdminPage, onNavigate, onLanguage }: AppHeaderProps) {
  const { t } = useI18n();
  // Plain clicks stay in the app; modified clicks (new tab) keep the browser's behaviour.
  const follow = (path: string) => (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(path);
  };
  return (
    <header class="app-header">
      <a class="brand" href="/" onClick={follow('/')}>
        <img src="/icon.svg" alt="" width="32" height="32" />
        <span>{t('appTitle')}</span>
      </a>
      <nav class="header-nav" aria-label={t('appTitle')}>
        {onAdminPage ? (
          <a class="chip" href="/" onClick={follow('/')}>
            {t('backToStatus')}
          </a>
        ) : (
          me?.isAdmin && (
            <a class="chip" href="/admin" onClick={follow('/admin')}>
              {t('adminLink')}
            </a>
          )
        )}
        <LanguagePicker onChoose={onLanguage} />
        <a
          class="chip"
          href="/signout"
          title={me ? t('signedInAs', { name: me.user.name }) : undefined}
        >
          {t('signOut')}
        </a>
      </nav>
    </header>
  );
}
