import { rmSync } from 'node:fs';
import type { AwsHealth } from '../adapters/aws/create-aws-health.js';
import { askEventsFunction } from '../adapters/events-function-health.js';
import { createFanOutNotifier } from '../adapters/fan-out-notifier.js';
import { InMemoryActivityMetrics } from '../adapters/local/in-memory-activity-metrics.js';
import { InMemoryRunLog } from '../adapters/local/in-memory-run-log.js';
import { InMemorySessionStore } from '../adapters/local/in-memory-session-store.js';
import { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { RecordingNotifier } from '../adapters/local/recording-notifier.js';
import { SimulatedClientVpn } from '../adapters/local/simulated-client-vpn.js';
import {
  SimulatedHealthProbes,
  SimulatedPermissionProbe,
} from '../adapters/local/simulated-health-probes.js';
import { SimulatedVpnClientSetup } from '../adapters/local/simulated-vpn-client-setup.js';
import { idleAlarmDefinition } from '../config/idle-alarm-definition.js';
import { type Settings, vpnPolicy } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { VpnPolicy } from '../core/model/policy.js';
import { endSession } from '../core/model/session-lifecycle.js';
import { EMPTY_WARM_UP_SCHEDULE, type WarmUpSchedule } from '../core/model/warm-up-schedule.js';
import { createEventsFunction } from '../events/events-function.js';
import type { Logger } from '../logging/logger.js';
import { createAlarmEvaluator } from './alarm-evaluator.js';
import { demoUsers } from './demo-users.js';
import { createLocalScheduler, type LocalScheduler } from './local-scheduler.js';
import { advanceThroughWarmUps, createLocalWarmUps } from './local-warm-ups.js';
import { ResettableSessionStore } from './resettable-session-store.js';
import { createSafetyNetSweep } from './safety-net-sweep.js';
import type { Simulation } from './simulator-routes.js';

export interface LocalSimulationOptions {
  settings: Settings;
  logger: Logger;
  associateMs?: number;
  disassociateMs?: number;
  /** LOCAL_DATA_FILE: keep the session history across restarts. */
  dataFile?: string;
  /** Lets tests start from a fixed instant; the clock still runs in real time. */
  clock?: ManualClock;
  /** From `loadWarmUpSettings(env)`: warm-ups run on the simulated clock (none by default). */
  warmUpSchedule?: WarmUpSchedule;
  /**
   * Replaces parts of the policy the settings give (`vpnPolicy(settings)`), for the portal
   * and the events function alike: the bench's month switches the auto-off rules with it.
   */
  policy?: Partial<VpnPolicy>;
}

export interface LocalSimulation {
  deps: CoreDeps;
  /**
   * The health checks' ports against the simulator (issue 17): the portal's reads and DryRun
   * calls, the events function asked in-process, and the events function's run log.
   */
  health: AwsHealth & { runs: InMemoryRunLog };
  /** The simulated endpoint's client setup, for the portal's setup page (issue 16). */
  vpnSetup: SimulatedVpnClientSetup;
  simulation: Simulation;
  scheduler: LocalScheduler;
  /**
   * A session left open in LOCAL_DATA_FILE by the previous run ends as `external`: the
   * simulated endpoint always starts with nothing associated.
   */
  endSessionLostInRestart(): Promise<void>;
  /** Called whenever the simulator controls changed the endpoint, e.g. to drop a cache. */
  onChange(listener: (what?: 'reset') => void): void;
}

/**
 * AWS in a box: the simulated endpoint, metrics, alarm and store on one simulated clock,
 * and the real events function woken by the local alarm evaluator, the sweep and
 * the warm-up schedule.
 */
export function createLocalSimulation(options: LocalSimulationOptions): LocalSimulation {
  const { settings, logger } = options;
  const clock = options.clock ?? new ManualClock();
  const vpn = new SimulatedClientVpn({
    clock,
    ...(options.associateMs === undefined ? {} : { associateMs: options.associateMs }),
    ...(options.disassociateMs === undefined ? {} : { disassociateMs: options.disassociateMs }),
  });
  const vpnSetup = new SimulatedVpnClientSetup({
    endpointId: settings.endpointId,
    region: settings.region,
  });
  const metrics = new InMemoryActivityMetrics();
  const alarm = new LocalIdleAlarm(clock);
  const dataFile = options.dataFile;
  const store = new ResettableSessionStore(
    () => new InMemorySessionStore(dataFile ? { filePath: dataFile } : {}),
  );
  // Notices go where SNS and the chat webhook would: a list the simulator shows, and the log.
  const notifications = new RecordingNotifier();
  const notices = logger.child({ component: 'notifications' });
  const notifier = createFanOutNotifier(
    [
      { name: 'recording', notifier: notifications },
      { name: 'log', notifier: { notify: async (m) => notices.info('notification', { ...m }) } },
    ],
    (channel, error) => notices.warn('notification not sent', { channel, error: String(error) }),
  );
  // The portal answers employees; the function below runs in the background. Each sees the
  // endpoint through its own view, so a fault injected for one is never met by the other.
  // Both notify through the same channels, as in AWS: the portal of a refused start and of
  // an administrator's Disconnect now, the events function of everything it decides.
  const deps: CoreDeps = {
    vpn: vpn.as('portal'),
    store,
    metrics,
    alarm,
    clock,
    policy: { ...vpnPolicy(settings), ...options.policy },
    notifier,
  };
  const schedule = options.warmUpSchedule ?? EMPTY_WARM_UP_SCHEDULE;
  const runs = new InMemoryRunLog();
  // The events function, as in AWS: alarm, sweep, warm-up and health events all land here.
  const handler = createEventsFunction({
    ...deps,
    vpn: vpn.as('background'),
    notifier,
    logger: logger.child({ function: 'auto-disconnect' }),
    idleAlarmName: settings.idleAlarmName,
    warmUp: { schedule },
    runs,
    // Its DryRun calls meet the permissions the simulator took from the background role.
    permissions: new SimulatedPermissionProbe(vpn, 'background'),
  });
  const health = {
    probes: new SimulatedHealthProbes({
      vpn,
      alarm,
      region: settings.region,
      subnetIds: settings.subnetIds,
    }),
    permissions: new SimulatedPermissionProbe(vpn, 'portal'),
    // The portal asks the real events function, as Lambda Invoke would, and reads its answer.
    eventsFunction: { check: () => askEventsFunction((event) => handler(event)) },
    runs,
  };
  const evaluator = createAlarmEvaluator({
    clock,
    definition: idleAlarmDefinition({
      idleTimeoutMinutes: settings.idleTimeoutMinutes,
      metricNamespace: settings.metricNamespace,
    }),
    metrics,
    alarm,
    connections: () => vpn.listClients(),
    handler,
    logger: logger.child({ component: 'idle-alarm' }),
    alarmName: settings.idleAlarmName,
    endpointId: settings.endpointId,
    region: settings.region,
  });
  const sweep = createSafetyNetSweep({ clock, handler, logger, region: settings.region });
  const warmUps = createLocalWarmUps({
    clock,
    schedule,
    handler,
    logger: logger.child({ component: 'warm-up-schedule' }),
  });
  const scheduler = createLocalScheduler(
    evaluator,
    sweep,
    (error) => logger.error('alarm evaluation failed', { error: String(error) }),
    warmUps,
  );
  const changeListeners: ((what?: 'reset') => void)[] = [];

  const simulation: Simulation = {
    clock,
    vpn,
    vpnSetup,
    alarm,
    users: demoUsers(settings.adminGroup),
    logger,
    changed: (what) => {
      for (const listener of changeListeners) listener(what);
    },
    notifications,
    upcomingWarmUps: (count) => warmUps.upcoming(clock.now(), count),
    afterAdvance: () => scheduler.tick({ force: true }),
    advance: (ms) =>
      advanceThroughWarmUps(clock, ms, warmUps, () => scheduler.tick({ force: true })),
    setOutage(witness, unavailable) {
      if (witness === 'sessions') store.setUnavailable(unavailable);
      else metrics.setReadsUnavailable(unavailable);
    },
    outages: () => [
      ...(store.unavailable ? (['sessions'] as const) : []),
      ...(metrics.readsUnavailable ? (['metrics'] as const) : []),
    ],
    async resetAll() {
      clock.resume();
      vpn.reset();
      vpnSetup.use('mutual');
      metrics.reset();
      evaluator.reset();
      sweep.reset();
      await alarm.reset('Simulator reset.');
      runs.reset();
      if (dataFile) rmSync(dataFile, { force: true });
      store.reset();
      notifications.clear();
    },
  };
  const endSessionLostInRestart = async () => {
    const open = await store.getOpen();
    if (!open) return;
    const message = 'The local server restarted; the simulated endpoint started empty.';
    await store.close(endSession(open, 'external', clock.now(), message));
    logger.info('ended the session left open by the previous run', { sessionId: open.id });
  };
  return {
    deps,
    health,
    vpnSetup,
    simulation,
    scheduler,
    endSessionLostInRestart,
    onChange: (listener) => changeListeners.push(listener),
  };
}
