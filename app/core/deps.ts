import type { ActivityMetrics } from '../ports/activity-metrics.js';
import type { ClientVpn } from '../ports/client-vpn.js';
import type { Clock } from '../ports/clock.js';
import type { IdleAlarm } from '../ports/idle-alarm.js';
import type { Notifier } from '../ports/notifier.js';
import type { SessionStore } from '../ports/session-store.js';
import type { VpnPolicy } from './model/policy.js';

/** The ports every use case runs against, passed as plain arguments. */
export interface CoreDeps {
  vpn: ClientVpn;
  store: SessionStore;
  metrics: ActivityMetrics;
  alarm: IdleAlarm;
  clock: Clock;
  policy: VpnPolicy;
  /**
   * Optional: where notices go when the VPN turns itself off or an association fails
   * (core/model/notices.ts). Pass the fan-out notifier (adapters/fan-out-notifier.ts),
   * which never throws; without one, nothing is sent.
   */
  notifier?: Notifier;
}
