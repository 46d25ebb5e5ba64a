#!/usr/bin/env node
// `npm start`: builds only what is missing or stale, then runs local mode (SPEC section 8).
//   - the SPA (web/ -> dist/web) with Vite, when dist/web is missing or older than its sources;
//   - the local server (app/ -> dist/local/server.mjs) with esbuild, which takes well under a
//     second and starts faster than compiling TypeScript on every start with tsx.
// Arguments are passed on to the server (`npm start -- --aws`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);
const started = performance.now();

/** Newest modification time under `paths` (files or folders), 0 when none exists. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (
          entry !== 'node_modules' &&
          !entry.endsWith('.test.ts') &&
          !entry.endsWith('.test.tsx')
        ) {
          visit(join(path, entry));
        }
      }
    } else {
      latest = Math.max(latest, stats.mtimeMs);
    }
  };
  for (const path of paths) visit(path);
  return latest;
}

function stale(output, sources) {
  return !existsSync(output) || statSync(output).mtimeMs < newest(sources);
}

function step(label, run) {
  const begin = performance.now();
  run();
  process.stdout.write(`${label} (${Math.round(performance.now() - begin)} ms)\n`);
}

// The SPA's output changes with web/, the Vite config and the API types it imports.
const webSources = [
  at('web'),
  at('vite.config.ts'),
  at('app/http/api-types.ts'),
  at('package-lock.json'),
];
if (stale(at('dist/web/index.html'), webSources)) {
  step('Built the web app into dist/web', () => {
    const result = spawnSync(
      process.execPath,
      [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
  });
}

const serverBundle = at('dist/local/server.mjs');
if (stale(serverBundle, [at('app'), at('package-lock.json'), at('scripts/start.mjs')])) {
  const { build } = await import('esbuild');
  const begin = performance.now();
  rmSync(at('dist/local'), { recursive: true, force: true }); // no stale chunks left behind
  await build({
    absWorkingDir: root,
    entryPoints: { server: 'app/entries/local-server.ts' },
    outdir: at('dist/local'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Dependencies load from node_modules: quicker to build, and the AWS SDK (only for --aws)
    // stays out of the start-up path thanks to splitting the dynamic import.
    packages: 'external',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  process.stdout.write(`Built the local server (${Math.round(performance.now() - begin)} ms)\n`);
}

process.stdout.write(`Ready to start after ${Math.round(performance.now() - started)} ms\n`);
const server = spawn(
  process.execPath,
  ['--enable-source-maps', serverBundle, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
