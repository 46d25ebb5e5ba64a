import { formatClockTime, formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { secondsUntil } from '../time/server-clock';
import { useNow } from '../time/use-now';

interface AutoOffCountdownProps {
  autoDisconnectAt: string | null;
  activeConnections: number;
  skewMs: number;
}

/** Counts down in the server's time (device clock + measured skew), so a wrong iPad clock is harmless. */
export function AutoOffCountdown({
  autoDisconnectAt,
  activeConnections,
  skewMs,
}: AutoOffCountdownProps) {
  const { t, lang } = useI18n();
  const now = useNow(autoDisconnectAt !== null);
  if (autoDisconnectAt === null) {
    // Nobody connected and no activity to count from: switched on outside the portal and
    // unused, so the next check may turn it off (a tap on Connect starts the countdown).
    return <p class="fact-big">{t(activeConnections > 0 ? 'staysOn' : 'autoOffSoon')}</p>;
  }
  const remaining = secondsUntil(autoDisconnectAt, skewMs, now);
  if (remaining <= 0) return <p class="fact-big">{t('autoOffSoon')}</p>;
  return (
    <p class="fact-big countdown">
      <span>{t('autoOffIn', { remaining: formatDuration(lang, remaining) })}</span>{' '}
      <span class="fact-aside">
        ({t('autoOffAt', { time: formatClockTime(lang, new Date(autoDisconnectAt)) })})
      </span>
    </p>
  );
}
