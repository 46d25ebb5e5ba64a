import { describe, expect, it } from 'vitest';
import { routesToRestore } from './routes.js';
import type { Association, ExtraRoute, LiveSnapshot, VpnRoute } from './vocabulary.js';

const fullTunnel: ExtraRoute = { cidr: '0.0.0.0/0', subnetId: 'subnet-a', description: 'internet' };
const office: ExtraRoute = { cidr: '192.168.0.0/16', subnetId: 'subnet-b' };

function snapshot(associations: Association[], routes: VpnRoute[] = []): LiveSnapshot {
  return { associations, connections: [], routes };
}

function association(subnet: string, status: Association['status']): Association {
  return { associationId: `cvpn-assoc-${subnet}`, subnetId: subnet, status };
}

function route(cidr: string, subnet: string, status: VpnRoute['status'] = 'active'): VpnRoute {
  return { destinationCidr: cidr, targetSubnetId: subnet, origin: 'add-route', status };
}

describe('routesToRestore', () => {
  it('recreates a configured route once its subnet is associated', () => {
    expect(
      routesToRestore([fullTunnel], snapshot([association('subnet-a', 'associated')])),
    ).toEqual([fullTunnel]);
  });

  it('does not create routes while the subnet is still associating', () => {
    expect(
      routesToRestore([fullTunnel], snapshot([association('subnet-a', 'associating')])),
    ).toEqual([]);
  });

  it('does not create routes for a subnet that is not associated at all', () => {
    expect(
      routesToRestore([fullTunnel, office], snapshot([association('subnet-b', 'associated')])),
    ).toEqual([office]);
  });

  it('does not duplicate a route that already exists', () => {
    expect(
      routesToRestore(
        [fullTunnel],
        snapshot([association('subnet-a', 'associated')], [route('0.0.0.0/0', 'subnet-a')]),
      ),
    ).toEqual([]);
  });

  it('does not duplicate a route that is still being created', () => {
    expect(
      routesToRestore(
        [fullTunnel],
        snapshot(
          [association('subnet-a', 'associated')],
          [route('0.0.0.0/0', 'subnet-a', 'creating')],
        ),
      ),
    ).toEqual([]);
  });

  it('counts a route being deleted as missing', () => {
    expect(
      routesToRestore(
        [fullTunnel],
        snapshot(
          [association('subnet-a', 'associated')],
          [route('0.0.0.0/0', 'subnet-a', 'deleting')],
        ),
      ),
    ).toEqual([fullTunnel]);
  });

  it('treats the same CIDR towards another subnet as a different route', () => {
    expect(
      routesToRestore(
        [fullTunnel],
        snapshot([association('subnet-a', 'associated')], [route('0.0.0.0/0', 'subnet-b')]),
      ),
    ).toEqual([fullTunnel]);
  });
});
