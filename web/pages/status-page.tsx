import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { type ShownError, toShownError } from '../api/error-message';
import { LiveAnnouncer } from '../components/live-announcer';
import { StatusCard, stateTitle } from '../components/status-card';
import { formatAgo } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useStatus } from '../poller/use-status';
import { useNow } from '../time/use-now';

/** The employee's page: one card that follows the VPN through off → starting → ready → off. */
export function StatusPage({ api }: { api: ApiClient }) {
  const { t, lang } = useI18n();
  const model = useStatus(api);
  const { snapshot, pollFailure, connectFailure } = model;
  const now = useNow(pollFailure !== null && snapshot !== null, 5_000);

  if (!snapshot && !pollFailure && !connectFailure) {
    return (
      <main class="page page-status" aria-busy="true">
        <p class="loading">{t('loading')}</p>
      </main>
    );
  }

  const status = snapshot?.status ?? null;
  let error: ShownError | null = null;
  if (connectFailure) error = toShownError(connectFailure);
  else if (status?.state === 'error') error = status.error && { ...status.error };
  else if (!status && pollFailure) error = toShownError(pollFailure);
  const state = error || !status ? 'error' : status.state;
  // After a failed connect or a failed start, retrying means asking again; when the portal
  // only could not read AWS, it means reading again: Try again never turns the VPN on then.
  const startFailed = status?.state === 'error' && status.error?.code === 'association_failed';
  const onRetry = connectFailure || startFailed ? model.connect : model.retry;

  return (
    <main class="page page-status">
      <StatusCard
        state={state}
        status={status}
        error={error}
        skewMs={snapshot?.skewMs ?? 0}
        busy={model.connecting}
        onConnect={model.connect}
        onRetry={onRetry}
      />
      {pollFailure !== null && snapshot && (
        <p class="stale" role="status">
          {t('errorOffline')} ·{' '}
          {t('updatedAgo', { ago: formatAgo(lang, (now - snapshot.receivedAt) / 1000) })}
        </p>
      )}
      <Announcement text={t(stateTitle[state])} />
    </main>
  );
}

/** Holds back the first title: it is already the page's heading, only changes need saying. */
function Announcement({ text }: { text: string }) {
  const [spoken, setSpoken] = useState('');
  const [first, setFirst] = useState(text);
  useEffect(() => {
    if (text !== first) {
      setSpoken(text);
      setFirst('');
    }
  }, [text, first]);
  return <LiveAnnouncer message={spoken} />;
}
