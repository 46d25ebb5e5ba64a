import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { StackEndpoint } from './endpoints-setting.js';
import { type InfraSettings, type InfraSettingsInput, parseInfraSettings } from './settings.js';
import { addVpnPortal } from './vpn-portal-app.js';

/** The committed cdk.json: its example settings and its feature flags. */
export const cdkJson = JSON.parse(readFileSync(new URL('./cdk.json', import.meta.url), 'utf8')) as {
  app: string;
  context: Record<string, unknown> & { vpnPortal: InfraSettingsInput };
};

export const exampleSettings: InfraSettingsInput = cdkJson.context.vpnPortal;

/** An HTTPS listener of an ALB the company already runs, in the example's region and account. */
export const EXAMPLE_LISTENER_ARN =
  'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:listener/app/corp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2';

/**
 * Overrides that move the example onto that listener (issue 17): `sharedListener` set, the
 * settings of the ALB the stack would create left out.
 */
export function onSharedListener(
  sharedListener: Partial<NonNullable<InfraSettingsInput['sharedListener']>> = {},
): Partial<InfraSettingsInput> {
  return {
    internetFacing: undefined,
    albSubnetIds: undefined,
    allowedCidrs: undefined,
    certificateArn: undefined,
    sharedListener: { listenerArn: EXAMPLE_LISTENER_ARN, priority: 120, ...sharedListener },
  };
}

/**
 * Two endpoints (issue 18), as the README's example lists them: the Seoul office (the
 * endpoint of the single-endpoint example, listed first) and Staging, only for developers.
 * Overrides for `synthPortal`: today's per-endpoint fields are cleared, the holidays stay.
 */
export const twoEndpoints: Partial<InfraSettingsInput> = {
  endpointId: undefined,
  targetSubnetIds: undefined,
  extraRoutes: undefined,
  idleTimeoutMinutes: undefined,
  quietConnectionMinutes: undefined,
  warmUp: { holidays: ['2026-01-01', '2026-02-16'] },
  endpoints: [
    {
      key: 'seoul',
      endpointId: 'cvpn-endpoint-0a1b2c3d4e5f67890',
      names: { ko: '서울 사무실', ja: 'ソウル オフィス', en: 'Seoul office' },
      subnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
      extraRoutes: [
        { cidr: '0.0.0.0/0', subnetId: 'subnet-0a1b2c3d4e5f60001', description: 'Internet' },
      ],
      warmUp: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' },
      ],
    },
    {
      key: 'staging',
      endpointId: 'cvpn-endpoint-0f1e2d3c4b5a69876',
      names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
      subnetIds: ['subnet-0a1b2c3d4e5f62001'],
      idleTimeoutMinutes: 15,
      quietConnectionMinutes: 30,
      warmUp: [
        { days: ['mon'], time: '09:30', timeZone: 'Asia/Seoul', groups: ['developers'] },
        { days: ['fri'], time: '13:00', timeZone: 'Europe/Berlin' },
      ],
      groups: ['developers'],
    },
  ],
};

/**
 * Placeholder bundles, so the tests assert the template without `npm run build`: they never
 * run the code, they check what the stack does with it.
 */
export function placeholderLambdaDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpn-portal-lambda-'));
  mkdirSync(join(dir, 'web'));
  for (const file of ['portal.mjs', 'auto-disconnect.mjs']) {
    writeFileSync(join(dir, file), 'export const handler = async () => ({});\n');
    writeFileSync(join(dir, `${file}.map`), '{}\n');
  }
  writeFileSync(join(dir, 'meta-portal.json'), '{}\n');
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html>\n');
  return dir;
}

export interface SynthResult {
  app: App;
  template: Template;
  settings: InfraSettings;
  outdir: string;
}

/** Synthesises the app exactly as `app.ts` does (cdk-nag included), with settings overrides. */
export function synthPortal(overrides: Partial<InfraSettingsInput> = {}): SynthResult {
  const settings = parseInfraSettings({ ...exampleSettings, ...overrides });
  const outdir = mkdtempSync(join(tmpdir(), 'vpn-portal-cdk-out-'));
  const app = new App({ context: cdkJson.context, outdir });
  const stack = addVpnPortal(app, settings, placeholderLambdaDir());
  app.synth();
  return { app, template: Template.fromStack(stack), settings, outdir };
}

/** The first endpoint: the one a single-endpoint stack manages. */
export function firstEndpointOf(settings: InfraSettings): StackEndpoint {
  const [first] = settings.endpoints;
  if (!first) throw new Error('the settings list no endpoint');
  return first;
}

export type TemplateResource = { Properties: Record<string, unknown>; DependsOn?: string[] };

/** The one resource of a type whose properties match; fails when there are none or several. */
export function onlyResource(
  template: Template,
  type: string,
  props: object = {},
): [string, TemplateResource] {
  const found = Object.entries(template.findResources(type, { Properties: props }));
  const [first] = found;
  if (found.length !== 1 || first === undefined) {
    throw new Error(`expected exactly one ${type} matching, found ${found.length}`);
  }
  return first as [string, TemplateResource];
}

/** The logical id of the Lambda function with this handler. */
export function functionId(template: Template, handler: string): string {
  return onlyResource(template, 'AWS::Lambda::Function', { Handler: handler })[0];
}
