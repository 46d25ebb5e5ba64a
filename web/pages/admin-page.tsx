import { useEffect, useState } from 'preact/hooks';
import type { VpnState } from '../../app/core/model/vocabulary';
import type { MeBody, StatusBody } from '../../app/http/api-types';
import { type ApiClient, ApiFailure } from '../api/client';
import { pollFailureKey } from '../api/error-message';
import { ConnectionsTable } from '../components/connections-table';
import { DisconnectDialog } from '../components/disconnect-dialog';
import { HealthPanel } from '../components/health-panel';
import { LiveAnnouncer } from '../components/live-announcer';
import { MonthSummary } from '../components/month-summary';
import { NetSavings } from '../components/net-savings';
import { SessionsTable } from '../components/sessions-table';
import { StateIcon } from '../components/state-icon';
import { WarmUpSummary } from '../components/warm-up-summary';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useAdminEndpoints } from '../poller/use-admin-endpoints';
import { useAdminSessions } from '../poller/use-admin-sessions';
import { useStatus } from '../poller/use-status';
import { useNow } from '../time/use-now';
import './admin-page.css';
import type { AdminEndpointsBody } from '../api/endpoints-body';
import { EndpointsAdmin } from './endpoints-admin';

const stateName: Record<VpnState, MessageKey> = {
  off: 'stateOff',
  starting: 'stateStarting',
  ready: 'stateReady',
  stopping: 'stateStopping',
  error: 'stateError',
};

/**
 * `/admin`: usage, cost and the off switch. With several endpoints (issue 18) a row each and
 * their total; with one (or a portal that cannot list them), the view as it was.
 */
export function AdminPage({ api, me }: { api: ApiClient; me: MeBody | null }) {
  const knownNotAdmin = me !== null && !me.isAdmin;
  const [listDone, setListDone] = useState(knownNotAdmin);
  const overview = useAdminEndpoints(api, !listDone);
  const several = overview.data !== null && overview.data.endpoints.length > 1;
  // One endpoint, or a first answer that failed (not an admin, an older portal): today's
  // view, which polls as it always did, and the list is not asked for again.
  const todaysView =
    knownNotAdmin || (!several && (overview.data !== null || overview.failure !== null));
  useEffect(() => {
    if (todaysView) setListDone(true);
  }, [todaysView]);

  if (todaysView) return <OneEndpointAdmin api={api} me={me} />;
  if (!overview.data) return <LoadingAdmin />;
  const shown = overview.data;
  return (
    <EndpointsAdmin
      api={api}
      overview={shown}
      failure={overview.failure}
      onDisconnected={(key, status) => overview.show(withStatus(shown, key, status))}
    />
  );
}

function LoadingAdmin() {
  const { t } = useI18n();
  return (
    <main class="page page-admin" aria-busy="true">
      <p class="loading">{t('loading')}</p>
    </main>
  );
}

/** The list with one endpoint's state and connections as a Disconnect answered them. */
function withStatus(body: AdminEndpointsBody, key: string, status: StatusBody): AdminEndpointsBody {
  return {
    ...body,
    endpoints: body.endpoints.map((endpoint) =>
      endpoint.key === key
        ? { ...endpoint, state: status.state, connections: status.activeConnections }
        : endpoint,
    ),
  };
}

/** Non-admins get a clear page, not an error. */
function OneEndpointAdmin({ api, me }: { api: ApiClient; me: MeBody | null }) {
  const knownNotAdmin = me !== null && !me.isAdmin;
  const sessions = useAdminSessions(api, !knownNotAdmin);
  const refused = sessions.failure instanceof ApiFailure && sessions.failure.code === 'not_admin';
  if (knownNotAdmin || refused) return <AdminOnly />;
  return <AdminDashboard api={api} sessions={sessions} />;
}

function AdminOnly() {
  const { t } = useI18n();
  return (
    <main class="page page-status">
      <section class="card card-error card-single" aria-labelledby="admin-only-title">
        <div class="card-words">
          <StateIcon state="error" />
          <h1 id="admin-only-title">{t('adminOnlyTitle')}</h1>
          <p class="lead">{t('adminOnlyBody')}</p>
        </div>
      </section>
    </main>
  );
}

function AdminDashboard({
  api,
  sessions,
}: {
  api: ApiClient;
  sessions: ReturnType<typeof useAdminSessions>;
}) {
  const { t, plural } = useI18n();
  const status = useStatus(api);
  const now = useNow(true, 30_000);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const current = status.snapshot?.status;
  const canDisconnect = current?.state === 'ready' || current?.state === 'starting';

  const disconnect = async () => {
    await status.adopt(api.disconnect);
    setAnnouncement(t('disconnectDone'));
    sessions.refresh();
  };

  return (
    <main class="page page-admin">
      <h1>{t('adminTitle')}</h1>
      <section class="panel admin-bar" aria-label={t('colStatus')}>
        <p class="fact-big">
          {current ? t('currentState', { state: t(stateName[current.state]) }) : t('loading')}
          {current?.state === 'ready' && ` · ${plural('connected', current.activeConnections)}`}
        </p>
        <button
          type="button"
          class="button button-danger"
          disabled={!canDisconnect}
          onClick={() => setConfirming(true)}
        >
          {t('disconnectNow')}
        </button>
      </section>
      {sessions.failure !== null && (
        <p class="stale" role="alert">
          {t(pollFailureKey(sessions.failure))}
        </p>
      )}
      {sessions.data ? (
        <>
          <MonthSummary month={sessions.data.month} />
          <NetSavings month={sessions.data.month} />
          {sessions.data.warmUps && (
            <WarmUpSummary
              warmUps={sessions.data.warmUps}
              now={now + (status.snapshot?.skewMs ?? 0)}
            />
          )}
          <ConnectionsTable connections={sessions.data.connections} now={now} />
          <SessionsTable sessions={sessions.data.sessions} now={now} />
        </>
      ) : (
        sessions.failure === null && <p class="loading">{t('loading')}</p>
      )}
      <HealthPanel api={api} />
      <DisconnectDialog
        open={confirming}
        activeConnections={current?.activeConnections ?? 0}
        onConfirm={disconnect}
        onClose={() => setConfirming(false)}
      />
      <LiveAnnouncer message={announcement} />
    </main>
  );
}
