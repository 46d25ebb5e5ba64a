import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const lambdaDir = join(root, 'dist', 'lambda');
const BUNDLES = ['portal', 'auto-disconnect'] as const;

// A complete AWS-shaped environment: the bundles parse their settings at import time.
const AWS_ENV = {
  AWS_REGION: 'eu-west-1',
  VPN_ENDPOINT_ID: 'cvpn-endpoint-0123456789abcdef0',
  VPN_SUBNET_IDS: 'subnet-0a1b2c3d4e5f60001',
  SESSIONS_TABLE: 'vpn-sessions',
  IDLE_ALARM_NAME: 'vpn-idle',
  ALB_ARN:
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/vpn-portal/50dc6c495c0c9188',
  COGNITO_USER_POOL_ID: 'eu-west-1_TestPool1',
  COGNITO_CLIENT_ID: '4example0client0id0abcdefg',
  COGNITO_DOMAIN: 'vpn-portal-test.auth.eu-west-1.amazoncognito.com',
};

const bundleText = (name: string) => readFileSync(join(lambdaDir, `${name}.mjs`), 'utf8');
const bundleInputs = (name: string): string[] =>
  Object.keys(
    (
      JSON.parse(readFileSync(join(lambdaDir, `meta-${name}.json`), 'utf8')) as {
        inputs: Record<string, unknown>;
      }
    ).inputs,
  );

beforeAll(() => {
  // Build when the bundles are missing, so this test never silently checks nothing.
  if (!BUNDLES.every((name) => existsSync(join(lambdaDir, `${name}.mjs`)))) {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-lambda.mjs')], {
      cwd: root,
      stdio: 'pipe',
    });
  }
}, 180_000);

describe.each(BUNDLES)('the %s Lambda bundle', (name) => {
  it('loads on its own in plain Node and exports a handler', () => {
    const url = pathToFileURL(join(lambdaDir, `${name}.mjs`)).href;
    const script = `const m = await import(${JSON.stringify(url)}); console.log(typeof m.handler);`;

    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: lambdaDir,
      env: AWS_ENV,
      encoding: 'utf8',
      stdio: 'pipe', // keep the SDK's Node-version notice out of the test output
    });

    expect(output.trim()).toBe('function');
  });

  it('contains no local-mode or test code', () => {
    const inputs = bundleInputs(name);
    const text = bundleText(name);

    expect(inputs.filter((input) => /^app\/(local-mode|testing)\//.test(input))).toEqual([]);
    expect(text).not.toContain('/_local');
    expect(text).not.toContain('alb-signer');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toMatch(/generateKeyPair/);
  });

  it('bundles the AWS SDK from its ES module build, with a source map', () => {
    const inputs = bundleInputs(name);

    expect(inputs.some((input) => input.includes('node_modules/@aws-sdk/'))).toBe(true);
    expect(
      inputs.filter((input) => /node_modules\/@aws-sdk\/[^/]+\/dist-cjs\//.test(input)),
    ).toEqual([]);
    expect(bundleText(name)).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(existsSync(join(lambdaDir, `${name}.mjs.map`))).toBe(true);
  });
});

describe('the portal bundle', () => {
  // Proves the string checks above look at real, minified code that keeps its literals.
  it('keeps the strings the checks rely on', () => {
    const text = bundleText('portal');

    expect(text).toContain('x-amzn-oidc-data');
    expect(text).toContain('AWSELBAuthSessionCookie');
  });
});
