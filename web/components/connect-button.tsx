import { useI18n } from '../i18n/i18n';

interface ConnectButtonProps {
  busy: boolean;
  onConnect: () => void;
}

/** The one big thing on the page: sized for a thumb, busy while the request is out. */
export function ConnectButton({ busy, onConnect }: ConnectButtonProps) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class="button button-primary button-huge"
      onClick={onConnect}
      disabled={busy}
      aria-busy={busy}
    >
      {busy ? t('connecting') : t('connect')}
    </button>
  );
}
