import { describe, expect, it } from 'vitest';
import { explainAwsError } from './migrate/migrate-check-error.js';
import type { SeedScan } from './migrate/seed-facts.js';
import { ENDPOINT, portalOnly, REGION, seedBesidePortal } from './migrate/seed-scan-fixtures.js';
import { migrateCheck } from './migrate-check.js';

async function run(
  argv: string[],
  scan: () => Promise<SeedScan>,
  env: Record<string, string> = {},
) {
  let out = '';
  let err = '';
  const asked: { endpointId?: string; region?: string | undefined } = {};
  const code = await migrateCheck(argv, {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    env,
    scan: async (endpointId, region) => {
      asked.endpointId = endpointId;
      asked.region = region;
      return { scan: await scan(), region: region ?? REGION };
    },
  });
  return { code, out, err, asked };
}

describe('npm run migrate-check', () => {
  it('exits 1 and prints what it found, why, and the steps, when the hand-made setup is there', async () => {
    const { code, out, err } = await run(['--endpoint', ENDPOINT], async () => seedBesidePortal());
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toContain(
      '  • CloudWatch alarm vpn-idle (OK, actions enabled)\n      - its action invokes Lambda function vpn-disassociate',
    );
    expect(out).toContain('What to do, in this order (so that two alarms never fight):');
    expect(out).toContain(
      `     $ aws cloudwatch disable-alarm-actions --alarm-names vpn-idle --region ${REGION}`,
    );
  });

  it('exits 0 when only this stack is left', async () => {
    const { code, out } = await run(['--endpoint', ENDPOINT], async () => portalOnly());
    expect(code).toBe(0);
    expect(out).toContain('The hand-made setup: nothing found. Nothing to retire.');
    expect(out).not.toContain('What to do');
  });

  it('takes the endpoint from VPN_ENDPOINT_ID and the region from --region', async () => {
    const { asked } = await run(['--region', 'us-west-2'], async () => portalOnly(), {
      VPN_ENDPOINT_ID: ENDPOINT,
      AWS_REGION: 'eu-west-1',
    });
    expect(asked).toEqual({ endpointId: ENDPOINT, region: 'us-west-2' });
  });

  it('exits 2 naming the permission when the credentials may not read something', async () => {
    const denied = Object.assign(
      new Error(
        'User: arn:aws:sts::111122223333:assumed-role/Auditor/alex is not authorized to perform: iam:ListAttachedRolePolicies on resource: role vpn-lambda-role',
      ),
      { name: 'AccessDenied' },
    );
    const { code, out, err } = await run(['--endpoint', ENDPOINT], async () => {
      throw explainAwsError(denied, 'iam:ListAttachedRolePolicies');
    });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(
      /^migrate-check: Access denied: these credentials may not call iam:ListAttachedRolePolicies \(AWS said: User: .*\)\. migrate-check only reads; it needs cloudwatch:DescribeAlarms, /,
    );
  });

  it('exits 2 with what to do when there are no credentials', async () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const { code, err } = await run(['--endpoint', ENDPOINT], async () => {
      throw explainAwsError(missing, 'cloudwatch:DescribeAlarms');
    });
    expect(code).toBe(2);
    expect(err).toContain('No AWS credentials found.');
  });

  it('exits 2 with the usage for a missing or malformed endpoint, and reads nothing', async () => {
    let read = false;
    const scan = async () => {
      read = true;
      return portalOnly();
    };
    expect((await run([], scan)).err).toContain('--endpoint is required (or set VPN_ENDPOINT_ID).');
    const malformed = await run(['--endpoint', 'vpn-1'], scan);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain(
      '--endpoint vpn-1: must look like cvpn-endpoint-0123456789abcdef0',
    );
    expect((await run(['--endpont', ENDPOINT], scan)).code).toBe(2);
    expect(read).toBe(false);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const { code, out } = await run(['--help'], async () => portalOnly());
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: npm run migrate-check -- --endpoint /);
  });
});
