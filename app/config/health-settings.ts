import { type Env, readOptional } from './read-env.js';
import { pattern } from './setting-schemas.js';

/**
 * What the portal's health checks need beyond the shared settings (issue 17).
 *
 * | variable              | meaning                                                                |
 * | --------------------- | ---------------------------------------------------------------------- |
 * | `EVENTS_FUNCTION_ARN` | the events function: the portal asks it for its DryRun verdicts, and the idle alarm's action must invoke it |
 *
 * Only the portal reads it. Unset (local mode with `--aws`, an older stack), the checks that
 * need it say they could not be made instead of guessing.
 */
export interface HealthSettings {
  eventsFunctionArn: string | null;
}

const functionArnSchema = pattern(
  /^arn:aws[\w-]*:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:[\w-]{1,64}$/,
  'must be a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)',
);

export function loadHealthSettings(env: Env): HealthSettings {
  return {
    eventsFunctionArn: readOptional(
      'EVENTS_FUNCTION_ARN',
      functionArnSchema,
      env.EVENTS_FUNCTION_ARN,
    ),
  };
}

/** The variables `loadHealthSettings` reads back (values may be CloudFormation tokens). */
export function healthEnvironment(settings: HealthSettings): Record<string, string> {
  return settings.eventsFunctionArn === null
    ? {}
    : { EVENTS_FUNCTION_ARN: settings.eventsFunctionArn };
}
