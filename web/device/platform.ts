/**
 * Which VPN app works on the device in hand (issue 16). AWS's own client exists for Windows,
 * macOS and Ubuntu only; on iPadOS, iOS and Android people use OpenVPN Connect with the
 * endpoint's configuration file.
 */
export type Platform = 'ipados' | 'ios' | 'android' | 'windows' | 'macos' | 'linux' | 'other';

export type VpnApp = 'openvpn-connect' | 'aws-vpn-client';

/**
 * iPadOS 13 and later say "Macintosh" in the user agent; only the touch points give the
 * iPad away (no Mac has a touch screen).
 */
export function detectPlatform(userAgent: string, maxTouchPoints = 0): Platform {
  if (/iPad/.test(userAgent)) return 'ipados';
  if (/iPhone|iPod/.test(userAgent)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  if (/Macintosh|Mac OS X/.test(userAgent)) return maxTouchPoints > 1 ? 'ipados' : 'macos';
  if (/Windows/.test(userAgent)) return 'windows';
  if (/Linux|X11|CrOS/.test(userAgent)) return 'linux';
  return 'other';
}

export interface VpnAppInfo {
  app: VpnApp;
  /** The product's own name; the same in every language. */
  name: string;
  installUrl: string;
}

const OPENVPN_APP_STORE = 'https://apps.apple.com/app/openvpn-connect/id590379981';
const OPENVPN_PLAY_STORE = 'https://play.google.com/store/apps/details?id=net.openvpn.openvpn';
const AWS_VPN_CLIENT = 'https://aws.amazon.com/vpn/client-vpn-download/';

export function vpnAppFor(platform: Platform): VpnAppInfo {
  switch (platform) {
    case 'ipados':
    case 'ios':
      return { app: 'openvpn-connect', name: 'OpenVPN Connect', installUrl: OPENVPN_APP_STORE };
    case 'android':
      return { app: 'openvpn-connect', name: 'OpenVPN Connect', installUrl: OPENVPN_PLAY_STORE };
    default:
      return { app: 'aws-vpn-client', name: 'AWS VPN Client', installUrl: AWS_VPN_CLIENT };
  }
}

/** The browser's own device, read once. */
export function currentPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  return detectPlatform(navigator.userAgent, navigator.maxTouchPoints ?? 0);
}
