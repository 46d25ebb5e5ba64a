import type { AdminSessionsBody } from '../../app/http/api-types';
import { formatDay, formatUsd } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type Day = AdminSessionsBody['month']['days'][number];

const width = 800;
const height = 170;
const pad = { top: 16, right: 8, bottom: 24, left: 8 };

/**
 * Cost per day as bars, with a dashed line at what a day costs when the VPN is always on.
 * Hand-drawn SVG: a chart library would outweigh the rest of the SPA.
 */
export function CostChart({ days, alwaysOnPerDay }: { days: Day[]; alwaysOnPerDay: number }) {
  const { t, lang } = useI18n();
  if (days.length === 0) return <p class="fact">{t('chartEmpty')}</p>;
  const top = Math.max(alwaysOnPerDay, ...days.map((d) => d.costUsd), 0.01);
  const plotHeight = height - pad.top - pad.bottom;
  const y = (usd: number) => pad.top + plotHeight * (1 - usd / top);
  // At least a month's width, so bars keep a steady size as the month fills up.
  const slot = (width - pad.left - pad.right) / Math.max(days.length, 31);
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = days.length > 14 ? 5 : 1;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('chartLabel')}>
        <line
          class="chart-axis"
          x1={pad.left}
          x2={width - pad.right}
          y1={height - pad.bottom}
          y2={height - pad.bottom}
        />
        {days.map((day, i) => {
          const x = pad.left + i * slot + (slot - barWidth) / 2;
          const label = formatDay(lang, new Date(day.date));
          return (
            <g key={day.date}>
              <rect
                class="chart-bar"
                x={x}
                y={y(day.costUsd)}
                width={barWidth}
                height={Math.max(0, height - pad.bottom - y(day.costUsd))}
                rx="2"
              >
                <title>{`${label}: ${formatUsd(lang, day.costUsd)}`}</title>
              </rect>
              {(i % labelEvery === 0 || i === days.length - 1) && (
                <text class="chart-label" x={x + barWidth / 2} y={height - 6} text-anchor="middle">
                  {label}
                </text>
              )}
            </g>
          );
        })}
        <line
          class="chart-always-on"
          x1={pad.left}
          x2={width - pad.right}
          y1={y(alwaysOnPerDay)}
          y2={y(alwaysOnPerDay)}
        />
      </svg>
      <figcaption class="chart-legend">
        <span class="legend-bar">{t('monthCost')}</span>
        <span class="legend-line">
          {t('monthAlwaysOn')} ({formatUsd(lang, alwaysOnPerDay)})
        </span>
      </figcaption>
    </figure>
  );
}
