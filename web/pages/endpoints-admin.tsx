import { useState } from 'preact/hooks';
import type { VpnState } from '../../app/core/model/vocabulary';
import type { StatusBody } from '../../app/http/api-types';
import type { ApiClient } from '../api/client';
import type { AdminEndpoint, AdminEndpointsBody } from '../api/endpoints-body';
import { pollFailureKey } from '../api/error-message';
import { ConnectionsTable } from '../components/connections-table';
import { DisconnectDialog } from '../components/disconnect-dialog';
import { EndpointContext, EndpointNameSuffix } from '../components/endpoint-context';
import { HealthPanel } from '../components/health-panel';
import { LiveAnnouncer } from '../components/live-announcer';
import { MonthSummary } from '../components/month-summary';
import { NetSavings } from '../components/net-savings';
import { SessionsTable } from '../components/sessions-table';
import { WarmUpSummary } from '../components/warm-up-summary';
import type { MessageKey } from '../i18n/en';
import { formatNumber, formatUsd } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useAdminSessions } from '../poller/use-admin-sessions';
import { useNow } from '../time/use-now';
import { type EndpointsAdminKey, endpointsAdminText } from './endpoints-admin-messages';

const stateName: Record<VpnState, MessageKey> = {
  off: 'stateOff',
  starting: 'stateStarting',
  ready: 'stateReady',
  stopping: 'stateStopping',
  error: 'stateError',
};

interface EndpointsAdminProps {
  api: ApiClient;
  overview: AdminEndpointsBody;
  /** Shows a Disconnect answer at once, before the next read of every endpoint. */
  onDisconnected: (key: string, status: StatusBody) => void;
  failure: unknown;
}

/**
 * `/admin` with several endpoints (issue 18): a row per endpoint (state, people connected,
 * the month's cost against always-on) and their total; below, the endpoint picked, as the
 * one-endpoint view shows it: its state and Disconnect now, its month, connections and
 * sessions. One endpoint's details at a time keep the page short on an iPad.
 */
export function EndpointsAdmin({ api, overview, onDisconnected, failure }: EndpointsAdminProps) {
  const { t, lang } = useI18n();
  const text = (key: EndpointsAdminKey) => endpointsAdminText(lang, key);
  const [pickedKey, setPickedKey] = useState(overview.endpoints[0]?.key ?? '');
  const picked =
    overview.endpoints.find((endpoint) => endpoint.key === pickedKey) ?? overview.endpoints[0];
  const connected = overview.endpoints.reduce((sum, endpoint) => sum + endpoint.connections, 0);
  const usd = (amount: number) => formatUsd(lang, amount);

  return (
    <main class="page page-admin">
      <h1>{t('adminTitle')}</h1>
      {failure !== null && (
        <p class="stale" role="alert">
          {t(pollFailureKey(failure))}
        </p>
      )}
      <section class="panel" aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">{text('endpointsTitle')}</h2>
        <div class="table-scroll">
          <table class="endpoints-table">
            <thead>
              <tr>
                <th scope="col">{text('colEndpoint')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col" class="num">
                  {text('colConnectedNow')}
                </th>
                <th scope="col" class="num">
                  {text('colCostThisMonth')}
                </th>
                <th scope="col" class="num">
                  {t('monthAlwaysOn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.endpoints.map((endpoint) => (
                <tr key={endpoint.key}>
                  <th scope="row">{endpoint.names[lang]}</th>
                  <td>{t(stateName[endpoint.state])}</td>
                  <td class="num">{formatNumber(lang, endpoint.connections)}</td>
                  <td class="num">{usd(endpoint.month.costUsd)}</td>
                  <td class="num">{usd(endpoint.month.alwaysOnCostUsd)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{text('allEndpoints')}</th>
                <td />
                <td class="num">{formatNumber(lang, connected)}</td>
                <td class="num">{usd(overview.total.month.costUsd)}</td>
                <td class="num">{usd(overview.total.month.alwaysOnCostUsd)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      {/* The portal's own cost is the deployment's, so the savings after it are the total's. */}
      <NetSavings month={overview.total.month} />
      <fieldset class="endpoint-picker">
        <legend>{text('detailsOf')}</legend>
        {overview.endpoints.map((endpoint) => (
          <button
            key={endpoint.key}
            type="button"
            class="chip"
            aria-pressed={endpoint.key === picked?.key}
            onClick={() => setPickedKey(endpoint.key)}
          >
            {endpoint.names[lang]}
          </button>
        ))}
      </fieldset>
      {picked && (
        <EndpointDetails
          key={picked.key}
          api={api}
          endpoint={picked}
          onDisconnected={(status) => onDisconnected(picked.key, status)}
        />
      )}
      <HealthPanel api={api} />
    </main>
  );
}

interface EndpointDetailsProps {
  api: ApiClient;
  endpoint: AdminEndpoint;
  onDisconnected: (status: StatusBody) => void;
}

/**
 * The endpoint picked, as the one-endpoint view shows it. Its state comes from the list of
 * every endpoint (administrators may not use every endpoint's employee routes); its
 * sessions are polled while it is picked.
 */
function EndpointDetails({ api, endpoint, onDisconnected }: EndpointDetailsProps) {
  const { t, lang, plural } = useI18n();
  const calls = api.endpoint(endpoint.key);
  const sessions = useAdminSessions(calls, true);
  const now = useNow(true, 30_000);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const name = endpoint.names[lang];
  const canDisconnect = endpoint.state === 'ready' || endpoint.state === 'starting';
  const titleId = `${endpoint.key}-details-title`;

  const disconnect = async () => {
    onDisconnected(await calls.disconnect());
    setAnnouncement(t('disconnectDone'));
    sessions.refresh();
  };

  return (
    <EndpointContext.Provider value={{ key: endpoint.key, name }}>
      <section class="endpoint-details" aria-labelledby={titleId}>
        <h2 id={titleId}>{name}</h2>
        <div class="panel admin-bar">
          <p class="fact-big">
            {t('currentState', { state: t(stateName[endpoint.state]) })}
            {endpoint.state === 'ready' && ` · ${plural('connected', endpoint.connections)}`}
          </p>
          <button
            type="button"
            class="button button-danger"
            disabled={!canDisconnect}
            onClick={() => setConfirming(true)}
          >
            {t('disconnectNow')}
            <EndpointNameSuffix />
          </button>
        </div>
        {sessions.failure !== null && (
          <p class="stale" role="alert">
            {t(pollFailureKey(sessions.failure))}
          </p>
        )}
        <MonthSummary month={endpoint.month} />
        {sessions.data ? (
          <>
            {sessions.data.warmUps && <WarmUpSummary warmUps={sessions.data.warmUps} now={now} />}
            <ConnectionsTable connections={sessions.data.connections} now={now} />
            <SessionsTable sessions={sessions.data.sessions} now={now} />
          </>
        ) : (
          sessions.failure === null && <p class="loading">{t('loading')}</p>
        )}
        <DisconnectDialog
          open={confirming}
          activeConnections={endpoint.connections}
          onConfirm={disconnect}
          onClose={() => setConfirming(false)}
        />
        <LiveAnnouncer message={announcement} />
      </section>
    </EndpointContext.Provider>
  );
}
