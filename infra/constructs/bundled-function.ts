import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface BundledFunctionProps {
  /** Directory holding the esbuild bundles (`dist/lambda`). */
  codeDir: string;
  /** Bundle file name without `.mjs`: `portal` or `auto-disconnect`. */
  bundle: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  /** At most this many run at once; the concurrency is also kept for this function alone. */
  reservedConcurrentExecutions: number;
  environment: Record<string, string>;
  logRetentionDays: number;
}

/**
 * One Lambda function from an esbuild bundle: Node on arm64, its own log group with
 * retention, and its own role with no managed policy (the log group grant replaces
 * AWSLambdaBasicExecutionRole, whose `logs:*` on `*` cdk-nag rightly rejects).
 */
export class BundledFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (least privilege, no managed policies)`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: `${props.bundle}.handler`,
      code: lambda.Code.fromAsset(props.codeDir, { exclude: assetExcludes(props.bundle) }),
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
    });
    // The role's policy must exist before the function runs for the first time.
    this.function.node.addDependency(this.role);
  }
}

/**
 * Each function ships only its own bundle (source map and licence notes included); the
 * portal also ships everything else in `dist/lambda`, such as the SPA's files in `web/`.
 * The build's metafiles (`meta-*.json`) stay behind.
 */
export function assetExcludes(bundle: string): string[] {
  if (bundle === 'portal') return ['auto-disconnect.*', 'meta-*.json'];
  return ['*', `!${bundle}.*`];
}
