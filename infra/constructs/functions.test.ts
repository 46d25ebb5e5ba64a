import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../app/config/settings.js';
import { firstEndpointOf, onlyResource, type SynthResult, synthPortal } from '../test-support.js';

let example: SynthResult;
let template: Template;
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
}, 60_000);

describe('lambdas', () => {
  it.each([
    ['portal.handler', 512, 15],
    ['auto-disconnect.handler', 256, 60],
  ])(
    '%s runs on Node 22+ arm64 with its memory, timeout and log group',
    (handler, memory, timeout) => {
      const [, fn] = onlyResource(template, 'AWS::Lambda::Function', { Handler: handler });
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        MemorySize: memory,
        Timeout: timeout,
      });
      expect(
        Number(/^nodejs(\d+)\.x$/.exec(String(fn.Properties.Runtime))?.[1]),
      ).toBeGreaterThanOrEqual(22);
      const logGroup = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: { RetentionInDays: 90 },
        DeletionPolicy: 'Retain',
      });
      expect(template.findResources('AWS::Logs::LogGroup')[logGroup]).toBeDefined();
    },
  );

  it.each([
    // One decider at a time: alarm, sweep and warm-ups queue behind each other.
    ['auto-disconnect.handler', 1],
    // A cap that keeps the portal off the account's pool and EC2's API budget.
    ['portal.handler', 20],
  ])('%s has a reserved concurrency of %i', (handler, reserved) => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: handler,
      ReservedConcurrentExecutions: reserved,
    });
  });

  it('gives both functions an environment that app/config/settings.ts accepts', () => {
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      const [, fn] = onlyResource(template, 'AWS::Lambda::Function', { Handler: handler });
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
      // Deploy-time references stand in for what CloudFormation fills in.
      const env = Object.fromEntries(
        Object.entries(variables).map(([key, value]) => [key, resolvedStandIn(key, value)]),
      );
      const settings = loadSettings({ ...env, AWS_REGION: 'ap-northeast-2' }, 'aws');
      const endpoint = firstEndpointOf(example.settings);
      expect(settings).toMatchObject({
        // Issue 18: the one endpoint, from today's variables.
        endpoints: [
          {
            endpointId: endpoint.endpointId,
            subnetIds: endpoint.subnetIds,
            extraRoutes: endpoint.extraRoutes,
            idleTimeoutMinutes: 30,
            idleAlarmName: 'VpnPortal-idle',
          },
        ],
        metricNamespace: 'VpnPortal',
        adminGroup: 'vpn-admins',
        prices: { associationHourUsd: 0.1, connectionHourUsd: 0.05 },
        cognito: { domain: 'example-vpn-portal.auth.ap-northeast-2.amazoncognito.com' },
      });
    }
  });

  it('ships each bundle in its own asset, the SPA with the portal, no build metafiles', () => {
    const assetFiles = (handler: string) => {
      const [, fn] = onlyResource(template, 'AWS::Lambda::Function', { Handler: handler });
      const key = (fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
      return readdirSync(join(example.outdir, `asset.${key}`)).sort();
    };
    expect(assetFiles('portal.handler')).toEqual(['portal.mjs', 'portal.mjs.map', 'web']);
    expect(assetFiles('auto-disconnect.handler')).toEqual([
      'auto-disconnect.mjs',
      'auto-disconnect.mjs.map',
    ]);
  });
});

const STAND_INS: Record<string, string> = {
  SESSIONS_TABLE: 'VpnPortal-SessionsTable-ABC',
  ALB_ARN:
    'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/vpn/0123456789abcdef',
  COGNITO_USER_POOL_ID: 'ap-northeast-2_AbCdEf123',
  COGNITO_CLIENT_ID: 'abcdefghij1234567890abcdef',
  NOTIFY_TOPIC_ARN: 'arn:aws:sns:ap-northeast-2:123456789012:VpnPortal-NotificationsTopic-ABC',
  EVENTS_FUNCTION_ARN:
    'arn:aws:lambda:ap-northeast-2:123456789012:function:VpnPortal-AutoDisconnectHandler-ABC',
};

function resolvedStandIn(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const standIn = STAND_INS[key];
  if (standIn === undefined) throw new Error(`${key} is a reference without a stand-in`);
  return standIn;
}
