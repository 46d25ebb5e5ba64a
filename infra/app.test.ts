import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { missingBundles } from './ensure-build.js';
import { exampleSettings, placeholderLambdaDir } from './test-support.js';

const run = promisify(execFile);

describe('the CDK app', () => {
  it('stops synth with a message naming the wrong setting', async () => {
    const context = { vpnPortal: { ...exampleSettings, idleTimeoutMinutes: 7 } };
    const result = await run('npx', ['tsx', 'app.ts'], {
      cwd: import.meta.dirname,
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify(context),
        CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'vpn-portal-app-')),
      },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Setting vpnPortal.idleTimeoutMinutes must be a multiple of 5');
  });

  it('knows when the Lambda bundles have not been built', () => {
    expect(missingBundles(placeholderLambdaDir())).toEqual([]);
    expect(missingBundles(mkdtempSync(join(tmpdir(), 'empty-')))).toEqual([
      'portal.mjs',
      'auto-disconnect.mjs',
    ]);
  });
});
