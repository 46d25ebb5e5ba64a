/**
 * `npm run migrate-check -- --endpoint cvpn-endpoint-… [--region …]` (issue 17): finds the
 * hand-made setup of SPEC section 1 around this endpoint by what its parts are, says why it
 * thinks so, and what to delete in which order (README, "Moving off the hand-made setup").
 * Read-only calls only, with the operator's credentials (the SDK's default chain).
 * Exit code: 0 nothing to retire, 1 something to retire, 2 it could not look.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import { endpointIdSchema } from '../app/config/setting-schemas.js';
import { readSeedScan, type SeedReaderClients } from './migrate/aws-seed-reader.js';
import { explainAwsError, MigrateCheckError } from './migrate/migrate-check-error.js';
import { renderReport } from './migrate/report.js';
import { retirementPlan } from './migrate/retirement-plan.js';
import type { SeedScan } from './migrate/seed-facts.js';
import { findSeed, somethingToRetire } from './migrate/seed-rules.js';

const USAGE = `Usage: npm run migrate-check -- --endpoint cvpn-endpoint-0123456789abcdef0 [--region ap-northeast-2]

Finds the hand-made setup (an alarm invoking a function that disassociates this endpoint, its
AmazonEC2FullAccess role, the associate function behind an ALB) and prints what to delete, in
which order. Read-only. The endpoint may also come from VPN_ENDPOINT_ID, the region from
AWS_REGION or your AWS profile.
Exit code: 0 nothing to retire, 1 something to retire, 2 it could not look.`;

export interface MigrateCheckIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** The AWS side; tests pass plain data. */
  scan?: (
    endpointId: string,
    region: string | undefined,
  ) => Promise<{ scan: SeedScan; region: string }>;
}

export async function migrateCheck(argv: readonly string[], io: MigrateCheckIo): Promise<number> {
  try {
    const args = parseArguments(argv, io.env);
    if (args === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const { endpointId, region } = args;
    const { scan, region: resolvedRegion } = await (io.scan ?? scanAws)(endpointId, region);
    const findings = findSeed(scan);
    io.out(renderReport(findings, retirementPlan(findings, resolvedRegion), resolvedRegion));
    return somethingToRetire(findings) ? 1 : 0;
  } catch (error) {
    if (error instanceof MigrateCheckError) {
      io.err(`migrate-check: ${error.message}\n`);
      if (error.kind === 'usage') io.err(`\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function parseArguments(argv: readonly string[], env: MigrateCheckIo['env']) {
  let values: {
    endpoint?: string | undefined;
    region?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        endpoint: { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new MigrateCheckError('usage', error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help' as const;
  const raw = values.endpoint ?? env.VPN_ENDPOINT_ID;
  if (!raw)
    throw new MigrateCheckError('usage', '--endpoint is required (or set VPN_ENDPOINT_ID).');
  const endpoint = endpointIdSchema.safeParse(raw.trim());
  if (!endpoint.success) {
    throw new MigrateCheckError(
      'usage',
      `--endpoint ${raw}: ${endpoint.error.issues[0]?.message ?? 'is invalid'}`,
    );
  }
  return { endpointId: endpoint.data, region: values.region ?? env.AWS_REGION ?? undefined };
}

async function scanAws(endpointId: string, region: string | undefined) {
  const config = region ? { region } : {};
  const clients: SeedReaderClients = {
    cloudwatch: new CloudWatchClient(config),
    lambda: new LambdaClient(config),
    iam: new IAMClient(config),
    sns: new SNSClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
  };
  let resolved: string;
  try {
    resolved = await clients.cloudwatch.config.region();
  } catch (error) {
    throw explainAwsError(error, 'cloudwatch:DescribeAlarms');
  }
  return { scan: await readSeedScan(clients, endpointId), region: resolved };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await migrateCheck(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
  });
}
