import type { ShownError } from '../api/error-message';
import { useI18n } from '../i18n/i18n';
import { EndpointNameSuffix, useScopedId, useStateCardTags } from './endpoint-context';
import { StateIcon } from './state-icon';
import { TechnicalDetails } from './technical-details';

interface OutageCardProps {
  failure: ShownError;
  onRetry: () => void;
}

/**
 * No status yet and the portal does not answer (the ALB's error page, or no network): not an
 * error of the VPN, so no alarm. The page keeps polling with backoff; Try again polls now.
 */
export function OutageCard({ failure, onRetry }: OutageCardProps) {
  const { t } = useI18n();
  const titleId = useScopedId('state-title');
  const { Box, Title } = useStateCardTags();
  return (
    <Box class="card card-outage" aria-labelledby={Box === 'section' ? titleId : undefined}>
      <div class="card-words">
        <StateIcon state="outage" />
        <Title id={titleId}>{t('outageTitle')}</Title>
        <p class="lead">{t('outage')}</p>
      </div>
      <div class="card-action">
        <div class="facts">
          <button type="button" class="button button-huge button-calm" onClick={onRetry}>
            {t('retry')}
            <EndpointNameSuffix />
          </button>
          <TechnicalDetails error={failure} />
        </div>
      </div>
    </Box>
  );
}
