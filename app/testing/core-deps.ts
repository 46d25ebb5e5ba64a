import { InMemoryActivityMetrics } from '../adapters/local/in-memory-activity-metrics.js';

export { periodStartOf } from '../adapters/local/in-memory-activity-metrics.js';

import { InMemorySessionStore } from '../adapters/local/in-memory-session-store.js';
import { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import { ManualClock } from '../adapters/local/manual-clock.js';
import { RecordingNotifier } from '../adapters/local/recording-notifier.js';
import {
  CLIENT_VPN_OPERATIONS,
  type ClientVpnOperation,
  SimulatedClientVpn,
} from '../adapters/local/simulated-client-vpn.js';
import type { CoreDeps } from '../core/deps.js';
import type { VpnPolicy } from '../core/model/policy.js';
import type {
  Association,
  ClientConnection,
  ExtraRoute,
  VpnRoute,
} from '../core/model/vocabulary.js';
import type { ClientVpn } from '../ports/client-vpn.js';

/**
 * Test fixture: the core's ports built from the local adapters (the project's one set of
 * fakes), on a frozen simulated clock, with every Client VPN call counted.
 */
export const TEST_SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];
export const TEST_START = new Date('2026-03-02T09:00:00Z');
export const ASSOCIATE_MS = 60_000;
export const DISASSOCIATE_MS = 30_000;

/** Delegates to a ClientVpn and counts each call per operation. */
class CountingClientVpn implements ClientVpn {
  readonly calls: Record<ClientVpnOperation, number> = emptyCounts();

  constructor(private readonly inner: ClientVpn) {}

  describeAssociations(): Promise<Association[]> {
    this.calls.describeAssociations += 1;
    return this.inner.describeAssociations();
  }

  describeConnections(): Promise<ClientConnection[]> {
    this.calls.describeConnections += 1;
    return this.inner.describeConnections();
  }

  describeRoutes(): Promise<VpnRoute[]> {
    this.calls.describeRoutes += 1;
    return this.inner.describeRoutes();
  }

  associate(subnetId: string, clientToken: string): Promise<Association> {
    this.calls.associate += 1;
    return this.inner.associate(subnetId, clientToken);
  }

  disassociate(associationId: string): Promise<void> {
    this.calls.disassociate += 1;
    return this.inner.disassociate(associationId);
  }

  createRoute(route: ExtraRoute, clientToken: string): Promise<void> {
    this.calls.createRoute += 1;
    return this.inner.createRoute(route, clientToken);
  }

  terminateConnection(connectionId: string): Promise<void> {
    this.calls.terminateConnection += 1;
    return this.inner.terminateConnection(connectionId);
  }

  /** Calls of the three Describe operations together. */
  describeCalls(): number {
    return (
      this.calls.describeAssociations + this.calls.describeConnections + this.calls.describeRoutes
    );
  }

  resetCounts(): void {
    Object.assign(this.calls, emptyCounts());
  }
}

export interface TestCoreDeps extends CoreDeps {
  vpn: CountingClientVpn;
  simulator: SimulatedClientVpn;
  store: InMemorySessionStore;
  metrics: InMemoryActivityMetrics;
  alarm: LocalIdleAlarm;
  clock: ManualClock;
  /** Moves the simulated clock on by `minutes`. */
  advanceMinutes(minutes: number): void;
}

export interface TestCoreDepsOptions {
  policy?: Partial<VpnPolicy>;
  start?: Date;
}

export function testCoreDeps(options: TestCoreDepsOptions = {}): TestCoreDeps {
  const clock = testClock(options.start);
  const simulator = new SimulatedClientVpn({
    clock,
    associateMs: ASSOCIATE_MS,
    disassociateMs: DISASSOCIATE_MS,
  });
  return {
    vpn: new CountingClientVpn(simulator),
    simulator,
    store: new InMemorySessionStore(),
    metrics: new InMemoryActivityMetrics(),
    alarm: new LocalIdleAlarm(clock),
    clock,
    policy: {
      subnetIds: [...TEST_SUBNETS],
      extraRoutes: [],
      idleTimeoutMinutes: 30,
      sweepWaitsForAlarmMinutes: 10,
      sweepIntervalMinutes: 15,
      quietConnectionMinutes: 60,
      prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
      ...options.policy,
    },
    advanceMinutes: (minutes) => {
      clock.advance(minutes * 60_000);
    },
  };
}

function emptyCounts(): Record<ClientVpnOperation, number> {
  return Object.fromEntries(CLIENT_VPN_OPERATIONS.map((operation) => [operation, 0])) as Record<
    ClientVpnOperation,
    number
  >;
}

/** A notifier that keeps what it was sent (and can be told to fail), for notice tests. */
export function testNotifier(): RecordingNotifier {
  return new RecordingNotifier();
}

/** The simulated clock alone, frozen at `start` until a test moves it. */
export function testClock(start: Date = TEST_START): ManualClock {
  return new ManualClock({ start, runsInRealTime: false });
}
