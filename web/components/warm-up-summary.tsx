import type { AdminWarmUps } from '../../app/http/api-types';
import { formatNumber, formatUsd } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { formatWarmUpAt, viewerTimeZone } from '../i18n/warm-up-format';
import { Figures } from './figures';

interface WarmUpSummaryProps {
  warmUps: AdminWarmUps;
  /** The server's now, in ms: "today" and "tomorrow" are counted from it. */
  now: number;
  /** For tests; the browser's zone otherwise. */
  viewerZone?: string;
}

/** The schedule seen from the admin's chair: what comes next and what it cost this month. */
export function WarmUpSummary({ warmUps, now, viewerZone = viewerTimeZone() }: WarmUpSummaryProps) {
  const { t, lang } = useI18n();
  const cost = warmUps.costThisMonth;
  const figures: [string, string][] = [
    [t('warmUpSessions'), formatNumber(lang, cost.sessions, 0)],
    [t('monthHours'), formatNumber(lang, cost.associationHours, 2)],
    [t('warmUpCost'), formatUsd(lang, cost.costUsd)],
  ];
  return (
    <section class="panel" aria-labelledby="warm-up-title">
      <h2 id="warm-up-title">{t('warmUpTitle')}</h2>
      <Figures items={figures} />
      <h3 id="warm-up-next-title" class="panel-subtitle">
        {t('warmUpNextTitle')}
      </h3>
      {warmUps.next.length === 0 ? (
        <p class="fact">{t('warmUpNone')}</p>
      ) : (
        <ol class="warm-up-list" aria-labelledby="warm-up-next-title">
          {warmUps.next.map((at) => (
            <li key={at}>
              <time dateTime={at}>{formatWarmUpAt(lang, at, now, viewerZone)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
