import { describe, expect, it } from 'vitest';
import {
  ASSOCIATE_MS,
  DISASSOCIATE_MS,
  TEST_SUBNETS,
  testCoreDeps,
  testNotifier,
} from '../testing/core-deps.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { disconnectNow } from './disconnect-now.js';
import { reconcile } from './live-state.js';
import { AwsCallError } from './model/errors.js';
import { readStatus } from './status.js';

const REFUSAL = 'InvalidSubnetID.NotFound: The subnet ID does not exist.';
const ADMIN = 'alex.admin@example.com';

/** One subnet: a single refused call leaves nothing associated. */
const ONE_SUBNET = { policy: { subnetIds: TEST_SUBNETS.slice(0, 1) } };

function notifiedDeps(options: Parameters<typeof testCoreDeps>[0] = {}) {
  const notifier = testNotifier();
  return { deps: { ...testCoreDeps(options), notifier }, notifier };
}

describe('notices of a start AWS did not carry out', () => {
  it('sends one notice naming the employee, AWS’s words and the reference when AWS refuses the start', async () => {
    const { deps, notifier } = notifiedDeps(ONE_SUBNET);
    deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });

    await expect(connect(deps, 'mina@example.com', { reference: 'req-1' })).rejects.toMatchObject({
      code: 'aws_rejected',
    });

    expect(notifier.sent).toHaveLength(1);
    const [notice] = notifier.sent;
    expect(notice).toMatchObject({ kind: 'start-failed', sessionId: expect.any(String) });
    expect(notice?.subject).toBe('VPN start for mina@example.com refused by AWS');
    expect(notice?.text).toContain(`AWS refused the request of mina@example.com`);
    expect(notice?.text).toContain(REFUSAL);
    expect(notice?.text).toContain('was asked to tell an administrator');
    expect(notice?.text).toContain('reference req-1');
    expect((await readStatus(deps)).state).toBe('error');
  });

  it('sends one notice when AWS throttles the start, and keeps no failure so the next tap retries', async () => {
    const { deps, notifier } = notifiedDeps();
    deps.simulator.injectFault({ kind: 'throttled', operation: 'associate' });

    await expect(connect(deps, 'mina')).rejects.toMatchObject({ code: 'aws_throttled' });

    expect(notifier.sent.map((n) => n.kind)).toEqual(['start-failed']);
    expect(notifier.sent[0]?.subject).toBe('VPN start for mina throttled by AWS');
    expect(notifier.sent[0]?.text).toContain('RequestLimitExceeded');
    expect(notifier.sent[0]?.text).toContain('was asked to try again in a moment');
    expect((await deps.store.getOpen())?.failure).toBeNull();
  });

  it('sends one notice when AWS cannot be reached during the start', async () => {
    const { deps, notifier } = notifiedDeps();
    deps.simulator.injectFault({ kind: 'unavailable', operation: 'associate' });

    await expect(connect(deps, 'mina')).rejects.toBeInstanceOf(AwsCallError);

    expect(notifier.sent.map((n) => n.subject)).toEqual([
      'VPN start for mina failed, AWS could not be reached',
    ]);
  });

  it('tells of a refused start once, though twenty people tap at once', async () => {
    const { deps, notifier } = notifiedDeps();
    deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });
    const users = Array.from({ length: 20 }, (_, i) => `user-${i}`);

    await Promise.allSettled(users.map((user) => connect(deps, user)));

    expect(notifier.sent.map((n) => n.kind)).toEqual(['start-failed']);
  });

  it('never tells of the same refusal again: not the status poll, the alarm, the sweep or the retry', async () => {
    const { deps, notifier } = notifiedDeps(ONE_SUBNET);
    deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });
    await connect(deps, 'mina').catch(() => undefined);

    await reconcile(deps);
    deps.advanceMinutes(45);
    await autoDisconnect(deps, 'alarm');
    await autoDisconnect(deps, 'sweep');
    await readStatus(deps);
    expect((await connect(deps, 'mina')).outcome).toBe('started');
    deps.clock.advance(ASSOCIATE_MS);
    expect((await readStatus(deps)).state).toBe('ready');

    expect(notifier.sent.map((n) => n.kind)).toEqual(['start-failed']);
  });

  it('tells nothing when the throttled start is repeated by the status poll and works', async () => {
    const { deps, notifier } = notifiedDeps();
    deps.simulator.injectFault({ kind: 'throttled', operation: 'associate' });
    await connect(deps, 'mina').catch(() => undefined);
    expect((await connect(deps, 'kenji')).outcome).toBe('joined');

    deps.advanceMinutes(1); // past the time the opener had to make the associations
    await readStatus(deps);
    deps.clock.advance(ASSOCIATE_MS);

    expect((await readStatus(deps)).state).toBe('ready');
    expect(notifier.sent).toHaveLength(1);
  });

  it('answers the refusal unchanged and keeps the failure when the notifier fails', async () => {
    const { deps, notifier } = notifiedDeps(ONE_SUBNET);
    notifier.failWith(new Error('SNS is down'));
    deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });

    const refused = connect(deps, 'mina');

    await expect(refused).rejects.toBeInstanceOf(AwsCallError);
    await expect(refused).rejects.toMatchObject({ code: 'aws_rejected' });
    expect((await deps.store.getOpen())?.failure).toContain(REFUSAL);
    expect((await readStatus(deps)).state).toBe('error');
  });

  it('tells of a queued start AWS refused once, naming who queued it', async () => {
    const { deps, notifier } = notifiedDeps(ONE_SUBNET);
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    expect((await connect(deps, 'kenji')).outcome).toBe('queued');
    deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });
    deps.clock.advance(DISASSOCIATE_MS);

    // The status poll that finds stopping over carries the queued start out.
    await expect(readStatus(deps)).rejects.toMatchObject({ code: 'aws_rejected' });
    expect((await readStatus(deps)).state).toBe('error');
    deps.advanceMinutes(45);
    await autoDisconnect(deps, 'sweep');

    expect(notifier.sent.map((n) => [n.kind, n.subject])).toEqual([
      ['auto-off', expect.any(String)],
      ['start-failed', 'VPN start for kenji refused by AWS'],
    ]);
  });

  it('tells of a stalled start’s refusal once, though every status poll repeats the start', async () => {
    const { deps, notifier } = notifiedDeps(ONE_SUBNET);
    deps.simulator.injectFault({ kind: 'throttled', operation: 'associate' });
    await connect(deps, 'mina').catch(() => undefined);
    deps.advanceMinutes(1); // past the time the opener had to make the association
    for (const _poll of [1, 2]) {
      deps.simulator.injectFault({ kind: 'rejected', operation: 'associate', message: REFUSAL });
    }

    const polls = await Promise.allSettled([readStatus(deps), readStatus(deps)]);
    await readStatus(deps);
    await readStatus(deps);

    expect(polls.map((poll) => poll.status)).toEqual(['rejected', 'rejected']);
    expect((await readStatus(deps)).state).toBe('error');
    expect(notifier.sent.map((n) => n.subject)).toEqual([
      'VPN start for mina throttled by AWS',
      'VPN start for mina refused by AWS',
    ]);
  });

  it('sends nothing when the start works', async () => {
    const { deps, notifier } = notifiedDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await readStatus(deps);
    expect(notifier.sent).toEqual([]);
  });
});

describe('notice of an administrator’s Disconnect now', () => {
  async function readyVpn() {
    const { deps, notifier } = notifiedDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.simulator.connectClient('mina');
    await reconcile(deps);
    deps.advanceMinutes(64);
    return { deps, notifier };
  }

  it('names the administrator, how long the session lasted and what it cost', async () => {
    const { deps, notifier } = await readyVpn();

    const result = await disconnectNow(deps, ADMIN);

    expect(notifier.sent).toHaveLength(1);
    const [notice] = notifier.sent;
    expect(notice).toMatchObject({ kind: 'admin-off', sessionId: result.endedSessionId });
    expect(notice?.subject).toBe(`VPN turned off by ${ADMIN} after 1 h 05 min`);
    expect(notice?.text).toContain(`${ADMIN} turned the VPN off with Disconnect now.`);
    expect(notice?.text).toContain('started 2026-03-02 09:00 UTC by mina, lasted 1 h 05 min');
    // Two subnets for 65 minutes at $0.10 per subnet-hour, one connection at $0.05 an hour.
    expect(notice?.text).toContain('Cost: $0.27 (2.17 subnet-hours).');
  });

  it('says nothing when a second click finds the VPN already turning off', async () => {
    const { deps, notifier } = await readyVpn();
    await disconnectNow(deps, ADMIN);
    await disconnectNow(deps, ADMIN);
    deps.clock.advance(DISASSOCIATE_MS);
    await disconnectNow(deps, ADMIN);

    expect(notifier.sent.map((n) => n.kind)).toEqual(['admin-off']);
  });

  it('leaves the notice to the idle alarm when the alarm turned it off first', async () => {
    const { deps, notifier } = notifiedDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');

    await disconnectNow(deps, ADMIN);

    expect(notifier.sent.map((n) => n.kind)).toEqual(['auto-off']);
  });

  it('says so when it drops a start queued behind a stop', async () => {
    const { deps, notifier } = notifiedDeps();
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    deps.advanceMinutes(31);
    await autoDisconnect(deps, 'alarm');
    await connect(deps, 'kenji');

    await disconnectNow(deps, ADMIN);

    expect(notifier.sent.map((n) => n.kind)).toEqual(['auto-off', 'admin-off']);
    expect(notifier.sent[1]?.subject).toBe(`VPN kept off by ${ADMIN}: a queued start was dropped`);
    expect(notifier.sent[1]?.text).toContain('It dropped the start kenji had asked for');
  });

  it('says it has no session to report on for associations made outside the portal', async () => {
    const { deps, notifier } = notifiedDeps();
    await deps.simulator.associate(TEST_SUBNETS[0] ?? '', 'console-token');
    deps.clock.advance(ASSOCIATE_MS);

    await disconnectNow(deps, ADMIN);

    expect(notifier.sent.map((n) => n.subject)).toEqual([`VPN turned off by ${ADMIN}`]);
    expect(notifier.sent[0]?.text).toContain('no open session on record for the 1 association(s)');
  });

  it('still turns the VPN off and ends the session when the notifier fails', async () => {
    const { deps, notifier } = await readyVpn();
    notifier.failWith(new Error('webhook unreachable'));

    const result = await disconnectNow(deps, ADMIN);

    expect(result.endedSessionId).toEqual(expect.any(String));
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
    expect(await deps.store.getOpen()).toBeNull();
  });
});
