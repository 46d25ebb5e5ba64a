import { useI18n } from '../i18n/i18n';
import { useShownEndpoint } from './endpoint-context';

interface ConnectButtonProps {
  busy: boolean;
  onConnect: () => void;
}

/**
 * The one big thing on the page: sized for a thumb, busy while the request is out. On a
 * card it says which VPN it turns on ("Connect Staging"): the name is in plain sight.
 */
export function ConnectButton({ busy, onConnect }: ConnectButtonProps) {
  const { t } = useI18n();
  const endpoint = useShownEndpoint();
  return (
    <button
      type="button"
      class="button button-primary button-huge"
      onClick={onConnect}
      disabled={busy}
      aria-busy={busy}
    >
      {busy ? t('connecting') : endpoint ? t('connectTo', { name: endpoint.name }) : t('connect')}
    </button>
  );
}
