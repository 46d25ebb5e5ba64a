import { rmSync } from 'node:fs';
import { createFanOutNotifier } from '../adapters/fan-out-notifier.js';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { RecordingNotifier } from '../adapters/local/recording-notifier.js';
import type { SimulatedVpnClientSetup } from '../adapters/local/simulated-vpn-client-setup.js';
import { idleAlarmDefinition } from '../config/idle-alarm-definition.js';
import { type Settings, vpnPolicy } from '../config/settings.js';
import type { CoreDeps } from '../core/deps.js';
import type { VpnPolicy } from '../core/model/policy.js';
import { endSession } from '../core/model/session-lifecycle.js';
import { EMPTY_WARM_UP_SCHEDULE, type WarmUpSchedule } from '../core/model/warm-up-schedule.js';
import { createEventsFunction } from '../events/events-function.js';
import type { Logger } from '../logging/logger.js';
import { type AlarmEvaluator, createAlarmEvaluator } from './alarm-evaluator.js';
import { demoUsers } from './demo-users.js';
import { createLocalScheduler, type LocalScheduler } from './local-scheduler.js';
import { advanceThroughWarmUps, allWarmUps, createLocalWarmUps } from './local-warm-ups.js';
import { createSafetyNetSweep } from './safety-net-sweep.js';
import {
  createSimulatedEndpoint,
  endpointDataFile,
  type SimulatedEndpoint,
} from './simulated-endpoint.js';
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
  /**
   * From `loadWarmUpSettings(env)`: the holidays of every endpoint's warm-ups, which run on
   * the simulated clock (each endpoint's times are its settings' `warmUps`).
   */
  warmUpSchedule?: WarmUpSchedule;
  /**
   * Replaces parts of the policy the settings give (`vpnPolicy(settings, endpoint)`), for the
   * portal and the events function alike, on every endpoint: the bench's month switches the
   * auto-off rules with it.
   */
  policy?: Partial<VpnPolicy>;
}

/** One simulated endpoint as the portal runs it: its settings, ports and client setup. */
export interface LocalEndpoint {
  settings: SimulatedEndpoint['settings'];
  /** The core's ports bound to this endpoint, as the portal sees them. */
  deps: CoreDeps;
  vpnSetup: SimulatedVpnClientSetup;
}

export interface LocalSimulation {
  /** Every simulated endpoint, in the settings' order (issue 18). */
  endpoints: LocalEndpoint[];
  /** The first endpoint's ports: the one today's routes answer for. */
  deps: CoreDeps;
  /** The first endpoint's client setup, for the portal's setup page (issue 16). */
  vpnSetup: SimulatedVpnClientSetup;
  simulation: Simulation;
  scheduler: LocalScheduler;
  /**
   * A session left open in LOCAL_DATA_FILE by the previous run ends as `external`: the
   * simulated endpoints always start with nothing associated.
   */
  endSessionLostInRestart(): Promise<void>;
  /** Called whenever the simulator controls changed an endpoint, e.g. to drop a cache. */
  onChange(listener: (what?: 'reset') => void): void;
}

/**
 * AWS in a box: the simulated endpoints, each with its metrics, idle alarm and store, on one
 * simulated clock, and the real events function woken by each endpoint's alarm evaluator,
 * the sweep and the warm-up schedules.
 */
export function createLocalSimulation(options: LocalSimulationOptions): LocalSimulation {
  const { settings, logger } = options;
  const clock = options.clock ?? new ManualClock();
  const holidays = (options.warmUpSchedule ?? EMPTY_WARM_UP_SCHEDULE).holidays;
  const simulated = settings.endpoints.map((endpoint, index) =>
    createSimulatedEndpoint({
      settings: endpoint,
      region: settings.region,
      clock,
      ...(options.associateMs === undefined ? {} : { associateMs: options.associateMs }),
      ...(options.disassociateMs === undefined ? {} : { disassociateMs: options.disassociateMs }),
      ...(options.dataFile
        ? { dataFile: endpointDataFile(options.dataFile, endpoint.key, index === 0) }
        : {}),
    }),
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
  const depsOf = (endpoint: SimulatedEndpoint, caller: 'portal' | 'background'): CoreDeps => ({
    vpn: endpoint.vpn.as(caller),
    store: endpoint.store,
    metrics: endpoint.metrics,
    alarm: endpoint.alarm,
    clock,
    policy: { ...vpnPolicy(settings, endpoint.settings), ...options.policy },
    notifier,
  });
  const endpoints: LocalEndpoint[] = simulated.map((endpoint) => ({
    settings: endpoint.settings,
    deps: depsOf(endpoint, 'portal'),
    vpnSetup: endpoint.vpnSetup,
  }));
  const [first] = endpoints;
  if (!first) throw new Error('local mode needs at least one endpoint');
  // The events function, as in AWS: every endpoint's alarm, the sweep and the warm-ups.
  const handler = createEventsFunction({
    endpoints: simulated.map((endpoint) => ({
      settings: endpoint.settings,
      deps: depsOf(endpoint, 'background'),
    })),
    logger: logger.child({ function: 'auto-disconnect' }),
    warmUp: { holidays },
  });
  const evaluators = simulated.map((endpoint) =>
    createAlarmEvaluator({
      clock,
      definition: idleAlarmDefinition({
        idleTimeoutMinutes: endpoint.settings.idleTimeoutMinutes,
        metricNamespace: settings.metricNamespace,
      }),
      metrics: endpoint.metrics,
      alarm: endpoint.alarm,
      connections: () => endpoint.vpn.listClients(),
      handler,
      logger: logger.child({ component: 'idle-alarm', endpoint: endpoint.settings.key }),
      alarmName: endpoint.settings.idleAlarmName,
      endpointId: endpoint.settings.endpointId,
      region: settings.region,
    }),
  );
  const sweep = createSafetyNetSweep({ clock, handler, logger, region: settings.region });
  const warmUps = allWarmUps(
    simulated.map((endpoint, index) =>
      createLocalWarmUps({
        clock,
        schedule: { entries: endpoint.settings.warmUps, holidays },
        handler,
        logger: logger.child({ component: 'warm-up-schedule', endpoint: endpoint.settings.key }),
        // The first endpoint's events carry no key, as the schedules made before issue 18.
        ...(index === 0 ? {} : { endpoint: endpoint.settings.key }),
      }),
    ),
  );
  const scheduler = createLocalScheduler(
    everyEvaluator(evaluators),
    sweep,
    (error) => logger.error('alarm evaluation failed', { error: String(error) }),
    warmUps,
  );
  const changeListeners: ((what?: 'reset') => void)[] = [];
  const [firstSimulated] = simulated;
  if (!firstSimulated) throw new Error('local mode needs at least one endpoint');

  const simulation: Simulation = {
    clock,
    vpn: firstSimulated.vpn,
    vpnSetup: firstSimulated.vpnSetup,
    alarm: firstSimulated.alarm,
    endpoints: simulated,
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
    setOutage(witness, unavailable, endpoint = firstSimulated) {
      if (witness === 'sessions') endpoint.store.setUnavailable(unavailable);
      else endpoint.metrics.setReadsUnavailable(unavailable);
    },
    outages: (endpoint = firstSimulated) => [
      ...(endpoint.store.unavailable ? (['sessions'] as const) : []),
      ...(endpoint.metrics.readsUnavailable ? (['metrics'] as const) : []),
    ],
    async resetAll() {
      clock.resume();
      for (const evaluator of evaluators) evaluator.reset();
      sweep.reset();
      for (const endpoint of simulated) {
        endpoint.vpn.reset();
        endpoint.vpnSetup.use('mutual');
        endpoint.metrics.reset();
        await endpoint.alarm.reset('Simulator reset.');
        if (endpoint.dataFile) rmSync(endpoint.dataFile, { force: true });
        endpoint.store.reset();
      }
      notifications.clear();
    },
  };
  const endSessionLostInRestart = async () => {
    for (const endpoint of simulated) {
      const open = await endpoint.store.getOpen();
      if (!open) continue;
      const message = 'The local server restarted; the simulated endpoint started empty.';
      await endpoint.store.close(endSession(open, 'external', clock.now(), message));
      logger.info('ended the session left open by the previous run', {
        endpoint: endpoint.settings.key,
        sessionId: open.id,
      });
    }
  };
  return {
    endpoints,
    deps: first.deps,
    vpnSetup: first.vpnSetup,
    simulation,
    scheduler,
    endSessionLostInRestart,
    onChange: (listener) => changeListeners.push(listener),
  };
}

/** Every endpoint's alarm evaluated in turn, as CloudWatch evaluates each alarm on its own. */
function everyEvaluator(evaluators: readonly AlarmEvaluator[]): AlarmEvaluator {
  return {
    async evaluate(options) {
      let last: Awaited<ReturnType<AlarmEvaluator['evaluate']>> = null;
      for (const evaluator of evaluators) last = (await evaluator.evaluate(options)) ?? last;
      return last;
    },
    reset() {
      for (const evaluator of evaluators) evaluator.reset();
    },
  };
}
