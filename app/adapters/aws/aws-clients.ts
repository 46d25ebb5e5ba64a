import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import type { Settings } from '../../config/settings.js';

export interface AwsClients {
  ec2: EC2Client;
  cloudWatch: CloudWatchClient;
  dynamoDb: DynamoDBClient;
}

export interface AwsClientOptions {
  /** TCP connect timeout; a healthy regional endpoint connects in milliseconds. */
  connectionTimeoutMs?: number;
  /** Socket-level backstop behind awsCall's own per-attempt timeout. */
  requestTimeoutMs?: number;
}

/**
 * Builds the three SDK clients once per entry (a warm Lambda reuses them and their sockets).
 * Endpoints are never set here: the SDK reads AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
 * by itself, so the bundles can be pointed at any AWS-compatible endpoint.
 */
export function createAwsClients(
  settings: Pick<Settings, 'region'>,
  options: AwsClientOptions = {},
): AwsClients {
  const config = {
    region: settings.region,
    // awsCall (aws-call.ts) owns retries; SDK retries on top would multiply the attempts and
    // the time spent (3 × 3), and hide throttling from the typed error the portal shows.
    maxAttempts: 1,
    // An options object is enough: the SDK builds its NodeHttpHandler from it.
    requestHandler: {
      connectionTimeout: options.connectionTimeoutMs ?? 1_000,
      requestTimeout: options.requestTimeoutMs ?? 3_000,
    },
  };
  return {
    ec2: new EC2Client(config),
    cloudWatch: new CloudWatchClient(config),
    dynamoDb: new DynamoDBClient(config),
  };
}
