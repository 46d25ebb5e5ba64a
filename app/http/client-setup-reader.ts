import { StatusCache } from '../core/status-cache.js';
import type { Clock } from '../ports/clock.js';
import type { EndpointAuthentication, VpnClientSetup } from '../ports/vpn-client-setup.js';

/**
 * The endpoint's configuration and authentication change only when an administrator edits
 * the endpoint: a warm Lambda reads them once per five minutes, which is also how long the
 * employee's browser may keep the file.
 */
export const CLIENT_SETUP_CACHE_MS = 5 * 60_000;

export interface ClientSetupReaderDeps {
  setup: VpnClientSetup;
  clock: Clock;
  endpointId: string;
  /** How long a warm instance reuses what it read; local mode passes 0 (the simulator switches). */
  cacheMs?: number;
}

/** One endpoint's client setup as the setup routes read it, cached per endpoint. */
export interface ClientSetupReader {
  authentication(): Promise<EndpointAuthentication>;
  configuration(): Promise<string>;
  fileName: string;
}

export function createClientSetupReader(deps: ClientSetupReaderDeps): ClientSetupReader {
  const cacheMs = deps.cacheMs ?? CLIENT_SETUP_CACHE_MS;
  const authentication = new StatusCache(
    () => deps.setup.describeAuthentication(),
    deps.clock,
    cacheMs,
  );
  const configuration = new StatusCache(
    () => deps.setup.exportClientConfiguration(),
    deps.clock,
    cacheMs,
  );
  return {
    authentication: () => authentication.get(),
    configuration: () => configuration.get(),
    fileName: configFileName(deps.endpointId),
  };
}

/** `cvpn-endpoint-0123….ovpn`: only characters every file system and header accept. */
export function configFileName(endpointId: string): string {
  const safe = endpointId.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '') || 'vpn';
  return `${safe}.ovpn`;
}
