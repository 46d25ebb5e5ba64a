import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { onSharedListener, synthPortal, twoEndpoints } from './test-support.js';

interface Report {
  pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
}

const VARIANTS: [string, Parameters<typeof synthPortal>[0]][] = [
  ['the committed example', {}],
  [
    'an internal ALB with narrowed CIDRs, no domain name and no e-mail',
    {
      internetFacing: false,
      allowedCidrs: ['10.0.0.0/8'],
      domainName: undefined,
      alarmEmail: undefined,
    },
  ],
  [
    'no warm-up, and notifications by e-mail and a chat webhook in a customer-managed-key parameter',
    {
      warmUp: undefined,
      notifications: {
        email: 'vpn-admins@example.com',
        chatWebhookParameter: '/vpn-portal/chat-webhook-url',
        chatWebhookKmsKeyArn:
          'arn:aws:kms:ap-northeast-2:123456789012:key/0a1b2c3d-4e5f-6789-0abc-def012345678',
      },
    },
  ],
  ['two endpoints, the second for the developers group only (issue 18)', twoEndpoints],
  [
    'an imported Cognito pool',
    {
      cognito: {
        mode: 'import',
        userPoolId: 'ap-northeast-2_AbCdEf123',
        clientId: 'abcdefghij1234567890abcdef',
        domain: 'acme-vpn',
      },
    },
  ],
  ['a rule on an existing HTTPS listener instead of a new ALB', onSharedListener()],
  [
    'a rule with path patterns on an existing listener, with an imported Cognito pool',
    {
      ...onSharedListener({ priority: 50_000, pathPatterns: ['/vpn/*'] }),
      cognito: {
        mode: 'import',
        userPoolId: 'ap-northeast-2_AbCdEf123',
        clientId: 'abcdefghij1234567890abcdef',
        domain: 'auth.example.com',
      },
    },
  ],
];

describe('cdk-nag AwsSolutionsChecks', () => {
  // The first synth also loads aws-cdk-lib and cdk-nag: over 30 s when the machine is busy.
  it.each(VARIANTS)(
    'reports nothing unacknowledged for %s',
    (_name, overrides) => {
      // Synth throws on any unacknowledged error; the report lists warnings too.
      const { outdir } = synthPortal(overrides);
      const report = JSON.parse(
        readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
      ) as Report;
      const findings = report.pluginReports.flatMap((plugin) =>
        plugin.violations.map((violation) => `${plugin.pluginName}: ${violation.ruleName}`),
      );
      expect(findings).toEqual([]);
    },
    120_000,
  );

  it('gives every acknowledgement a written reason', () => {
    const { app } = synthPortal();
    const acknowledgements = app.node
      .findAll()
      .flatMap((node) => node.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(reason, id).toMatch(/\w+ \w+ \w+ \w+ \w+/);
    }
  });
});
