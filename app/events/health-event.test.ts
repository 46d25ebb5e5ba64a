import { describe, expect, it } from 'vitest';
import { HEALTH_EVENT } from '../adapters/events-function-health.js';
import { SimulatedPermissionProbe } from '../adapters/local/simulated-health-probes.js';
import { InvalidEventError } from '../core/model/errors.js';
import { silentLogger } from '../logging/logger.js';
import { testCoreDeps } from '../testing/core-deps.js';
import { createEventsFunction } from './events-function.js';

function eventsFunction(withPermissions = true) {
  const deps = testCoreDeps();
  const handler = createEventsFunction({
    endpoints: [{ settings: { key: 'vpn', idleAlarmName: 'vpn-portal-idle', warmUps: [] }, deps }],
    logger: silentLogger,
    ...(withPermissions
      ? { permissions: new SimulatedPermissionProbe(deps.simulator, 'background') }
      : {}),
  });
  return { deps, handler };
}

describe('the events function’s health event', () => {
  it('answers a DryRun verdict for each change it makes, with its own role', async () => {
    const { deps, handler } = eventsFunction();
    deps.simulator.setPermission({ operation: 'terminateConnection', caller: 'background' }, false);
    // The portal's role losing a permission is not the events function's concern.
    deps.simulator.setPermission({ operation: 'associate', caller: 'portal' }, false);

    await expect(handler(HEALTH_EVENT)).resolves.toEqual({
      trigger: 'health',
      permissions: [
        { action: 'AssociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } },
        { action: 'DisassociateClientVpnTargetNetwork', verdict: { outcome: 'allowed' } },
        { action: 'CreateClientVpnRoute', verdict: { outcome: 'allowed' } },
        {
          action: 'TerminateClientVpnConnections',
          verdict: {
            outcome: 'denied',
            aws: { code: 'UnauthorizedOperation', message: expect.any(String) },
          },
        },
      ],
    });
  });

  it('changes nothing and touches no session: a DryRun only asks IAM', async () => {
    const { deps, handler } = eventsFunction();
    await handler(HEALTH_EVENT);
    expect(deps.vpn.calls).toEqual({
      describeAssociations: 0,
      describeConnections: 0,
      describeRoutes: 0,
      associate: 0,
      disassociate: 0,
      createRoute: 0,
      terminateConnection: 0,
    });
    expect(await deps.store.recent(1)).toEqual([]);
  });

  it('rejects a health event of another shape, and one it was built without checks for', async () => {
    const { handler } = eventsFunction();
    await expect(handler({ source: 'vpn-portal.health', check: 'everything' })).rejects.toThrow(
      InvalidEventError,
    );
    await expect(eventsFunction(false).handler(HEALTH_EVENT)).rejects.toThrow(InvalidEventError);
  });
});
