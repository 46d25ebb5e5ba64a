import type { VpnState } from '../../app/core/model/vocabulary';
import type { StatusBody } from '../../app/http/api-types';
import type { ShownError } from '../api/error-message';
import type { MessageKey } from '../i18n/en';
import { formatDuration, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { serverNow } from '../time/server-clock';
import { AutoOffCountdown } from './auto-off-countdown';
import { ConnectButton } from './connect-button';
import { useScopedId, useStateCardTags } from './endpoint-context';
import { ErrorPanel } from './error-panel';
import { StartingProgress } from './starting-progress';
import { StateIcon } from './state-icon';
import { VpnAppLine } from './vpn-app-line';
import { WarmUpLine } from './warm-up-line';

export const stateTitle: Record<VpnState, MessageKey> = {
  off: 'offTitle',
  starting: 'startingTitle',
  ready: 'readyTitle',
  stopping: 'stoppingTitle',
  error: 'errorTitle',
};

const stateBody: Record<VpnState, MessageKey | null> = {
  off: 'offBody',
  starting: 'startingBody',
  // The ready state names the VPN app for the device in hand (VpnAppLine, issue 16).
  ready: null,
  stopping: 'stoppingBody',
  error: null,
};

interface StatusCardProps {
  state: VpnState;
  status: StatusBody | null;
  /** Shown in state `error`, whether the server reported it or a request failed. */
  error: ShownError | null;
  skewMs: number;
  busy: boolean;
  onConnect: () => void;
  onRetry: () => void;
  /** The id of the note saying this is the last known state and may be out of date. */
  staleNoteId?: string | undefined;
}

/** One card per state: words on one side, the action and live facts on the other. */
export function StatusCard(props: StatusCardProps) {
  const { t } = useI18n();
  const body = stateBody[props.state];
  const titleId = useScopedId('state-title');
  const { Box, Title } = useStateCardTags();
  return (
    <Box
      class={`card card-${props.state}${props.staleNoteId ? ' card-stale' : ''}`}
      aria-labelledby={Box === 'section' ? titleId : undefined}
      aria-describedby={props.staleNoteId}
    >
      <div class="card-words">
        <StateIcon state={props.state} />
        <Title id={titleId}>{t(stateTitle[props.state])}</Title>
        {body && <p class="lead">{t(body)}</p>}
        {props.state === 'ready' && props.status && <VpnAppLine />}
      </div>
      <div class="card-action">
        <StateDetails {...props} />
      </div>
    </Box>
  );
}

function StateDetails({ state, status, error, skewMs, busy, onConnect, onRetry }: StatusCardProps) {
  const { t, lang, plural } = useI18n();
  const idleRule =
    status &&
    t('idleRule', { minutes: new Intl.NumberFormat(lang).format(status.idleTimeoutMinutes) });
  if (state === 'error' || !status) {
    const shown = error ?? { code: 'internal', message: '', requestId: null };
    return <ErrorPanel error={shown} busy={busy} onRetry={onRetry} />;
  }
  switch (state) {
    case 'off':
      return (
        <div class="facts">
          <ConnectButton busy={busy} onConnect={onConnect} />
          {status.warmUp && <WarmUpLine warmUp={status.warmUp} now={serverNow(skewMs)} />}
          <p class="fact">
            {t('startingTypical', {
              typical: formatDuration(lang, status.typicalStartSeconds, 'minutes'),
            })}
          </p>
          <p class="fact">{idleRule}</p>
        </div>
      );
    case 'starting':
      return (
        <StartingProgress
          startedAt={status.startedAt}
          typicalSeconds={status.typicalStartSeconds}
          skewMs={skewMs}
        />
      );
    case 'ready':
      return (
        <div class="facts">
          <p class={status.activeConnections > 0 ? 'fact-number' : 'fact-big'}>
            {plural('connected', status.activeConnections)}
          </p>
          {status.connectionEnded && (
            <p class="fact connection-ended">
              {t('connectionEndedNoTraffic', {
                minutes: formatNumber(lang, status.connectionEnded.quietMinutes),
              })}
            </p>
          )}
          <AutoOffCountdown
            autoDisconnectAt={status.autoDisconnectAt}
            activeConnections={status.activeConnections}
            skewMs={skewMs}
          />
          <p class="fact">{idleRule}</p>
        </div>
      );
    case 'stopping':
      return (
        <div class="facts">
          {status.connectQueued ? (
            <p class="fact-big queued">{t('connectQueued')}</p>
          ) : (
            <ConnectButton busy={busy} onConnect={onConnect} />
          )}
        </div>
      );
  }
}
