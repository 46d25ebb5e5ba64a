import { describe, expect, it } from 'vitest';
import type { HealthProbes } from '../ports/health-probes.js';
import { TEST_SUBNETS } from '../testing/core-deps.js';
import { TEST_ALARM, TEST_ENDPOINT, testHealthDeps } from '../testing/health-deps.js';
import { runHealthChecks } from './health-checks.js';
import type { HealthCheck } from './model/health.js';

const [SUBNET_A = '', SUBNET_B = ''] = TEST_SUBNETS;

const byId = (checks: HealthCheck[]) =>
  Object.fromEntries(checks.map((check) => [check.id, check]));

/** A sweep that ran a minute ago: what a deployment that works shows. */
async function sweptJustNow(deps: ReturnType<typeof testHealthDeps>) {
  await deps.runs.record({
    trigger: 'sweep',
    at: new Date(deps.clock.now().getTime() - 60_000),
    outcome: 'nothing',
    reason: 'No association to remove (already off or stopping).',
  });
}

describe('runHealthChecks', () => {
  it('answers one entry per check, all ok, for a deployment that works', async () => {
    const deps = testHealthDeps();
    await sweptJustNow(deps);

    const report = await runHealthChecks(deps);

    expect(report.status).toBe('ok');
    expect(report.checkedAt).toBe(deps.clock.now().toISOString());
    expect(report.checks.map((check) => check.id)).toEqual([
      'endpoint',
      `subnet:${SUBNET_A}`,
      `subnet:${SUBNET_B}`,
      'permission:portal:AssociateClientVpnTargetNetwork',
      'permission:portal:DisassociateClientVpnTargetNetwork',
      'permission:portal:CreateClientVpnRoute',
      'permission:events:AssociateClientVpnTargetNetwork',
      'permission:events:DisassociateClientVpnTargetNetwork',
      'permission:events:CreateClientVpnRoute',
      'permission:events:TerminateClientVpnConnections',
      'idle-alarm',
      'last-run:alarm',
      'last-run:sweep',
      'notice:topic',
      'notice:webhook',
    ]);
    expect(report.checks.filter((check) => check.status !== 'ok')).toEqual([]);
    expect(byId(report.checks).endpoint).toMatchObject({
      endpointId: TEST_ENDPOINT,
      finding: 'no-subnet-associated',
    });
    expect(byId(report.checks)['idle-alarm']).toMatchObject({ alarmName: TEST_ALARM, state: 'OK' });
  });

  it('fails the events function’s Disassociate check alone when its role lost the permission', async () => {
    const deps = testHealthDeps();
    await sweptJustNow(deps);
    deps.simulator.setPermission({ operation: 'disassociate', caller: 'background' }, false);

    const report = await runHealthChecks(deps);

    expect(report.status).toBe('failed');
    expect(report.checks.filter((check) => check.status !== 'ok')).toEqual([
      {
        kind: 'permission',
        id: 'permission:events:DisassociateClientVpnTargetNetwork',
        role: 'events',
        action: 'DisassociateClientVpnTargetNetwork',
        status: 'failed',
        finding: 'denied',
        aws: { code: 'UnauthorizedOperation', message: expect.stringContaining('not authorized') },
      },
    ]);
  });

  it('says the events function’s checks were not made when it cannot be asked', async () => {
    const deps = testHealthDeps();
    await sweptJustNow(deps);
    const refusal = {
      code: 'AccessDeniedException',
      message: 'User is not authorized to perform: lambda:InvokeFunction',
    };

    const report = await runHealthChecks({
      ...deps,
      eventsFunction: { check: async () => ({ outcome: 'error', aws: refusal }) },
    });

    const events = report.checks.filter((check) => check.id.startsWith('permission:events:'));
    expect(events).toHaveLength(4);
    for (const check of events) {
      expect(check).toMatchObject({ status: 'warning', finding: 'not-checked', aws: refusal });
    }
    expect(report.status).toBe('warning');
  });

  it('never counts a change the events function left out of its answer as allowed', async () => {
    const deps = testHealthDeps();
    const report = await runHealthChecks({
      ...deps,
      eventsFunction: {
        check: async () => ({
          outcome: 'answered',
          answers: [{ action: 'AssociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } }],
        }),
      },
    });

    const checks = byId(report.checks);
    expect(checks['permission:events:AssociateClientVpnTargetNetwork']?.status).toBe('ok');
    expect(checks['permission:events:TerminateClientVpnConnections']).toMatchObject({
      status: 'warning',
      finding: 'not-checked',
    });
  });

  it('turns a probe that throws, or a run log that cannot be read, into warnings', async () => {
    const deps = testHealthDeps();
    const probes: HealthProbes = {
      describeEndpoint: () => Promise.reject(new Error('socket hang up')),
      describeSubnets: (ids) => deps.probes.describeSubnets(ids),
      describeIdleAlarm: () => deps.probes.describeIdleAlarm(),
      topic: () => Promise.reject(new TypeError('fetch failed')),
      webhook: () => deps.probes.webhook(),
    };
    const runs = {
      record: deps.runs.record.bind(deps.runs),
      lastRuns: () => Promise.reject(new Error('The sessions table is unreachable.')),
    };

    const report = await runHealthChecks({ ...deps, probes, runs });

    const checks = byId(report.checks);
    expect(checks.endpoint).toMatchObject({
      status: 'warning',
      finding: 'unreadable',
      aws: { code: 'Error', message: 'socket hang up' },
    });
    // Without the endpoint's VPC, the subnets' zones are still checked, their VPC is not.
    expect(checks[`subnet:${SUBNET_A}`]).toMatchObject({
      status: 'warning',
      finding: 'vpc-unchecked',
    });
    expect(checks['notice:topic']).toMatchObject({
      status: 'warning',
      finding: 'unreachable',
      target: null,
      aws: { code: 'TypeError', message: 'fetch failed' },
    });
    expect(checks['last-run:sweep']).toMatchObject({ status: 'warning', finding: 'unreadable' });
    expect(report.status).toBe('warning');
  });

  it('reads the endpoint as available while a subnet is associated', async () => {
    const deps = testHealthDeps();
    await deps.simulator.associate(SUBNET_A, 'token-1');
    deps.clock.advance(10 * 60_000);
    await sweptJustNow(deps);

    const report = await runHealthChecks(deps);

    expect(byId(report.checks).endpoint).toMatchObject({ status: 'ok', finding: 'available' });
  });
});
