import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../../core/model/errors.js';
import { ManualClock } from './manual-clock.js';
import {
  SIMULATED_BYTES_PER_MINUTE,
  SimulatedClientVpn,
  SimulatorError,
} from './simulated-client-vpn.js';

const SUBNET_A = 'subnet-0a1b2c3d4e5f60001';
const SUBNET_B = 'subnet-0a1b2c3d4e5f60002';
const MINUTE = 60_000;

function setUp() {
  const clock = new ManualClock({ start: new Date('2025-01-06T09:00:00Z'), runsInRealTime: false });
  const vpn = new SimulatedClientVpn({ clock, associateMs: 5_000, disassociateMs: 3_000 });
  return { clock, vpn };
}

async function associated(subnets = [SUBNET_A]) {
  const { clock, vpn } = setUp();
  for (const subnet of subnets) await vpn.associate(subnet, `token-${subnet}`);
  clock.advance(5_000);
  return { clock, vpn };
}

describe('SimulatedClientVpn', () => {
  it('moves an association from associating to associated after the delay', async () => {
    const { clock, vpn } = setUp();
    const association = await vpn.associate(SUBNET_A, 'token-1');
    expect(association.status).toBe('associating');
    clock.advance(4_999);
    expect((await vpn.describeAssociations())[0]?.status).toBe('associating');
    clock.advance(1);
    expect(await vpn.describeAssociations()).toEqual([
      { associationId: association.associationId, subnetId: SUBNET_A, status: 'associated' },
    ]);
  });

  it('returns the same association for the same client token', async () => {
    const { vpn } = setUp();
    const first = await vpn.associate(SUBNET_A, 'token-1');
    const again = await vpn.associate(SUBNET_A, 'token-1');
    expect(again.associationId).toBe(first.associationId);
    await expect(vpn.associate(SUBNET_B, 'token-1')).rejects.toThrow(AwsCallError);
  });

  it('treats associating a subnet that is already associated as success', async () => {
    const { vpn } = await associated();
    const [existing] = await vpn.describeAssociations();
    const again = await vpn.associate(SUBNET_A, 'another-token');
    expect(again).toEqual(existing);
    expect(await vpn.describeAssociations()).toHaveLength(1);
  });

  it('adds the VPC route with an association and removes every route with the last one', async () => {
    const { clock, vpn } = await associated([SUBNET_A, SUBNET_B]);
    await vpn.createRoute({ cidr: '0.0.0.0/0', subnetId: SUBNET_A }, 'route-token');
    await vpn.createRoute({ cidr: '0.0.0.0/0', subnetId: SUBNET_A }, 'route-token');
    expect((await vpn.describeRoutes()).map((r) => `${r.origin} ${r.destinationCidr}`)).toEqual([
      'associate 10.0.0.0/16',
      'associate 10.0.0.0/16',
      'add-route 0.0.0.0/0',
    ]);
    const [first, second] = await vpn.describeAssociations();
    await vpn.disassociate(second?.associationId ?? '');
    clock.advance(3_000);
    expect(await vpn.describeRoutes()).toHaveLength(2);
    await vpn.disassociate(first?.associationId ?? '');
    expect((await vpn.describeAssociations())[0]?.status).toBe('disassociating');
    clock.advance(3_000);
    expect(await vpn.describeAssociations()).toEqual([]);
    expect(await vpn.describeRoutes()).toEqual([]);
  });

  it('rejects a route to a subnet that is not associated', async () => {
    const { vpn } = setUp();
    await expect(vpn.createRoute({ cidr: '0.0.0.0/0', subnetId: SUBNET_A }, 't')).rejects.toThrow(
      /not associated/,
    );
  });

  it('treats disassociating twice, or an unknown association, as success', async () => {
    const { vpn } = await associated();
    const [association] = await vpn.describeAssociations();
    await vpn.disassociate(association?.associationId ?? '');
    await vpn.disassociate(association?.associationId ?? '');
    await vpn.disassociate('cvpn-assoc-unknown');
    expect((await vpn.describeAssociations())[0]?.status).toBe('disassociating');
  });

  it('lets fake clients connect only while a subnet is associated', async () => {
    const { clock, vpn } = setUp();
    expect(() => vpn.connectClient('kim')).toThrow(SimulatorError);
    await vpn.associate(SUBNET_A, 't');
    clock.advance(5_000);
    const connection = vpn.connectClient('kim');
    expect(connection.status).toBe('active');
    expect(await vpn.describeConnections()).toHaveLength(1);
  });

  it('lists ended connections for 60 minutes', async () => {
    const { clock, vpn } = await associated();
    const connection = vpn.connectClient('kim');
    clock.advance(MINUTE);
    const ended = vpn.disconnectClient(connection.connectionId);
    expect(ended).toMatchObject({ status: 'terminated', endedAt: clock.now() });
    clock.advance(59 * MINUTE);
    expect(await vpn.describeConnections()).toHaveLength(1);
    clock.advance(MINUTE);
    expect(await vpn.describeConnections()).toEqual([]);
    expect(() => vpn.disconnectClient(connection.connectionId)).toThrow(SimulatorError);
  });

  it('counts bytes at the client traffic rate, keepalives only once the client is put away, and stops at the end', async () => {
    const { clock, vpn } = await associated();
    const connection = vpn.connectClient('kim');
    expect(connection).toMatchObject({ ingressBytes: 0, egressBytes: 0 });
    clock.advance(10 * MINUTE);
    vpn.setClientTraffic(connection.connectionId, 'keepalive-only');
    clock.advance(30 * MINUTE);
    const working = 10 * SIMULATED_BYTES_PER_MINUTE.working;
    const keepalives = 30 * SIMULATED_BYTES_PER_MINUTE['keepalive-only'];
    const [counted] = await vpn.describeConnections();
    expect(counted).toMatchObject({
      ingressBytes: working + keepalives,
      egressBytes: working + keepalives,
    });
    vpn.disconnectClient(connection.connectionId);
    clock.advance(10 * MINUTE);
    expect((await vpn.describeConnections())[0]?.ingressBytes).toBe(working + keepalives);
    expect(() => vpn.setClientTraffic(connection.connectionId, 'working')).toThrow(SimulatorError);
  });

  it('ends active connections when the last association starts disassociating', async () => {
    const { vpn } = await associated();
    vpn.connectClient('kim');
    const [association] = await vpn.describeAssociations();
    await vpn.disassociate(association?.associationId ?? '');
    expect((await vpn.describeConnections())[0]?.status).toBe('terminated');
  });

  it('ends one connection on request, and treats an ended or unknown one as success', async () => {
    const { clock, vpn } = await associated();
    const away = vpn.connectClient('kim', 'keepalive-only');
    const working = vpn.connectClient('lee');
    clock.advance(MINUTE);

    await vpn.terminateConnection(away.connectionId);
    await vpn.terminateConnection(away.connectionId);
    await vpn.terminateConnection('cvpn-connection-0unknown');

    const listed = await vpn.describeConnections();
    expect(listed.map((c) => [c.connectionId, c.status])).toEqual([
      [away.connectionId, 'terminated'],
      [working.connectionId, 'active'],
    ]);
    expect(listed[0]?.endedAt).toEqual(clock.now());
  });

  it('lets a fault meet the termination of the caller it names', async () => {
    const { vpn } = await associated();
    const away = vpn.connectClient('kim', 'keepalive-only');
    vpn.injectFault({
      kind: 'unavailable',
      operation: 'terminateConnection',
      caller: 'background',
    });

    await expect(vpn.as('background').terminateConnection(away.connectionId)).rejects.toMatchObject(
      { code: 'aws_unavailable' },
    );
    expect((await vpn.describeConnections())[0]?.status).toBe('active');
    await vpn.as('background').terminateConnection(away.connectionId);
    expect((await vpn.describeConnections())[0]?.status).toBe('terminated');
  });

  it('fails or throttles the next call of the named operation only', async () => {
    const { vpn } = setUp();
    vpn.injectFault({ kind: 'throttled', operation: 'associate' });
    await expect(vpn.describeAssociations()).resolves.toEqual([]);
    const throttled = await vpn.associate(SUBNET_A, 't').catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(AwsCallError);
    expect((throttled as AwsCallError).code).toBe('aws_throttled');
    await expect(vpn.associate(SUBNET_A, 't')).resolves.toMatchObject({ status: 'associating' });
  });

  it('fails the next call of any operation when none is named', async () => {
    const { vpn } = setUp();
    vpn.injectFault({ kind: 'unavailable' });
    expect(vpn.pendingFaults()).toEqual([{ kind: 'unavailable' }]);
    await expect(vpn.describeRoutes()).rejects.toMatchObject({ code: 'aws_unavailable' });
    await expect(vpn.describeRoutes()).resolves.toEqual([]);
  });

  it('answers a replayed ClientToken with the original association and does nothing, even once it is gone', async () => {
    // EC2: a repeated request with the same token "succeeds without performing any further
    // actions" (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html).
    const { clock, vpn } = setUp();
    const first = await vpn.associate(SUBNET_A, 'session-1:start-1:a');
    clock.advance(5_000);
    await vpn.disassociate(first.associationId);
    clock.advance(3_000);
    expect(await vpn.describeAssociations()).toEqual([]);

    const replayed = await vpn.associate(SUBNET_A, 'session-1:start-1:a');

    expect(replayed.associationId).toBe(first.associationId);
    expect(await vpn.describeAssociations()).toEqual([]);
    await expect(vpn.associate(SUBNET_B, 'session-1:start-1:a')).rejects.toThrow(
      'IdempotentParameterMismatch',
    );
    const fresh = await vpn.associate(SUBNET_A, 'session-1:start-2:a');
    expect(fresh.associationId).not.toBe(first.associationId);
    expect((await vpn.describeAssociations()).map((a) => a.status)).toEqual(['associating']);
  });

  it('keeps a fault meant for one caller from the calls of another', async () => {
    const { vpn } = setUp();
    vpn.injectFault({ kind: 'unavailable', operation: 'describeAssociations', caller: 'portal' });
    await expect(vpn.as('background').describeAssociations()).resolves.toEqual([]);
    await expect(vpn.describeAssociations()).resolves.toEqual([]);
    await expect(vpn.as('portal').describeAssociations()).rejects.toMatchObject({
      code: 'aws_unavailable',
    });
    await expect(vpn.as('portal').describeAssociations()).resolves.toEqual([]);
  });

  it('can make the next association end as association-failed', async () => {
    const { clock, vpn } = setUp();
    vpn.failNextAssociation('Insufficient free addresses in the subnet.');
    await vpn.associate(SUBNET_A, 't');
    clock.advance(5_000);
    expect((await vpn.describeAssociations())[0]).toMatchObject({
      status: 'association-failed',
      statusMessage: 'Insufficient free addresses in the subnet.',
    });
    expect(await vpn.describeRoutes()).toEqual([]);
  });

  it('forgets everything on reset', async () => {
    const { vpn } = await associated();
    vpn.connectClient('kim');
    vpn.injectFault({ kind: 'unavailable' });
    vpn.reset();
    expect(await vpn.describeAssociations()).toEqual([]);
    expect(vpn.listClients()).toEqual([]);
  });
});
