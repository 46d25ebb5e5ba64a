import { formatDuration } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { secondsSince } from '../time/server-clock';
import { useNow } from '../time/use-now';

interface StartingProgressProps {
  startedAt: string | null;
  typicalSeconds: number;
  skewMs: number;
}

/** An estimate, not a promise: the bar stops short of full until the VPN is really ready. */
export function StartingProgress({ startedAt, typicalSeconds, skewMs }: StartingProgressProps) {
  const { t, lang } = useI18n();
  const now = useNow(true);
  const elapsed = startedAt ? Math.max(0, secondsSince(startedAt, skewMs, now)) : 0;
  const typical = Math.max(1, typicalSeconds);
  const fraction = Math.min(0.95, elapsed / typical);
  const elapsedText = formatDuration(lang, elapsed);
  const typicalText = formatDuration(lang, typical, 'minutes');
  return (
    <div class="facts">
      <div
        class="progress"
        role="progressbar"
        aria-label={t('startingTitle')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={t('startingProgress', { elapsed: elapsedText, typical: typicalText })}
      >
        <div class="progress-bar" style={{ transform: `scaleX(${fraction})` }} />
      </div>
      <p class="fact-big">{t('startingElapsed', { elapsed: elapsedText })}</p>
      <p class="fact">{t('startingTypical', { typical: typicalText })}</p>
      {elapsed > typical * 1.5 && <p class="fact">{t('startingOverdue')}</p>}
    </div>
  );
}
