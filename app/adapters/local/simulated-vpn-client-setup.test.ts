import { describe, expect, it } from 'vitest';
import { SimulatedVpnClientSetup } from './simulated-vpn-client-setup.js';

const ENDPOINT = 'cvpn-endpoint-0123456789abcdef0';

describe('SimulatedVpnClientSetup', () => {
  it('starts as a mutual-certificate endpoint whose file names the endpoint', async () => {
    const setup = new SimulatedVpnClientSetup({ endpointId: ENDPOINT, region: 'ap-northeast-2' });

    expect(await setup.describeAuthentication()).toEqual({
      kinds: ['certificate'],
      selfServicePortalUrl: null,
    });
    const file = await setup.exportClientConfiguration();
    expect(file).toContain(`remote ${ENDPOINT}.prod.clientvpn.ap-northeast-2.amazonaws.com 443`);
    expect(file).toContain('<ca>');
    expect(file).not.toContain('auth-user-pass');
  });

  it('switches to federated sign-in, with a self-service portal and auth-federate in the file', async () => {
    const setup = new SimulatedVpnClientSetup({ endpointId: ENDPOINT, region: 'ap-northeast-2' });
    setup.use('federated');

    expect(await setup.describeAuthentication()).toEqual({
      kinds: ['federated'],
      selfServicePortalUrl: `https://self-service.clientvpn.amazonaws.com/endpoints/${ENDPOINT}`,
    });
    expect(await setup.exportClientConfiguration()).toContain('auth-federate');
    expect(setup.exports).toBe(1);
  });
});
