import { useState } from 'preact/hooks';
import type { VpnState } from '../../app/core/model/vocabulary';
import type { MeBody } from '../../app/http/api-types';
import { type ApiClient, ApiFailure } from '../api/client';
import { pollFailureKey } from '../api/error-message';
import { ConnectionsTable } from '../components/connections-table';
import { DisconnectDialog } from '../components/disconnect-dialog';
import { LiveAnnouncer } from '../components/live-announcer';
import { MonthSummary } from '../components/month-summary';
import { SessionsTable } from '../components/sessions-table';
import { StateIcon } from '../components/state-icon';
import { WarmUpSummary } from '../components/warm-up-summary';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useAdminSessions } from '../poller/use-admin-sessions';
import { useStatus } from '../poller/use-status';
import { useNow } from '../time/use-now';
import './admin-page.css';

const stateName: Record<VpnState, MessageKey> = {
  off: 'stateOff',
  starting: 'stateStarting',
  ready: 'stateReady',
  stopping: 'stateStopping',
  error: 'stateError',
};

/** `/admin`: usage, cost and the off switch. Non-admins get a clear page, not an error. */
export function AdminPage({ api, me }: { api: ApiClient; me: MeBody | null }) {
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
