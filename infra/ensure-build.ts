import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files `npm run build` writes and the stack deploys. */
export const LAMBDA_BUNDLES = ['portal.mjs', 'auto-disconnect.mjs'] as const;

/**
 * What the bundles are made of, relative to the repository root: the functions' code, the
 * SPA the portal serves, the dependencies and the build itself. Tests are not inputs.
 */
export const LAMBDA_BUILD_INPUTS = [
  'app',
  'web',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'vite.config.ts',
  'scripts/build-lambda.mjs',
  'scripts/lambda-env-credentials.mjs',
] as const;

export function missingBundles(lambdaDir: string): string[] {
  return LAMBDA_BUNDLES.filter((file) => !existsSync(join(lambdaDir, file)));
}

interface Change {
  path: string;
  mtimeMs: number;
}

/**
 * The most recently changed input (file or folder, so a deleted or renamed file counts by
 * its folder's time), or null when there is none.
 */
export function newestInput(repoRoot: string): Change | null {
  let newest: Change | null = null;
  for (const input of LAMBDA_BUILD_INPUTS) {
    const path = join(repoRoot, input);
    if (!existsSync(path)) continue;
    const change = newestUnder(path);
    if (newest === null || change.mtimeMs > newest.mtimeMs) newest = change;
  }
  return newest;
}

function newestUnder(path: string): Change {
  const stats = statSync(path);
  let newest: Change = { path, mtimeMs: stats.mtimeMs };
  if (!stats.isDirectory()) return newest;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || /\.test\.tsx?$/.test(entry)) continue;
    const change = newestUnder(join(path, entry));
    if (change.mtimeMs > newest.mtimeMs) newest = change;
  }
  return newest;
}

/** Why `dist/lambda` does not hold the checked-out code, or null when it does. */
export function staleBundles(repoRoot: string): string | null {
  const lambdaDir = join(repoRoot, 'dist', 'lambda');
  const missing = missingBundles(lambdaDir);
  if (missing.length > 0) return `dist/lambda lacks ${missing.join(', ')}`;
  const built = Math.min(...LAMBDA_BUNDLES.map((file) => statSync(join(lambdaDir, file)).mtimeMs));
  const newest = newestInput(repoRoot);
  if (newest !== null && newest.mtimeMs > built) {
    return `${relative(repoRoot, newest.path)} changed after the last build of dist/lambda`;
  }
  return null;
}

export interface EnsureBuildOptions {
  /** Builds the bundles; `npm run build` unless a test says otherwise. */
  build?: (repoRoot: string) => void;
  /** Where the progress line goes; stderr, so it never mixes with what the CDK CLI reads. */
  log?: (line: string) => void;
}

/**
 * Makes sure `dist/lambda` holds bundles of the checked-out code before the stack packages
 * them: `npm run synth` and `cdk deploy` run `npm run build` first when a bundle is missing
 * or any input changed after it was built (`git pull` then `cdk deploy` ships the new code).
 * Build output goes to stderr so it never mixes with what the CDK CLI reads from stdout.
 */
export function ensureLambdaBuild(repoRoot: string, options: EnsureBuildOptions = {}): string {
  const { build = npmRunBuild, log = (line) => process.stderr.write(line) } = options;
  const lambdaDir = join(repoRoot, 'dist', 'lambda');
  const stale = staleBundles(repoRoot);
  if (stale === null) return lambdaDir;

  log(`${stale}: running "npm run build" first\n`);
  try {
    build(repoRoot);
  } catch (error) {
    throw new Error(
      `The Lambda bundles are out of date and "npm run build" failed (${String(error)}). ` +
        'Run "npm run build" in the repository root, fix what it reports, then synth again.',
    );
  }
  const stillMissing = missingBundles(lambdaDir);
  if (stillMissing.length > 0) {
    throw new Error(
      `dist/lambda lacks ${stillMissing.join(', ')} after "npm run build". ` +
        'Run "npm run build" in the repository root and check that it writes dist/lambda/*.mjs.',
    );
  }
  return lambdaDir;
}

function npmRunBuild(repoRoot: string): void {
  execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
}
