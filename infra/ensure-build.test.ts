import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureLambdaBuild, LAMBDA_BUNDLES } from './ensure-build.js';

// Modification times in seconds: the checkout, the last build, a later change, the rebuild.
const CHECKED_OUT = 1_700_000_000;
const BUILT = CHECKED_OUT + 100;
const CHANGED = CHECKED_OUT + 200;
const REBUILT = CHECKED_OUT + 300;

function writeAt(path: string, seconds: number, text = 'x\n'): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  utimesSync(path, seconds, seconds);
}

/** A checkout with its sources, and with bundles built after it unless told otherwise. */
function checkout({ built = true } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'vpn-portal-checkout-'));
  for (const file of [
    'app/core/connect.ts',
    'app/core/connect.test.ts',
    'app/entries/lambda-portal.ts',
    'web/app.tsx',
    'package-lock.json',
    'scripts/build-lambda.mjs',
  ]) {
    writeAt(join(root, file), CHECKED_OUT);
  }
  for (const dir of ['app/core', 'app/entries', 'app', 'web', 'scripts']) {
    utimesSync(join(root, dir), CHECKED_OUT, CHECKED_OUT);
  }
  if (built) writeBundles(root, BUILT);
  return root;
}

function writeBundles(root: string, seconds: number): void {
  for (const bundle of LAMBDA_BUNDLES) writeAt(join(root, 'dist/lambda', bundle), seconds);
}

/** Stands in for `npm run build`: counts the builds and writes fresh bundles. */
function fakeBuild() {
  const builds: string[] = [];
  return {
    builds,
    build: (root: string) => {
      builds.push(root);
      writeBundles(root, REBUILT);
    },
  };
}

const quiet = () => {};

describe('ensureLambdaBuild', () => {
  it('keeps bundles built after every input', () => {
    const root = checkout();
    const { builds, build } = fakeBuild();

    expect(ensureLambdaBuild(root, { build, log: quiet })).toBe(join(root, 'dist/lambda'));
    expect(builds).toEqual([]);
  });

  it.each([
    ['a source of the functions', 'app/core/connect.ts'],
    ['the SPA', 'web/app.tsx'],
    ['the locked dependencies', 'package-lock.json'],
    ['the build script', 'scripts/build-lambda.mjs'],
  ])('rebuilds stale bundles when %s changed after the build (git pull)', (_what, file) => {
    const root = checkout();
    utimesSync(join(root, file), CHANGED, CHANGED);
    const { builds, build } = fakeBuild();
    const lines: string[] = [];

    ensureLambdaBuild(root, { build, log: (line) => lines.push(line) });

    expect(builds).toEqual([root]);
    expect(lines.join('')).toContain(`${file} changed after the last build of dist/lambda`);
  });

  it('rebuilds when a source was deleted after the build', () => {
    const root = checkout();
    rmSync(join(root, 'app/entries/lambda-portal.ts'));
    const { builds, build } = fakeBuild();

    ensureLambdaBuild(root, { build, log: quiet });

    expect(builds).toEqual([root]);
  });

  it('rebuilds when one bundle is older than a change, even if the other is not', () => {
    const root = checkout();
    writeAt(join(root, 'dist/lambda/auto-disconnect.mjs'), REBUILT);
    utimesSync(join(root, 'app/core/connect.ts'), CHANGED, CHANGED);
    const { builds, build } = fakeBuild();

    ensureLambdaBuild(root, { build, log: quiet });

    expect(builds).toEqual([root]);
  });

  it('does not rebuild for a changed test', () => {
    const root = checkout();
    utimesSync(join(root, 'app/core/connect.test.ts'), CHANGED, CHANGED);
    const { builds, build } = fakeBuild();

    ensureLambdaBuild(root, { build, log: quiet });

    expect(builds).toEqual([]);
  });

  it('builds on a clean checkout', () => {
    const root = checkout({ built: false });
    const { builds, build } = fakeBuild();

    ensureLambdaBuild(root, { build, log: quiet });

    expect(builds).toEqual([root]);
  });

  it('stops with what to run when the build fails', () => {
    const root = checkout({ built: false });
    const build = () => {
      throw new Error('esbuild: 1 error');
    };

    expect(() => ensureLambdaBuild(root, { build, log: quiet })).toThrow(
      /"npm run build" failed \(Error: esbuild: 1 error\)/,
    );
  });

  it('stops when the build leaves a bundle missing', () => {
    const root = checkout({ built: false });
    const build = (dir: string) => writeAt(join(dir, 'dist/lambda/portal.mjs'), REBUILT);

    expect(() => ensureLambdaBuild(root, { build, log: quiet })).toThrow(
      /dist\/lambda lacks auto-disconnect\.mjs after "npm run build"/,
    );
  });
});
