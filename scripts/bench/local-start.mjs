import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './run-ts.mjs';

const GIVE_UP_MS = 60_000;

/**
 * A checkout as `npm ci` leaves it: the working tree's files (tracked and new, not ignored)
 * in a temporary directory, node_modules linked in, no dist/. Starting there measures what a
 * fresh clone pays, without touching this checkout's dist/.
 */
export function freshCheckout() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-checkout-'));
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  for (const file of listed.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      copyFileSync(join(root, file), join(dir, file));
    } catch {
      // deleted in the working tree but still in the index
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `npm start` in `dir`; resolves when it answers a real page (not the 503 "Starting…"). */
export async function npmStart(dir) {
  const port = await freePort();
  const started = performance.now();
  // Its own process group, so stop() ends npm, start.mjs and the server together.
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  const url = `http://127.0.0.1:${port}`;
  while (performance.now() - started < GIVE_UP_MS) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output.slice(-500)}`);
    try {
      const response = await fetch(`${url}/_local/signin`, { redirect: 'manual' });
      if (response.status < 500) {
        return { seconds: (performance.now() - started) / 1000, url, stop, output };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await stop();
  throw new Error(
    `npm start answered nothing within ${GIVE_UP_MS / 1000} s: ${output.slice(-500)}`,
  );
}
