import type { ShownError } from '../api/error-message';
import { useI18n } from '../i18n/i18n';

/** The server's own code and words, folded away: for support, in English. */
export function TechnicalDetails({ error }: { error: ShownError }) {
  const { t } = useI18n();
  return (
    <details class="fact">
      <summary>{t('errorDetails')}</summary>
      <p lang="en">
        <code>{error.code}</code> {error.message}
      </p>
    </details>
  );
}
