import { useEffect, useState } from 'preact/hooks';
import type { StatusBody } from '../../app/http/api-types';
import { type ApiClient, PortalUnreachable } from '../api/client';
import { pollFailureKey, type ShownError, toShownError } from '../api/error-message';
import { DoneButton } from '../components/done-button';
import { KeepOnControl } from '../components/keep-on-control';
import { LiveAnnouncer } from '../components/live-announcer';
import { OutageCard } from '../components/outage-card';
import { StatusCard, stateTitle } from '../components/status-card';
import { useClientInfo } from '../device/client-info';
import { formatAgo } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useStatus } from '../poller/use-status';
import { useNow } from '../time/use-now';
import { setupTitleKey } from './setup-title';

const staleNoteId = 'stale-note';

/**
 * Every portal instance answers from one shared snapshot, a few seconds old at most. Older
 * than this, AWS is slow to answer (or throttling): the page says how old, calmly.
 */
export const showAgeAfterSeconds = 10;

/** The employee's page: one card that follows the VPN through off → starting → ready → off. */
export function StatusPage({
  api,
  onNavigate = () => undefined,
}: {
  api: ApiClient;
  /** Follows the "Set up this iPad" link inside the app (issue 16). */
  onNavigate?: (path: string) => void;
}) {
  const { t, lang } = useI18n();
  const model = useStatus(api);
  const { portal, platform } = useClientInfo();
  const { snapshot, pollFailure, connectFailure } = model;
  const readAge = snapshot ? snapshotAgeSeconds(snapshot.status) : null;
  const oldRead = readAge !== null && readAge >= showAgeAfterSeconds;
  const now = useNow((pollFailure !== null || oldRead) && snapshot !== null, 5_000);

  if (!snapshot && !pollFailure && !connectFailure) {
    return (
      <main class="page page-status" aria-busy="true">
        <p class="loading">{t('loading')}</p>
      </main>
    );
  }

  const status = snapshot?.status ?? null;
  // An outage before the first answer: nothing to show but that the page keeps trying.
  const outageOnly = !status && !connectFailure && pollFailure instanceof PortalUnreachable;
  let error: ShownError | null = null;
  if (connectFailure) error = toShownError(connectFailure);
  else if (status?.state === 'error') error = status.error && { ...status.error };
  else if (!status && pollFailure) error = toShownError(pollFailure);
  const state = error || !status ? 'error' : status.state;
  // After a failed connect or a failed start, retrying means asking again; when the portal
  // only could not read AWS, it means reading again: Try again never turns the VPN on then.
  const startFailed = status?.state === 'error' && status.error?.code === 'association_failed';
  const onRetry = connectFailure || startFailed ? model.connect : model.retry;
  // A later poll failed: the last answer stays on screen, marked as possibly out of date.
  const stale = pollFailure !== null && snapshot !== null;

  return (
    <main class="page page-status">
      {outageOnly ? (
        <OutageCard failure={toShownError(pollFailure)} onRetry={model.retry} />
      ) : (
        <StatusCard
          state={state}
          status={status}
          error={error}
          skewMs={snapshot?.skewMs ?? 0}
          busy={model.connecting}
          onConnect={model.connect}
          onRetry={onRetry}
          staleNoteId={stale ? staleNoteId : undefined}
        />
      )}
      {!stale && oldRead && status?.state !== 'error' && snapshot && (
        <p class="as-of">
          {t('statusAsOf', {
            ago: formatAgo(lang, (readAge ?? 0) + (now - snapshot.receivedAt) / 1000),
          })}
        </p>
      )}
      {state === 'ready' && status && !stale && (
        <section class="employee-controls">
          <DoneButton
            idleTimeoutMinutes={status.idleTimeoutMinutes}
            onDone={model.adopt}
            done={api.done}
          />
          <KeepOnControl
            keepOnMaxHours={portal?.keepOnMaxHours ?? 0}
            keptOnUntil={status.keptOnUntil ?? null}
            onKeepOn={model.adopt}
            keepOn={api.keepOn}
          />
        </section>
      )}
      {stale && (
        <div class="stale-note" id={staleNoteId} role="status">
          <p>{t(pollFailureKey(pollFailure))}</p>
          <p class="stale-age">
            {t('staleStatus', { ago: formatAgo(lang, (now - snapshot.receivedAt) / 1000) })}
          </p>
        </div>
      )}
      <p class="setup-link">
        <a
          class="chip"
          href="/setup"
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onNavigate('/setup');
          }}
        >
          {t(setupTitleKey(platform))}
        </a>
      </p>
      <Announcement text={t(outageOnly ? 'outageTitle' : stateTitle[state])} />
    </main>
  );
}

/** How old the read of AWS behind an answer was when the portal sent it, in seconds. */
function snapshotAgeSeconds(status: StatusBody): number | null {
  if (!status.asOf) return null;
  const age = (Date.parse(status.serverTime) - Date.parse(status.asOf)) / 1000;
  return Number.isFinite(age) ? Math.max(0, age) : null;
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
