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
    return activeConnections > 0 ? <p class="fact-big">{t('staysOn')}</p> : null;
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
