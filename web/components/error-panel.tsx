import { errorMessageKey, type ShownError } from '../api/error-message';
import { useI18n } from '../i18n/i18n';
import { EndpointNameSuffix } from './endpoint-context';
import { TechnicalDetails } from './technical-details';

interface ErrorPanelProps {
  error: ShownError;
  busy: boolean;
  onRetry: () => void;
}

/** Plain words first, then what support needs: the reference id and the server's own words. */
export function ErrorPanel({ error, busy, onRetry }: ErrorPanelProps) {
  const { t } = useI18n();
  return (
    <div class="facts">
      <p class="fact-big">{t(errorMessageKey(error.code))}</p>
      <button
        type="button"
        class="button button-primary button-huge"
        onClick={onRetry}
        disabled={busy}
        aria-busy={busy}
      >
        {busy ? t('connecting') : t('retry')}
        <EndpointNameSuffix />
      </button>
      {error.requestId && (
        <p class="fact reference">
          {t('errorReference')}:{' '}
          <code class="reference-id" translate={false}>
            {error.requestId}
          </code>
        </p>
      )}
      <TechnicalDetails error={error} />
    </div>
  );
}
