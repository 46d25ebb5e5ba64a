import { ArnFormat, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * `arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>`, built from a name chosen at
 * synth. Unlike `alarm.alarmArn` (a `Fn::GetAtt` on the alarm) it can appear in a policy the
 * alarm itself depends on, such as the key policy of the topic the alarm publishes to,
 * without a dependency cycle.
 */
export function alarmArnFromName(scope: Construct, alarmName: string): string {
  return Stack.of(scope).formatArn({
    service: 'cloudwatch',
    resource: 'alarm',
    resourceName: alarmName,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}
