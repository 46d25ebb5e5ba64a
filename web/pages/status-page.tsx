import type { EndpointClient } from '../api/client';
import { SetupLink } from '../components/setup-link';
import { VpnStatus } from '../components/vpn-status';
import { useI18n } from '../i18n/i18n';
import { useStatus } from '../poller/use-status';

/**
 * The employee's page with one endpoint: one card that follows the VPN through off →
 * starting → ready → off. With several endpoints, EndpointsPage shows one card each.
 */
export function StatusPage({
  api,
  onNavigate = () => undefined,
}: {
  api: EndpointClient;
  /** Follows the "Set up this iPad" link inside the app (issue 16). */
  onNavigate?: (path: string) => void;
}) {
  const model = useStatus(api);

  if (!model.snapshot && !model.pollFailure && !model.connectFailure) return <LoadingPage />;
  return (
    <main class="page page-status">
      <VpnStatus api={api} model={model}>
        <SetupLink onNavigate={onNavigate} />
      </VpnStatus>
    </main>
  );
}

/** Before the first answer: the employee's page, busy. */
export function LoadingPage() {
  const { t } = useI18n();
  return (
    <main class="page page-status" aria-busy="true">
      <p class="loading">{t('loading')}</p>
    </main>
  );
}
