import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DemoUser } from './demo-users.js';

/** What `npm start` prints: where the portal and the simulator are, and whom to sign in as. */
export function banner(server: {
  url: string;
  mode: 'local' | 'aws';
  users: DemoUser[];
  adminGroup: string;
}): string {
  const lines = [
    '',
    `VPN On Demand — local mode (${server.mode === 'aws' ? 'REAL AWS account' : 'simulated AWS'})`,
    `  Portal:    ${server.url}/`,
    ...(server.mode === 'local' ? [`  Simulator: ${server.url}/_local`] : []),
    '  Sign in as one of:',
    ...server.users.map(
      (user) =>
        `    ${user.name} <${user.email}>${user.groups.includes(server.adminGroup) ? '  (administrator)' : ''}`,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The built SPA: dist/web beside the bundle (dist/local/server.mjs, when `here` is
 * dist/local) or from the sources (app/entries); null when it has not been built.
 */
export function builtWebRoot(here: string): string | null {
  const candidates = [resolve(here, '../web'), resolve(here, '../../dist/web')];
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html'))) ?? null;
}
