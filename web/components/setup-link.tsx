import { useClientInfo } from '../device/client-info';
import { useI18n } from '../i18n/i18n';
import { setupTitleKey } from '../pages/setup-title';

/** "Set up this iPad" under the employee's card(s), followed inside the app (issue 16). */
export function SetupLink({ onNavigate }: { onNavigate: (path: string) => void }) {
  const { t } = useI18n();
  const { platform } = useClientInfo();
  return (
    <p class="setup-link">
      <a
        class="chip"
        href="/setup"
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          onNavigate('/setup');
        }}
      >
        {t(setupTitleKey(platform))}
      </a>
    </p>
  );
}
