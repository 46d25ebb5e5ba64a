import { InMemoryActivityMetrics } from '../adapters/local/in-memory-activity-metrics.js';
import { InMemorySessionStore } from '../adapters/local/in-memory-session-store.js';
import { LocalIdleAlarm } from '../adapters/local/local-idle-alarm.js';
import type { ManualClock } from '../adapters/local/manual-clock.js';
import { SimulatedClientVpn } from '../adapters/local/simulated-client-vpn.js';
import { SimulatedVpnClientSetup } from '../adapters/local/simulated-vpn-client-setup.js';
import type { EndpointSettings } from '../config/endpoint-settings.js';
import { ResettableSessionStore } from './resettable-session-store.js';

/** One simulated Client VPN endpoint with its own store, metrics and idle alarm (issue 18). */
export interface SimulatedEndpoint {
  settings: EndpointSettings;
  vpn: SimulatedClientVpn;
  vpnSetup: SimulatedVpnClientSetup;
  metrics: InMemoryActivityMetrics;
  alarm: LocalIdleAlarm;
  store: ResettableSessionStore;
  /** Where its session history is kept across restarts, if anywhere. */
  dataFile: string | undefined;
}

export interface SimulatedEndpointOptions {
  settings: EndpointSettings;
  region: string;
  clock: ManualClock;
  associateMs?: number;
  disassociateMs?: number;
  dataFile?: string;
}

export function createSimulatedEndpoint(options: SimulatedEndpointOptions): SimulatedEndpoint {
  const { settings, clock, dataFile } = options;
  return {
    settings,
    vpn: new SimulatedClientVpn({
      clock,
      ...(options.associateMs === undefined ? {} : { associateMs: options.associateMs }),
      ...(options.disassociateMs === undefined ? {} : { disassociateMs: options.disassociateMs }),
    }),
    vpnSetup: new SimulatedVpnClientSetup({
      endpointId: settings.endpointId,
      region: options.region,
    }),
    metrics: new InMemoryActivityMetrics(),
    alarm: new LocalIdleAlarm(clock),
    store: new ResettableSessionStore(
      () => new InMemorySessionStore(dataFile ? { filePath: dataFile } : {}),
    ),
    dataFile,
  };
}

/**
 * LOCAL_DATA_FILE holds the first endpoint's history, as before several endpoints; every
 * other endpoint keeps its own beside it (`sessions.json` → `sessions.staging.json`).
 */
export function endpointDataFile(
  dataFile: string | undefined,
  key: string,
  isFirst: boolean,
): string | undefined {
  if (!dataFile || isFirst) return dataFile;
  const dot = dataFile.lastIndexOf('.');
  const slash = Math.max(dataFile.lastIndexOf('/'), dataFile.lastIndexOf('\\'));
  return dot > slash + 1
    ? `${dataFile.slice(0, dot)}.${key}${dataFile.slice(dot)}`
    : `${dataFile}.${key}`;
}
