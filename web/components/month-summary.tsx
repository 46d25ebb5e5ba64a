import type { AdminEndpointsBody } from '../../app/http/api-types';
import { formatNumber, formatUsd } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { CostChart } from './cost-chart';
import { Figures } from './figures';

/** This month's association hours and cost against leaving the VPN on all the time. */
/** Any month report: one endpoint's (with the portal's own cost or without) or the total. */
export function MonthSummary({
  month,
}: {
  month: AdminEndpointsBody['endpoints'][number]['month'];
}) {
  const { t, lang } = useI18n();
  const saved = Math.max(0, month.alwaysOnCostUsd - month.costUsd);
  const alwaysOnPerDay = month.days.length > 0 ? month.alwaysOnCostUsd / month.days.length : 0;
  const figures: [string, string][] = [
    [t('monthHours'), formatNumber(lang, month.associationHours, 2)],
    [t('monthCost'), formatUsd(lang, month.costUsd)],
    [t('monthAlwaysOn'), formatUsd(lang, month.alwaysOnCostUsd)],
    [t('monthSaved'), formatUsd(lang, saved)],
  ];
  return (
    <section class="panel" aria-labelledby="month-title">
      <h2 id="month-title">{t('monthTitle')}</h2>
      <Figures items={figures} />
      <CostChart days={month.days} alwaysOnPerDay={alwaysOnPerDay} />
    </section>
  );
}
