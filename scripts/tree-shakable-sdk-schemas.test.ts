import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ec2 from '@aws-sdk/client-ec2';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { markSchemasPure, treeShakableSdkSchemas } from './tree-shakable-sdk-schemas.mjs';

const ROOT = join(import.meta.dirname, '..');

const SAMPLE = [
  'const _A = "Address";',
  'const n0 = "com.amazonaws.ec2";',
  'const _s_registry = new TypeRegistry(_s);',
  'export var EC2ServiceException$ = [-3, _s, "EC2ServiceException", 0, [], []];',
  '_s_registry.registerError(EC2ServiceException$, EC2ServiceException);',
  'export var Address$ = [3, n0, _A,',
  '    0,',
  '    [_A],',
  '    [[0, { [_xN]: _a }]]',
  '];',
  'var Secret = [0, n0, _S, 8, 0];',
].join('\n');

describe('marking the SDK schema arrays pure', () => {
  it('wraps one-line and multi-line top-level arrays and leaves statements that run code alone', () => {
    const marked = markSchemasPure(SAMPLE);
    expect(marked?.wrapped).toBe(3);
    expect(marked?.contents.split('\n')).toEqual([
      'const _A = "Address";',
      'const n0 = "com.amazonaws.ec2";',
      'const _s_registry = new TypeRegistry(_s);',
      'export var EC2ServiceException$ = /* @__PURE__ */ (() => [-3, _s, "EC2ServiceException", 0, [], []])();',
      '_s_registry.registerError(EC2ServiceException$, EC2ServiceException);',
      'export var Address$ = /* @__PURE__ */ (() => [3, n0, _A,',
      '    0,',
      '    [_A],',
      '    [[0, { [_xN]: _a }]]',
      '])();',
      'var Secret = /* @__PURE__ */ (() => [0, n0, _S, 8, 0])();',
    ]);
  });

  it('leaves a file alone when a statement never ends (a layout it does not know)', () => {
    expect(markSchemasPure('export var Address$ = [3, n0, _A,\n    0,\n')).toBeNull();
  });
});

/** A schema with its lazy references followed a few levels, for comparing two copies. */
function resolved(value: unknown, depth = 0): unknown {
  if (depth > 6) return '…';
  if (typeof value === 'function') return resolved((value as () => unknown)(), depth + 1);
  if (Array.isArray(value)) return value.map((item) => resolved(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolved(item, depth + 1)]),
    );
  }
  return value;
}

describe('the EC2 client bundled with the plugin', () => {
  it('keeps the schemas it uses, identical to the package, and drops the rest', async () => {
    const entry = [
      "export { DescribeClientVpnConnections$, AssociateClientVpnTargetNetwork$ } from '@aws-sdk/client-ec2';",
    ].join('\n');
    const bundle = async (plugins: (typeof treeShakableSdkSchemas)[]) =>
      build({
        stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
        absWorkingDir: ROOT,
        bundle: true,
        format: 'esm',
        platform: 'node',
        mainFields: ['module', 'main'],
        write: false,
        plugins,
        logLevel: 'silent',
      });
    const [withPlugin, without] = await Promise.all([bundle([treeShakableSdkSchemas]), bundle([])]);
    const shaken = withPlugin.outputFiles[0]?.text ?? '';
    const whole = without.outputFiles[0]?.text ?? '';
    // The whole schema file is 1.3 MB; the two operations and their shapes are a few KB.
    expect(shaken.length).toBeLessThan(whole.length / 4);
    expect(shaken).not.toContain('RunInstancesRequest');
    expect(whole).toContain('RunInstancesRequest');

    const directory = await mkdtemp(join(ROOT, 'node_modules', '.schemas-test-'));
    try {
      const file = join(directory, 'shaken.mjs');
      await writeFile(file, shaken);
      const built = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      for (const name of ['DescribeClientVpnConnections$', 'AssociateClientVpnTargetNetwork$']) {
        expect(resolved(built[name])).toEqual(resolved((ec2 as Record<string, unknown>)[name]));
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
