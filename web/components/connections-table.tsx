import type { AdminConnection } from '../../app/http/api-types';
import { formatClockTime, formatDuration, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { UserLabel } from './user-label';

/** Live connections first, then those that ended in the last hour (AWS keeps them 60 min). */
export function ConnectionsTable({
  connections,
  now,
}: {
  connections: AdminConnection[];
  now: number;
}) {
  const { t, lang } = useI18n();
  const sorted = [...connections].sort(
    (a, b) =>
      Number(a.status !== 'active') - Number(b.status !== 'active') ||
      Date.parse(b.connectedAt) - Date.parse(a.connectedAt),
  );
  return (
    <div class="panel">
      <h2 id="connections-title">{t('connectionsTitle')}</h2>
      {sorted.length === 0 ? (
        <p class="fact">{t('connectionsEmpty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section class="table-scroll" tabIndex={0} aria-labelledby="connections-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colUser')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colConnected')}</th>
                <th scope="col">{t('colEnded')}</th>
                <th scope="col">{t('colDuration')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => {
                const active = c.status === 'active';
                const end = c.endedAt ? Date.parse(c.endedAt) : now;
                return (
                  <tr key={c.connectionId}>
                    <td>
                      <UserLabel id={c.user} />
                    </td>
                    <td>
                      <span class={active ? 'pill pill-live' : 'pill'}>
                        {active
                          ? t('connActive')
                          : c.endedFor
                            ? t('connEndedNoTraffic', {
                                minutes: formatNumber(lang, c.endedFor.quietMinutes),
                              })
                            : t('connEnded')}
                      </span>
                    </td>
                    <td>{formatClockTime(lang, new Date(c.connectedAt))}</td>
                    <td>{c.endedAt ? formatClockTime(lang, new Date(c.endedAt)) : t('nobody')}</td>
                    <td>
                      {formatDuration(lang, (end - Date.parse(c.connectedAt)) / 1000, 'minutes')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
