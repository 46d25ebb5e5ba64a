import { Hono } from 'hono';
import type { Settings } from '../../config/settings.js';
import type { VpnClientBody } from '../api-types.js';
import type { AppEnv } from '../app-env.js';

/** Issue 16: the deployment's words for the ready page, read once per page load. */
export function vpnClientRoutes(settings: Pick<Settings, 'openNext' | 'keepOnMaxHours'>) {
  return new Hono<AppEnv>().get('/vpn-client', (c) =>
    c.json<VpnClientBody>({
      openNext: settings.openNext,
      keepOnMaxHours: settings.keepOnMaxHours,
    }),
  );
}
