/**
 * One simulated month (issue 14) through the real core and local mode's adapters, as
 * `npm start` wires them: the simulated endpoint with AWS-like association times, the alarm
 * evaluator with the stack's alarm definition, the 15-minute sweep and the events function,
 * all on a frozen ManualClock moved step by step. Employees tap Connect with the core's
 * `connect`, their pages poll `readStatus`, their clients come and go on the simulator.
 */
import { ManualClock } from '../../app/adapters/local/manual-clock.js';
import { SWEEP_WAITS_FOR_ALARM_MINUTES } from '../../app/config/idle-alarm-definition.js';
import { firstEndpoint, loadSettings } from '../../app/config/settings.js';
import { connect } from '../../app/core/connect.js';
import type { VpnPolicy } from '../../app/core/model/policy.js';
import type { Association } from '../../app/core/model/vocabulary.js';
import { readHistory, readStatus } from '../../app/core/status.js';
import { StatusCache } from '../../app/core/status-cache.js';
import { createLocalSimulation } from '../../app/local-mode/local-simulation.js';
import { silentLogger } from '../../app/logging/logger.js';
import { oracleAssociationHours, type Use } from './month-oracle.js';
import type { MonthTrace, TraceSession } from './month-trace.js';

/** The rules of issue 14 the month can switch off, one at a time. */
export const MONTH_RULES = [
  'remembered-ends',
  'sweep-waits-for-alarm',
  'adopted-by-evidence',
  'quiet-connections',
] as const;
export type MonthRule = (typeof MONTH_RULES)[number];

/**
 * The policy with `rule` off. A switch whose rule has not landed yet changes nothing (an
 * unknown policy field is ignored), so the month can run ahead of the rules it measures.
 */
export function policyWithout(
  rule: MonthRule | null,
): Partial<VpnPolicy> & { quietConnectionMinutes?: number } {
  switch (rule) {
    case null:
      return {};
    case 'remembered-ends':
    case 'adopted-by-evidence':
      return { rulesOff: [rule] };
    case 'sweep-waits-for-alarm':
      return { sweepWaitsForAlarmMinutes: 0 };
    case 'quiet-connections':
      return { quietConnectionMinutes: 0 };
  }
}

export interface MonthRunOptions {
  trace: MonthTrace;
  idleTimeoutMinutes: number;
  ruleOff?: MonthRule | null;
  /** AWS takes minutes to associate a subnet and about a minute to start removing it. */
  associateMinutes?: number;
  disassociateMinutes?: number;
}

export interface EarlyTurnOff {
  at: string;
  promised: string;
}

export interface MonthRunResult {
  use: MonthTrace['use'];
  idleTimeoutMinutes: number;
  ruleOff: MonthRule | null;
  taps: number;
  unusedTaps: number;
  forgottenClients: number;
  outsideAssociations: number;
  /** Subnet-hours from each Associate call to the start of its disassociation. */
  associationHours: number;
  oracleHours: number;
  /** Minutes from a used tap to the page showing ready, one per used session. */
  waitsMinutes: number[];
  notices: Record<string, number>;
  /** Offs before the latest auto-off time a page showed since the last activity. */
  earlyTurnOffs: EarlyTurnOff[];
  /**
   * Times a page showed an auto-off time earlier than one it had shown since the last
   * activity (SPEC rule 9: it never moves earlier by accident); once per activity at most.
   */
  promiseMovedEarlier: (EarlyTurnOff & { shown: string })[];
  /** "The alarm missed it" while the alarm still had its window (see isFalseAlarmMissed). */
  falseAlarmMissed: string[];
  /** Clients of people at work that were ended under them: must stay 0. */
  cutOffWhileWorking: number;
  /** Taps whose page never turned ready within an hour, and calls that threw. */
  gaveUp: number;
  errors: string[];
  steps: number;
  seconds: number;
}

const FINE_MS = 15_000;
const COARSE_MS = 60_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** Client VPN's own session timeout: the longest a forgotten client stays connected. */
const CLIENT_SESSION_TIMEOUT_MS = 24 * HOUR_MS;
const GIVE_UP_MS = HOUR_MS;
/** The portal reads recent sessions (for the typical time to ready) this seldom too. */
const HISTORY_CACHE_MS = 5 * MINUTE_MS;

type Phase = 'pending' | 'waiting' | 'using' | 'forgotten' | 'done';

interface Person {
  session: TraceSession;
  phase: Phase;
  connectionId: string | null;
  connectedAt: number;
  useEndsAt: number;
  lastUseAt: number;
}

/**
 * A `sweep-acted` notice says the idle alarm missed the idle VPN. It is false when the alarm
 * could still act: less than idle + one period + margin (SWEEP_WAITS_FOR_ALARM_MINUTES, the
 * window the stack allows it) since the alarm's metrics last showed activity (a connect
 * request, or any client connected).
 */
export function isFalseAlarmMissed(
  noticeAt: number,
  lastSignalAt: number,
  idleTimeoutMinutes: number,
): boolean {
  return noticeAt - lastSignalAt < (idleTimeoutMinutes + SWEEP_WAITS_FOR_ALARM_MINUTES) * MINUTE_MS;
}

const isOn = (a: Association) => a.status === 'associating' || a.status === 'associated';
const isMoving = (a: Association) => a.status === 'associating' || a.status === 'disassociating';

export async function runMonth(options: MonthRunOptions): Promise<MonthRunResult> {
  const began = performance.now();
  const { trace, idleTimeoutMinutes } = options;
  const ruleOff = options.ruleOff ?? null;
  const associateMinutes = options.associateMinutes ?? 5;
  const settings = loadSettings(
    {
      IDLE_TIMEOUT_MINUTES: String(idleTimeoutMinutes),
      // Item 4 may read its switch from the settings too; unknown variables are ignored.
      ...(ruleOff === 'quiet-connections' ? { QUIET_CONNECTION_MINUTES: '0' } : {}),
    },
    'local',
  );
  const clock = new ManualClock({ start: new Date(trace.startsAt), runsInRealTime: false });
  const local = createLocalSimulation({
    settings,
    logger: silentLogger,
    clock,
    associateMs: associateMinutes * MINUTE_MS,
    disassociateMs: (options.disassociateMinutes ?? 1) * MINUTE_MS,
    policy: policyWithout(ruleOff),
  });
  const { vpn, notifications } = local.simulation;

  const people: Person[] = trace.sessions.map((session) => ({
    session,
    phase: 'pending',
    connectionId: null,
    connectedAt: 0,
    useEndsAt: 0,
    lastUseAt: session.tapAt,
  }));
  const result: MonthRunResult = {
    use: trace.use,
    idleTimeoutMinutes,
    ruleOff,
    taps: people.length,
    unusedTaps: trace.sessions.filter((s) => s.unused).length,
    forgottenClients: trace.sessions.filter((s) => s.forgotten).length,
    outsideAssociations: 0,
    associationHours: 0,
    oracleHours: 0,
    waitsMinutes: [],
    notices: {},
    earlyTurnOffs: [],
    promiseMovedEarlier: [],
    falseAlarmMissed: [],
    cutOffWhileWorking: 0,
    gaveUp: 0,
    errors: [],
    steps: 0,
    seconds: 0,
  };

  /** People between their tap and the end of their client: the only ones a step looks at. */
  let open: Person[] = [];
  let now = trace.startsAt;
  let nextTap = 0;
  let nextOutside = 0;
  let associationMs = 0;
  let noticesSeen = 0;
  /** The last moment the alarm's metrics saw activity: a connect request or a connected client. */
  let lastSignalAt = Number.NEGATIVE_INFINITY;
  /** The latest auto-off time a page showed since the last activity. */
  let promised: number | null = null;
  let movedEarlier = false;
  /** Someone tapped since the VPN last turned on: their page is open and polling. */
  let watched = false;
  let polledMinute = -1;
  let wasOn = false;

  const activity = () => {
    lastSignalAt = now;
    promised = null;
    movedEarlier = false;
  };
  const history = new StatusCache(() => readHistory(local.deps), clock, HISTORY_CACHE_MS);
  const poll = async () => {
    const status = await readStatus(local.deps, () => history.get());
    polledMinute = Math.floor(now / MINUTE_MS);
    if (status.autoDisconnectAt) {
      const shown = Date.parse(status.autoDisconnectAt);
      if (promised !== null && shown < promised && !movedEarlier) {
        movedEarlier = true;
        result.promiseMovedEarlier.push({
          at: new Date(now).toISOString(),
          shown: new Date(shown).toISOString(),
          promised: new Date(promised).toISOString(),
        });
      }
      promised = Math.max(promised ?? shown, shown);
    }
    return status;
  };
  const isActive = (connectionId: string | null) =>
    vpn.listClients().some((c) => c.connectionId === connectionId && c.status === 'active');
  const attempt = async (what: string, action: () => Promise<unknown> | unknown) => {
    try {
      await action();
      return true;
    } catch (error) {
      result.errors.push(`${new Date(now).toISOString()} ${what}: ${String(error)}`);
      return false;
    }
  };

  while (now < trace.endsAt) {
    // ---- the step: fine while anyone waits or an association moves, coarse otherwise ----
    const associations = vpn.inspectAssociations();
    const onCount = associations.filter(isOn).length;
    const waiting = open.some((p) => p.phase === 'waiting');
    const size = waiting || associations.some(isMoving) ? FINE_MS : COARSE_MS;
    let until = (Math.floor(now / size) + 1) * size;
    for (const due of nextDue(open, trace, nextTap, nextOutside)) {
      if (due > now && due < until) until = due;
    }
    const anyClient = vpn.listClients().some((c) => c.status === 'active');
    associationMs += onCount * (until - now);
    clock.advance(until - now);
    now = until;
    result.steps += 1;
    await local.simulation.afterAdvance();
    if (anyClient) lastSignalAt = now;

    // ---- what the alarm, the sweep and the events function did ----
    const isOnNow = vpn.inspectAssociations().some(isOn);
    if (wasOn && !isOnNow) {
      if (promised !== null && now < promised) {
        result.earlyTurnOffs.push({
          at: new Date(now).toISOString(),
          promised: new Date(promised).toISOString(),
        });
      }
      promised = null;
      movedEarlier = false;
      watched = false;
    }
    const sent = notifications.sent;
    for (const notice of sent.slice(noticesSeen)) {
      result.notices[notice.kind] = (result.notices[notice.kind] ?? 0) + 1;
      if (
        notice.kind === 'sweep-acted' &&
        isFalseAlarmMissed(Date.parse(notice.at), lastSignalAt, idleTimeoutMinutes)
      ) {
        result.falseAlarmMissed.push(notice.at);
      }
    }
    noticesSeen = sent.length;

    // ---- what people do now ----
    for (const person of open) {
      if (person.phase === 'forgotten' && now >= person.connectedAt + CLIENT_SESSION_TIMEOUT_MS) {
        // Client VPN's session timeout ends the forgotten client.
        if (isActive(person.connectionId)) {
          await attempt('session timeout', () => vpn.disconnectClient(person.connectionId ?? ''));
          activity();
        }
        person.phase = 'done';
      }
      if (person.phase === 'using' && now >= person.useEndsAt) {
        person.lastUseAt = now;
        if (!isActive(person.connectionId)) {
          result.cutOffWhileWorking += 1;
          person.phase = 'done';
        } else if (person.session.forgotten) {
          vpn.setClientTraffic(person.connectionId ?? '', 'keepalive-only');
          person.phase = 'forgotten';
        } else {
          vpn.disconnectClient(person.connectionId ?? '');
          activity();
          person.phase = 'done';
        }
      }
    }
    while ((trace.sessions[nextTap]?.tapAt ?? Number.POSITIVE_INFINITY) <= now) {
      const person = people[nextTap];
      nextTap += 1;
      if (!person) break;
      // The iPad put away yesterday is picked up again: its client reconnects.
      for (const earlier of open) {
        if (earlier.phase !== 'forgotten' || earlier.session.user !== person.session.user) continue;
        if (isActive(earlier.connectionId)) vpn.disconnectClient(earlier.connectionId ?? '');
        earlier.phase = 'done';
      }
      activity();
      watched = true;
      const tapped = await attempt('connect', () => connect(local.deps, person.session.user));
      person.phase = person.session.unused ? 'done' : tapped ? 'waiting' : 'done';
      if (!tapped) result.gaveUp += 1;
      open.push(person);
    }
    while ((trace.outside[nextOutside]?.at ?? Number.POSITIVE_INFINITY) <= now) {
      nextOutside += 1;
      // Someone associates in the console: only subnets that are free, as AWS allows.
      const taken = new Set(vpn.inspectAssociations().map((a) => a.subnetId));
      const free = firstEndpoint(settings).subnetIds.filter((subnetId) => !taken.has(subnetId));
      for (const subnetId of free) {
        await attempt('outside associate', () =>
          vpn.associate(subnetId, `console-${nextOutside}-${subnetId}`),
        );
      }
      if (free.length > 0) result.outsideAssociations += 1;
    }

    // ---- pages: those waiting poll every step, the others show their countdown each minute ----
    if (open.some((p) => p.phase === 'waiting')) {
      const status = await poll();
      for (const person of open) {
        if (person.phase !== 'waiting') continue;
        if (status.state === 'ready') {
          const client = vpn.connectClient(person.session.user);
          activity();
          person.connectionId = client.connectionId;
          person.connectedAt = now;
          person.useEndsAt = now + person.session.useMinutes * MINUTE_MS;
          person.phase = 'using';
          result.waitsMinutes.push((now - person.session.tapAt) / MINUTE_MS);
        } else if (now - person.session.tapAt > GIVE_UP_MS) {
          result.gaveUp += 1;
          person.phase = 'done';
        }
      }
    }
    open = open.filter((p) => p.phase !== 'done');
    wasOn = vpn.inspectAssociations().some(isOn);
    if (wasOn && watched && Math.floor(now / MINUTE_MS) !== polledMinute) await poll();
  }

  result.associationHours = associationMs / HOUR_MS;
  const uses: Use[] = people.map((p) => ({ tapAt: p.session.tapAt, lastUseAt: p.lastUseAt }));
  result.oracleHours = oracleAssociationHours(uses, {
    associateMinutes,
    idleTimeoutMinutes,
    subnets: firstEndpoint(settings).subnetIds.length,
  });
  result.seconds = (performance.now() - began) / 1000;
  return result;
}

/** The next instants something is due: a tap, an outside association, a use ending, a timeout. */
function* nextDue(
  open: readonly Person[],
  trace: MonthTrace,
  nextTap: number,
  nextOutside: number,
): Generator<number> {
  yield trace.sessions[nextTap]?.tapAt ?? Number.POSITIVE_INFINITY;
  yield trace.outside[nextOutside]?.at ?? Number.POSITIVE_INFINITY;
  for (const person of open) {
    if (person.phase === 'using') yield person.useEndsAt;
    if (person.phase === 'forgotten') yield person.connectedAt + CLIENT_SESSION_TIMEOUT_MS;
  }
}
