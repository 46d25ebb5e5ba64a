import { useEffect, useState } from 'preact/hooks';
import type { VpnState } from '../../app/core/model/vocabulary';
import type { AdminSessionsBody, StatusBody } from '../../app/http/api-types';
import type { ApiClient } from '../api/client';
import type { AdminEndpoint, AdminEndpointsBody } from '../api/endpoints-body';
import { pollFailureKey } from '../api/error-message';
import { ConnectionsTable } from '../components/connections-table';
import { DisconnectDialog } from '../components/disconnect-dialog';
import { EndpointContext, EndpointNameSuffix } from '../components/endpoint-context';
import { LiveAnnouncer } from '../components/live-announcer';
import { MonthSummary } from '../components/month-summary';
import { SessionsTable } from '../components/sessions-table';
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
 * `/admin` with several endpoints (issue 18): one table row per endpoint (state, people
 * connected, the month's cost against always-on, Disconnect now) and their total, the
 * month of all endpoints, then the connections and sessions of the endpoint picked.
 */
export function EndpointsAdmin({ api, overview, onDisconnected, failure }: EndpointsAdminProps) {
  const { t, lang } = useI18n();
  const text = (key: EndpointsAdminKey) => endpointsAdminText(lang, key);
  const now = useNow(true, 30_000);
  const [sessionsByKey, setSessionsByKey] = useState<Record<string, AdminSessionsBody>>({});
  const [shownKey, setShownKey] = useState(overview.endpoints[0]?.key ?? '');
  const [announcement, setAnnouncement] = useState('');
  const shown = sessionsByKey[shownKey];
  const connected = overview.endpoints.reduce((sum, endpoint) => sum + endpoint.connections, 0);
  const usd = (amount: number) => formatUsd(lang, amount);

  const disconnected = (key: string, status: StatusBody) => {
    onDisconnected(key, status);
    setAnnouncement(t('disconnectDone'));
  };

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
                <th scope="col">
                  <span class="visually-hidden">{text('colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.endpoints.map((endpoint) => (
                <EndpointRow
                  key={endpoint.key}
                  api={api}
                  endpoint={endpoint}
                  onSessions={(body) =>
                    setSessionsByKey((before) => ({ ...before, [endpoint.key]: body }))
                  }
                  onDisconnected={(status) => disconnected(endpoint.key, status)}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{text('allEndpoints')}</th>
                <td />
                <td class="num">{formatNumber(lang, connected)}</td>
                <td class="num">{usd(overview.total.month.costUsd)}</td>
                <td class="num">{usd(overview.total.month.alwaysOnCostUsd)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <MonthSummary month={overview.total.month} />
      <fieldset class="endpoint-picker">
        <legend>{text('detailsOf')}</legend>
        {overview.endpoints.map((endpoint) => (
          <button
            key={endpoint.key}
            type="button"
            class="chip"
            aria-pressed={endpoint.key === shownKey}
            onClick={() => setShownKey(endpoint.key)}
          >
            {endpoint.names[lang]}
          </button>
        ))}
      </fieldset>
      {shown ? (
        <>
          <ConnectionsTable connections={shown.connections} now={now} />
          <SessionsTable sessions={shown.sessions} now={now} />
        </>
      ) : (
        <p class="loading">{t('loading')}</p>
      )}
      <LiveAnnouncer message={announcement} />
    </main>
  );
}

interface EndpointRowProps {
  api: ApiClient;
  endpoint: AdminEndpoint;
  onSessions: (body: AdminSessionsBody) => void;
  onDisconnected: (status: StatusBody) => void;
}

/**
 * One endpoint's row. It polls the endpoint's sessions itself (every 30 s, paused while
 * hidden) and hands them up for the details below the table.
 */
function EndpointRow({ api, endpoint, onSessions, onDisconnected }: EndpointRowProps) {
  const { t, lang } = useI18n();
  const calls = api.endpoint(endpoint.key);
  const sessions = useAdminSessions(calls, true);
  // Each new answer is handed up once; the parent's callback is a new function every render.
  useEffect(() => {
    if (sessions.data) onSessions(sessions.data);
  }, [sessions.data]);
  const [confirming, setConfirming] = useState(false);
  const name = endpoint.names[lang];
  const canDisconnect = endpoint.state === 'ready' || endpoint.state === 'starting';

  const disconnect = async () => {
    onDisconnected(await calls.disconnect());
    sessions.refresh();
  };

  return (
    <EndpointContext.Provider value={{ key: endpoint.key, name }}>
      <tr>
        <th scope="row">{name}</th>
        <td>{t(stateName[endpoint.state])}</td>
        <td class="num">{formatNumber(lang, endpoint.connections)}</td>
        <td class="num">{formatUsd(lang, endpoint.month.costUsd)}</td>
        <td class="num">{formatUsd(lang, endpoint.month.alwaysOnCostUsd)}</td>
        <td>
          <button
            type="button"
            class="button button-danger"
            disabled={!canDisconnect}
            onClick={() => setConfirming(true)}
          >
            {t('disconnectNow')}
            <EndpointNameSuffix />
          </button>
          <DisconnectDialog
            open={confirming}
            activeConnections={endpoint.connections}
            onConfirm={disconnect}
            onClose={() => setConfirming(false)}
          />
        </td>
      </tr>
    </EndpointContext.Provider>
  );
}
