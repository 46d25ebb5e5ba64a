import { describe, expect, it } from 'vitest';
import { SimulatedVpnClientSetup } from '../adapters/local/simulated-vpn-client-setup.js';
import { firstEndpoint } from '../config/settings.js';
import { AwsCallError } from '../core/model/errors.js';
import { createJsonLogger, type Logger, silentLogger } from '../logging/logger.js';
import type { VpnClientSetup } from '../ports/vpn-client-setup.js';
import { testCoreDeps } from '../testing/core-deps.js';
import { oneEndpointPortal, testPortalSettings } from '../testing/portal-settings.js';
import { createTestAuth, testEmployee } from '../testing/test-keys.js';
import type { ErrorBody, SetupBody } from './api-types.js';
import { createApp } from './create-app.js';

const ORIGIN = 'https://vpn.example.com';
const ENDPOINT = firstEndpoint(testPortalSettings).endpointId;
const auth = createTestAuth();

function portal(options: { vpnSetup?: VpnClientSetup; logger?: Logger } = {}) {
  const deps = testCoreDeps();
  const vpnSetup =
    options.vpnSetup ?? new SimulatedVpnClientSetup({ endpointId: ENDPOINT, region: 'eu-west-1' });
  const app = createApp({
    ...oneEndpointPortal(deps, { vpnSetup }),
    auth: auth.verifier,
    logger: options.logger ?? silentLogger,
    webRoot: null,
  });
  return { app, deps, vpnSetup };
}

function get(app: ReturnType<typeof portal>['app'], path: string, signedIn = true) {
  return app.request(`${ORIGIN}${path}`, {
    headers: {
      host: 'vpn.example.com',
      ...(signedIn ? auth.headersFor(testEmployee, ['staff']) : {}),
    },
  });
}

describe('GET /api/setup (issue 16)', () => {
  it('says a mutual-certificate endpoint works with OpenVPN Connect, and names the file', async () => {
    const { app } = portal();
    const response = await get(app, '/api/setup');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual<SetupBody>({
      authentication: ['certificate'],
      usableWithOpenVpnConnect: true,
      selfServicePortalUrl: null,
      configFileName: `${ENDPOINT}.ovpn`,
    });
  });

  it('says a federated endpoint cannot be used from OpenVPN Connect and links the self-service portal', async () => {
    const vpnSetup = new SimulatedVpnClientSetup({ endpointId: ENDPOINT, region: 'eu-west-1' });
    vpnSetup.use('federated');
    const { app } = portal({ vpnSetup });
    const body = (await (await get(app, '/api/setup')).json()) as SetupBody;
    expect(body.authentication).toEqual(['federated']);
    expect(body.usableWithOpenVpnConnect).toBe(false);
    expect(body.selfServicePortalUrl).toMatch(
      /^https:\/\/self-service\.clientvpn\.amazonaws\.com\//,
    );
  });

  it('answers 401 without the ALB’s headers and reads nothing from AWS', async () => {
    const vpnSetup = new SimulatedVpnClientSetup({ endpointId: ENDPOINT, region: 'eu-west-1' });
    const { app } = portal({ vpnSetup });
    const response = await get(app, '/api/client-config', false);
    expect(response.status).toBe(401);
    expect(vpnSetup.exports).toBe(0);
  });
});

describe('GET /api/client-config (issue 16)', () => {
  it('serves the .ovpn with the type and name iPadOS hands to OpenVPN Connect', async () => {
    const { app } = portal();
    const response = await get(app, '/api/client-config');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-openvpn-profile');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${ENDPOINT}.ovpn"`,
    );
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const file = await response.text();
    expect(file).toContain(`remote ${ENDPOINT}.prod.clientvpn.eu-west-1.amazonaws.com 443`);
  });

  it('exports once per five minutes in a warm instance', async () => {
    const { app, deps, vpnSetup } = portal();
    const simulated = vpnSetup as SimulatedVpnClientSetup;
    await get(app, '/api/client-config');
    deps.advanceMinutes(4);
    await get(app, '/api/client-config');
    expect(simulated.exports).toBe(1);
    deps.advanceMinutes(2);
    await get(app, '/api/client-config');
    expect(simulated.exports).toBe(2);
  });

  it('never writes the file into the log, only the request line', async () => {
    const lines: string[] = [];
    const { app } = portal({ logger: createJsonLogger({}, (line) => lines.push(line)) });
    const file = await (await get(app, '/api/client-config')).text();

    const request = lines.map((line) => JSON.parse(line)).find((e) => e.message === 'request');
    expect(request).toMatchObject({ path: '/api/client-config', status: 200 });
    const logged = lines.join('\n');
    for (const secret of [
      'BEGIN CERTIFICATE',
      'remote cvpn-endpoint',
      file.split('\n')[12] ?? '',
    ]) {
      expect(logged).not.toContain(secret);
    }
  });

  it('answers AWS refusing the export as 502 aws_rejected, not cached by the browser', async () => {
    const failing: VpnClientSetup = {
      describeAuthentication: async () => ({ kinds: ['certificate'], selfServicePortalUrl: null }),
      exportClientConfiguration: async () => {
        throw new AwsCallError('ExportClientVpnClientConfiguration', 'rejected', 'Not allowed.');
      },
    };
    const { app } = portal({ vpnSetup: failing });
    const response = await get(app, '/api/client-config');
    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as ErrorBody).error.code).toBe('aws_rejected');
  });

  it('refuses another method with 405 and exports nothing', async () => {
    const vpnSetup = new SimulatedVpnClientSetup({ endpointId: ENDPOINT, region: 'eu-west-1' });
    const { app } = portal({ vpnSetup });
    const response = await app.request(`${ORIGIN}/api/client-config`, {
      method: 'POST',
      body: '{}',
      headers: {
        host: 'vpn.example.com',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...auth.headersFor(testEmployee, ['staff']),
      },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('GET');
    expect(vpnSetup.exports).toBe(0);
  });
});
