import { describe, expect, it } from 'vitest';
import { detectPlatform, vpnAppFor } from './platform';

const agents = {
  ipadOs17:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  ipadOld:
    'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  android:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  ubuntu: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0',
};

describe('the VPN app for the device in hand', () => {
  it('takes a "Macintosh" with a touch screen for the iPad it is (iPadOS 13 and later)', () => {
    expect(detectPlatform(agents.ipadOs17, 5)).toBe('ipados');
    expect(detectPlatform(agents.ipadOs17, 0)).toBe('macos');
  });

  it.each([
    ['ipadOld', 0, 'ipados', 'openvpn-connect', 'apps.apple.com'],
    ['iphone', 5, 'ios', 'openvpn-connect', 'apps.apple.com'],
    ['android', 5, 'android', 'openvpn-connect', 'play.google.com'],
    ['windows', 0, 'windows', 'aws-vpn-client', 'aws.amazon.com'],
    ['ubuntu', 0, 'linux', 'aws-vpn-client', 'aws.amazon.com'],
  ] as const)('names the app that runs on %s', (agent, touch, platform, app, store) => {
    expect(detectPlatform(agents[agent], touch)).toBe(platform);
    const info = vpnAppFor(platform);
    expect(info.app).toBe(app);
    expect(new URL(info.installUrl).host).toContain(store);
  });
});
