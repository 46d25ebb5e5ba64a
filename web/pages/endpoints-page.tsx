import type { EndpointClient } from '../api/client';
import type { EndpointSummary } from '../api/endpoints-body';
import { EndpointContext, type ShownEndpoint } from '../components/endpoint-context';
import { SetupLink } from '../components/setup-link';
import { VpnStatus } from '../components/vpn-status';
import { useI18n } from '../i18n/i18n';
import { useStatus } from '../poller/use-status';
import './endpoints-page.css';

interface EndpointsPageProps {
  /** The endpoints this person may use, the one they used last first (kept in that order). */
  endpoints: readonly EndpointSummary[];
  endpointClient: (key: string) => EndpointClient;
  onNavigate: (path: string) => void;
}

/**
 * The employee's page with several endpoints (issue 18): one card per endpoint, stacked in
 * portrait and side by side in landscape (endpoints-page.css). The order is the
 * server's and never changes under the employee's thumb while the page is open.
 */
export function EndpointsPage({ endpoints, endpointClient, onNavigate }: EndpointsPageProps) {
  const { t, lang } = useI18n();
  return (
    <main class="page page-status">
      <h1 class="visually-hidden">{t('appTitle')}</h1>
      <div class="endpoints">
        {endpoints.map((endpoint) => (
          <EndpointCard
            key={endpoint.key}
            api={endpointClient(endpoint.key)}
            endpoint={{ key: endpoint.key, name: endpoint.names[lang] }}
          />
        ))}
      </div>
      <SetupLink onNavigate={onNavigate} />
    </main>
  );
}

/** One endpoint: a region named after it, with its own status poll (paused while hidden). */
function EndpointCard({ api, endpoint }: { api: EndpointClient; endpoint: ShownEndpoint }) {
  const { t } = useI18n();
  const model = useStatus(api);
  const nameId = `${endpoint.key}-name`;
  const answered = model.snapshot || model.pollFailure || model.connectFailure;
  return (
    <EndpointContext.Provider value={endpoint}>
      <section class="endpoint" aria-labelledby={nameId} aria-busy={!answered}>
        <h2 class="endpoint-name" id={nameId}>
          {endpoint.name}
        </h2>
        {answered ? <VpnStatus api={api} model={model} /> : <p class="loading">{t('loading')}</p>}
      </section>
    </EndpointContext.Provider>
  );
}
