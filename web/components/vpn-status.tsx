import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StatusBody } from '../../app/http/api-types';
import { type EndpointClient, PortalUnreachable } from '../api/client';
import { pollFailureKey, type ShownError, toShownError } from '../api/error-message';
import { useClientInfo } from '../device/client-info';
import { formatAgo } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import type { StatusModel } from '../poller/use-status';
import { useNow } from '../time/use-now';
import { DoneButton } from './done-button';
import { useScopedId, useShownEndpoint } from './endpoint-context';
import { KeepOnControl } from './keep-on-control';
import { LiveAnnouncer } from './live-announcer';
import { OutageCard } from './outage-card';
import { StatusCard, stateTitle } from './status-card';

/**
 * Every portal instance answers from one shared snapshot, a few seconds old at most. Older
 * than this, AWS is slow to answer (or throttling): the page says how old, calmly.
 */
export const showAgeAfterSeconds = 10;

interface VpnStatusProps {
  /** The endpoint's calls, for "I'm done" and "Keep it on". */
  api: EndpointClient;
  /** Its status poll, which has answered (or failed) at least once. */
  model: StatusModel;
  /** Shown after the status and before the announcer (the page's setup link). */
  children?: ComponentChildren;
}

/**
 * One endpoint's state for the employee: the card that follows the VPN through off →
 * starting → ready → off, how old the answer is, "I'm done" and "Keep it on" while it is
 * ready, and a calm note while the portal does not answer. Today's page shows it once; the
 * several-endpoints page once per card (issue 18).
 */
export function VpnStatus({ api, model, children }: VpnStatusProps) {
  const { t, lang } = useI18n();
  const { portal } = useClientInfo();
  const endpoint = useShownEndpoint();
  const staleNoteId = useScopedId('stale-note');
  const { snapshot, pollFailure, connectFailure } = model;
  const readAge = snapshot ? snapshotAgeSeconds(snapshot.status) : null;
  const oldRead = readAge !== null && readAge >= showAgeAfterSeconds;
  const now = useNow((pollFailure !== null || oldRead) && snapshot !== null, 5_000);

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
  const title = t(outageOnly ? 'outageTitle' : stateTitle[state]);

  return (
    <>
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
      {children}
      {/* Several cards change on their own: each says whose state changed. */}
      <Announcement text={endpoint ? `${endpoint.name}: ${title}` : title} />
    </>
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
