import { randomUUID } from 'node:crypto';

/**
 * Test fixture: the Lambda context object (docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html),
 * as Powertools' testing package builds it. Structurally matches hono/aws-lambda's LambdaContext.
 */
export interface TestLambdaContext {
  callbackWaitsForEmptyEventLoop: boolean;
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  getRemainingTimeInMillis(): number;
}

export function lambdaContext(
  functionName = 'vpn-portal',
  overrides: Partial<TestLambdaContext> = {},
): TestLambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => 30_000,
    ...overrides,
  };
}
