import type { EndReason } from '../../app/core/model/vocabulary';
import type { AdminSession } from '../../app/http/api-types';
import type { MessageKey } from '../i18n/en';
import { formatClockTime, formatDateTime, formatDuration, formatUsd } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { UserLabel, UserList } from './user-label';

const endReason: Record<EndReason, MessageKey> = {
  idle: 'endIdle',
  admin: 'endAdmin',
  failed: 'endFailed',
  external: 'endExternal',
  done: 'endDone',
};

/** `startedBy` of a session the warm-up schedule opened; it is listed among the users too. */
const scheduleStarter = 'schedule';
/** `startedBy` of a session someone started outside the portal (console, CLI). */
const externalStarter = 'external';

/** Recent sessions, newest first: who started it, who used it, how long, why it ended, cost. */
export function SessionsTable({ sessions, now }: { sessions: AdminSession[]; now: number }) {
  const { t, lang } = useI18n();
  return (
    <div class="panel">
      <h2 id="sessions-title">{t('sessionsTitle')}</h2>
      {sessions.length === 0 ? (
        <p class="fact">{t('sessionsEmpty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section class="table-scroll" tabIndex={0} aria-labelledby="sessions-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('colStartedBy')}</th>
                <th scope="col">{t('colStarted')}</th>
                <th scope="col">{t('colReady')}</th>
                <th scope="col">{t('colUsers')}</th>
                <th scope="col">{t('colDuration')}</th>
                <th scope="col" class="num">
                  {t('colPeak')}
                </th>
                <th scope="col">{t('colEnd')}</th>
                <th scope="col" class="num">
                  {t('colCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => {
                const end = s.endedAt ? Date.parse(s.endedAt) : now;
                return (
                  <tr key={s.id}>
                    <td>
                      {s.startedBy === scheduleStarter ? (
                        t('startedBySchedule')
                      ) : s.startedBy === externalStarter ? (
                        t('startedOutsidePortal')
                      ) : (
                        <UserLabel id={s.startedBy} />
                      )}
                    </td>
                    <td class="nowrap">{formatDateTime(lang, new Date(s.startedAt))}</td>
                    <td class="nowrap">
                      {s.readyAt ? formatClockTime(lang, new Date(s.readyAt)) : t('nobody')}
                    </td>
                    <td>
                      <UserList
                        ids={s.users.filter((user) => user !== scheduleStarter)}
                        empty={t('nobody')}
                      />
                    </td>
                    <td>
                      {formatDuration(lang, (end - Date.parse(s.startedAt)) / 1000, 'minutes')}
                    </td>
                    <td class="num">{s.peakConnections}</td>
                    <td>
                      {s.endReason
                        ? t(endReason[s.endReason])
                        : s.endedAt
                          ? t('nobody')
                          : t('stillRunning')}
                      {s.keptOn && (
                        <span class="kept-on-by">
                          {t('keptOnBy', {
                            name: s.keptOn.by,
                            time: formatClockTime(lang, new Date(s.keptOn.until)),
                          })}
                        </span>
                      )}
                    </td>
                    <td class="num">{formatUsd(lang, s.costUsd)}</td>
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
