import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildLambdas, lambdaBuildOptions } from '../build-lambda.mjs';
import { root } from './run-ts.mjs';

const lambdaDir = join(root, 'dist', 'lambda');
export const LAMBDA_BUNDLES = ['portal', 'auto-disconnect'];

/** Newest modification time of the files under `path`. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Builds the Lambda bundles when missing or older than app/ or the build script. */
export async function ensureLambdaBundles() {
  const built = LAMBDA_BUNDLES.map((name) => join(lambdaDir, `${name}.mjs`));
  const oldest = Math.min(...built.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const sources = Math.max(
    newest(join(root, 'app')),
    newest(join(root, 'scripts', 'build-lambda.mjs')),
    newest(join(root, 'scripts', 'lambda-env-credentials.mjs')),
    newest(join(root, 'package-lock.json')),
  );
  if (oldest >= sources) return false;
  await buildLambdas();
  return true;
}

export function bundlePath(name) {
  return join(lambdaDir, `${name}.mjs`);
}

/** Raw and gzip (zlib default level, as an HTTP server would) size of a file. */
export function sizes(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/**
 * The baseline: a bare Hono app answering ALB events, built with the very options of the
 * Lambda bundles into a temporary directory.
 */
export async function buildHelloBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hello-'));
  const outfile = join(dir, 'hello.mjs');
  await build({
    ...lambdaBuildOptions,
    stdin: {
      contents: [
        "import { Hono } from 'hono';",
        "import { handle } from 'hono/aws-lambda';",
        "const app = new Hono().get('/', (c) => c.text('hello'));",
        'export const handler = handle(app);',
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'hello.ts',
      loader: 'ts',
    },
    outfile,
  });
  return { dir, file: outfile };
}
