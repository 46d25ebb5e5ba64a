import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The files `npm run build` writes and the stack deploys. */
export const LAMBDA_BUNDLES = ['portal.mjs', 'auto-disconnect.mjs'] as const;

export function missingBundles(lambdaDir: string): string[] {
  return LAMBDA_BUNDLES.filter((file) => !existsSync(join(lambdaDir, file)));
}

/**
 * Makes sure `dist/lambda` holds the Lambda bundles before the stack packages them: on a
 * clean checkout `npm run synth` builds first (the root `synth` script only runs `cdk synth`).
 * Build output goes to stderr so it never mixes with what the CDK CLI reads from stdout.
 */
export function ensureLambdaBuild(repoRoot: string): string {
  const lambdaDir = join(repoRoot, 'dist', 'lambda');
  if (missingBundles(lambdaDir).length === 0) return lambdaDir;

  process.stderr.write(`dist/lambda is missing or incomplete: running "npm run build" first\n`);
  try {
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  } catch (error) {
    throw new Error(
      `The Lambda bundles are not built and "npm run build" failed (${String(error)}). ` +
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
