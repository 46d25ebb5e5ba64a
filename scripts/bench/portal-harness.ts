import {
  CloudWatchClient,
  PutMetricDataCommand,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { loadSettings, type Settings } from '../../app/config/settings.js';
import { createAwsEndpointContexts } from '../../app/entries/aws-deps.js';
import { createApp } from '../../app/http/create-app.js';
import { type ALBResult, albHandler } from '../../app/http/lambda/alb-handler.js';
import { createPortalEndpoints, type PortalEndpoints } from '../../app/http/portal-endpoints.js';
import type { PortalServices } from '../../app/http/portal-services.js';
import { silentLogger } from '../../app/logging/logger.js';
import { type AlbEvent, albEvent } from '../../app/testing/alb-event.js';
import { type DynaliteFixture, startDynalite } from '../../app/testing/dynalite.js';
import { lambdaContext } from '../../app/testing/lambda-context.js';
import { albAuthHeaders, createTestAuth } from '../../app/testing/test-keys.js';
import { createEc2Mock, type Ec2Mock, type Ec2MockOptions } from './ec2-mock.js';
import { AWS_LATENCY_MS, sleep } from './latency.js';

export interface Portal {
  settings: Settings;
  ec2: Ec2Mock;
  /** The first endpoint's services (today's routes answer for it). */
  services: PortalServices;
  /** Every endpoint's services, in the settings' order (issue 18). */
  endpoints: PortalEndpoints;
  /** The ALB event for a request of employee number `user`, signed as the ALB signs it. */
  eventFor(request: { method?: string; path: string; user: number; body?: string }): AlbEvent;
  /** One invocation of the portal Lambda's handler, as the runtime makes it. */
  invoke(event: AlbEvent): Promise<ALBResult>;
  stop(): Promise<void>;
}

/**
 * The warm portal Lambda in this process: the real createApp, ALB handler, verifier and AWS
 * adapters, over SDK clients whose answers take AWS_LATENCY_MS. EC2 and CloudWatch are
 * aws-sdk-client-mock stubs (EC2 stateful, ec2-mock.ts); DynamoDB is dynalite (an in-process
 * DynamoDB) behind the real SDK client with the same added latency, because the connect path
 * relies on DynamoDB's conditional writes, which a canned answer would only pretend to do.
 */
export async function startPortal(
  env: NodeJS.ProcessEnv,
  options: { ec2?: Ec2MockOptions } = {},
): Promise<Portal> {
  const settings = loadSettings(env);
  const ec2 = createEc2Mock(options.ec2);
  const cloudWatch = new CloudWatchClient({ region: settings.region, maxAttempts: 1 });
  const cloudWatchMock = mockClient(cloudWatch);
  const answerLater = async () => {
    await sleep(AWS_LATENCY_MS);
    return {};
  };
  cloudWatchMock.on(PutMetricDataCommand).callsFake(answerLater);
  cloudWatchMock.on(SetAlarmStateCommand).callsFake(answerLater);
  // In its own process: a real DynamoDB does not share the Lambda's CPU either.
  const dynalite: DynaliteFixture = await startDynalite({ inChildProcess: true });
  dynalite.client.middlewareStack.add(
    (next) => async (args) => {
      await sleep(AWS_LATENCY_MS);
      return next(args);
    },
    { step: 'initialize', name: 'benchLatency' },
  );
  const tableName = await dynalite.createSessionsTable();
  const tableSettings = { ...settings, sessionsTable: tableName };
  // Every endpoint of the settings (one with today's variables), as the entries build them:
  // one set of ports per endpoint over the shared SDK clients.
  const endpoints = createAwsEndpointContexts(tableSettings, silentLogger, {
    ec2: ec2.client,
    cloudWatch,
    dynamoDb: dynalite.client,
  });
  const portalEndpoints = createPortalEndpoints(endpoints);
  const services = portalEndpoints.first;
  const auth = createTestAuth();
  const app = createApp(
    {
      settings: tableSettings,
      endpoints,
      auth: auth.verifier,
      logger: silentLogger,
      webRoot: null,
    },
    portalEndpoints,
  );
  const handler = albHandler(app);
  const context = lambdaContext('vpn-portal');

  return {
    settings,
    ec2,
    services,
    endpoints: portalEndpoints,
    eventFor: ({ method = 'GET', path, user, body }) => {
      const person = {
        sub: `00000000-bench-4000-8000-${String(user).padStart(12, '0')}`,
        email: `employee${user}@example.com`,
        name: `Employee ${user}`,
        username: `employee${user}`,
      };
      const headers: Record<string, string> = albAuthHeaders(auth.signer, person);
      if (method !== 'GET') {
        headers.origin = 'https://vpn.example.com';
        headers['sec-fetch-site'] = 'same-origin';
        headers['content-type'] = 'application/json';
      }
      return albEvent({ method, path, headers, ...(body === undefined ? {} : { body }) });
    },
    invoke: (event) => handler(event, context),
    stop: () => dynalite.stop(),
  };
}
