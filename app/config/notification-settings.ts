import { type Env, readOptional } from './read-env.js';
import { pattern } from './setting-schemas.js';
import * as z from './validation.js';

/**
 * Where the auto-disconnect function sends its notices (issue 9). Each is optional: unset
 * means that channel is off.
 *
 * | variable                 | meaning                                                              |
 * | ------------------------ | -------------------------------------------------------------------- |
 * | `NOTIFY_TOPIC_ARN`       | SNS topic that receives the notifications                            |
 * | `CHAT_WEBHOOK_PARAMETER` | name of the SSM SecureString holding a Slack-compatible webhook URL |
 */
export interface NotificationSettings {
  /** `NOTIFY_TOPIC_ARN`, or null for no SNS notifications. */
  topicArn: string | null;
  /** `CHAT_WEBHOOK_PARAMETER`: name of the SSM SecureString, or null for no webhook. */
  webhookParameterName: string | null;
}

const topicArnSchema = pattern(
  /^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]{1,256}$/,
  'must be an SNS topic ARN',
);

/**
 * SSM parameter names: letters, digits, `_.-` and `/` separators; a name must not start
 * with `aws` or `ssm` (SSM reserves them), hierarchical names start with `/`.
 */
export const ssmParameterNameSchema = z.string().check(
  z.regex(/^(\/[\w.-]+)+$|^[\w.-]+$/, {
    error: 'must be an SSM parameter name like /vpn-portal/chat-webhook-url',
  }),
  z.maxLength(1011, { error: 'must be at most 1011 characters' }),
  z.refine((name) => !/^\/?(aws|ssm)/i.test(name), {
    error: 'must not start with "aws" or "ssm" (reserved by SSM)',
  }),
);

export function loadNotificationSettings(env: Env): NotificationSettings {
  return {
    topicArn: readOptional('NOTIFY_TOPIC_ARN', topicArnSchema, env.NOTIFY_TOPIC_ARN),
    webhookParameterName: readOptional(
      'CHAT_WEBHOOK_PARAMETER',
      ssmParameterNameSchema,
      env.CHAT_WEBHOOK_PARAMETER,
    ),
  };
}

/** The variables `loadNotificationSettings` reads back; none for a channel that is off. */
export function notificationEnvironment(settings: NotificationSettings): Record<string, string> {
  return {
    ...(settings.topicArn === null ? {} : { NOTIFY_TOPIC_ARN: settings.topicArn }),
    ...(settings.webhookParameterName === null
      ? {}
      : { CHAT_WEBHOOK_PARAMETER: settings.webhookParameterName }),
  };
}
