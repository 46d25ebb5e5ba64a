#!/usr/bin/env node
// Builds the two Lambda bundles (SPEC section 10):
//   app/entries/lambda-portal.ts -> dist/lambda/portal.mjs
//   app/entries/lambda-events.ts -> dist/lambda/auto-disconnect.mjs (the events function
//                                   keeps the name the stack and deployed setups know)
// and copies the built SPA (dist/web) to dist/lambda/web, so the portal asset is
// self-contained: one Lambda answers every path on the ALB.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { treeShakableSdkSchemas } from './tree-shakable-sdk-schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'lambda');
const webDir = join(root, 'dist', 'web');

const bundles = [
  { name: 'portal', entry: 'app/entries/lambda-portal.ts' },
  { name: 'auto-disconnect', entry: 'app/entries/lambda-events.ts' },
];

// Local mode and test fixtures must never ship: no /_local routes, no local keys. Nor the
// operator's migrate-check (scripts/migrate) and the SDK clients only it uses (issue 17).
const FORBIDDEN_INPUTS = [
  /^app\/local-mode\//,
  /^app\/testing\//,
  /\.test\.ts$/,
  /^scripts\/migrate/,
  /node_modules\/@aws-sdk\/client-(iam|lambda|elastic-load-balancing-v2)\//,
];

// ES module output, but some dependencies are CommonJS and call require(): give them one.
// (The same banner the CDK's NodejsFunction documents for ESM bundles.)
const banner = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  'const require = __bundleCreateRequire(import.meta.url);',
].join('\n');

/**
 * The esbuild options both bundles share; `npm run bench` builds its bare Hono baseline with
 * exactly these, so the cold-start ratio compares like with like.
 */
export const lambdaBuildOptions = {
  absWorkingDir: root,
  bundle: true, // everything, the AWS SDK v3 included (not the runtime's copy)
  format: 'esm',
  platform: 'node',
  // The Lambda runtime is Node 24 (infra/constructs/bundled-function.ts), the local toolchain
  // (and the bundle tests) Node 20:
  // target what both run (SPEC section 11).
  target: 'node20',
  // ES module builds of the SDK: about half the size, a third of the load time.
  mainFields: ['module', 'main'],
  // The Lambda runtime hands the role's credentials over as environment variables: bundle
  // only the SDK's environment provider, not its whole default chain (see the file).
  alias: { '@aws-sdk/credential-provider-node': './scripts/lambda-env-credentials.mjs' },
  // Only the SDK schemas the bundle uses (see the file): half the portal bundle otherwise.
  plugins: [treeShakableSdkSchemas],
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  banner: { js: banner },
  logLevel: 'warning',
};

async function buildBundle({ name, entry }) {
  const result = await build({
    ...lambdaBuildOptions,
    entryPoints: [entry],
    outfile: join(outDir, `${name}.mjs`),
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const leaked = inputs.filter((input) => FORBIDDEN_INPUTS.some((pattern) => pattern.test(input)));
  if (leaked.length > 0) {
    throw new Error(`${name} bundle includes local-only code: ${leaked.join(', ')}`);
  }
  writeFileSync(join(outDir, `meta-${name}.json`), JSON.stringify(result.metafile));
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.mjs'));
  return { name, bytes: output?.[1].bytes ?? 0, inputs: inputs.length };
}

export async function buildLambdas() {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const built = await Promise.all(bundles.map(buildBundle));
  const webCopied = existsSync(join(webDir, 'index.html'));
  if (webCopied) cpSync(webDir, join(outDir, 'web'), { recursive: true });
  return { built, webCopied };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { built, webCopied } = await buildLambdas();
    for (const { name, bytes, inputs } of built) {
      const size = `${(bytes / 1024).toFixed(0)} KiB`;
      console.log(`dist/lambda/${name}.mjs  ${size}  (${inputs} modules)`);
    }
    console.log(
      webCopied
        ? `copied ${relative(root, webDir)} -> dist/lambda/web`
        : 'dist/web not built: the portal bundle will serve the API only (run npm run build:web)',
    );
  } catch (error) {
    // esbuild has already printed its own errors, with code frames.
    const reported = error instanceof Error && 'errors' in error;
    if (!reported) console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
