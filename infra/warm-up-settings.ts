import { z } from '../app/config/validation.js';
import { warmUpScheduleSchema } from '../app/config/warm-up-settings.js';
import type { WarmUpSchedule } from '../app/core/model/warm-up-schedule.js';

/**
 * The stack's settings for issue 9, beside the others in settings.ts: the warm-up schedule
 * (validated with the app's own schema, so synth and the Lambdas accept exactly the same
 * entries) and where notifications go.
 */

/** `{ "entries": [{ "days", "time", "timeZone" }], "holidays": ["2026-01-01"] }`; off by default. */
export const warmUpSetting = z._default(warmUpScheduleSchema, { entries: [], holidays: [] });

const pattern = (regex: RegExp, error: string) => z.string().check(z.regex(regex, { error }));

/**
 * SSM parameter names: letters, digits, `_.-` and `/` separators; a name must not start
 * with `aws` or `ssm` (SSM reserves them), hierarchical names start with `/`.
 */
const parameterName = z.string().check(
  z.regex(/^(\/[\w.-]+)+$|^[\w.-]+$/, {
    error: 'must be an SSM parameter name like /vpn-portal/chat-webhook-url',
  }),
  z.maxLength(1011, { error: 'must be at most 1011 characters' }),
  z.refine((name) => !/^\/?(aws|ssm)/i.test(name), {
    error: 'must not start with "aws" or "ssm" (reserved by SSM)',
  }),
);

export const notificationsSetting = z._default(
  z.strictObject({
    /** Subscribed to the notifications topic (not the operations alarms topic). */
    email: z.optional(z.email({ error: 'must be an e-mail address' })),
    /** An SSM SecureString the operator creates, holding a Slack-compatible webhook URL. */
    chatWebhookParameter: z.optional(parameterName),
    /** The customer managed KMS key of that parameter; leave out for the default `aws/ssm`. */
    chatWebhookKmsKeyArn: z.optional(
      pattern(
        /^arn:aws[\w-]*:kms:[\w-]+:\d{12}:key\/[\w-]+$/,
        'must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)',
      ),
    ),
  }),
  {},
);

type Notifications = z.output<typeof notificationsSetting>;

/**
 * Lambda allows 4 KB for all environment variables together. The stack's own variables take
 * well under 1.5 KB, so the operator's lists (routes, schedule, holidays) may use the rest.
 */
export const ENVIRONMENT_BUDGET_BYTES = 2_500;

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Cross-field checks: what one setting alone cannot say. */
export function warmUpSettingsIssues(settings: {
  warmUp: WarmUpSchedule;
  notifications: Notifications;
  extraRoutes: unknown[];
}): Issue[] {
  const issues: Issue[] = [];
  const { notifications } = settings;
  if (notifications.chatWebhookKmsKeyArn && !notifications.chatWebhookParameter) {
    issues.push({
      path: ['notifications', 'chatWebhookKmsKeyArn'],
      message: 'is only used with notifications.chatWebhookParameter; set both or neither',
    });
  }
  const used =
    JSON.stringify(settings.extraRoutes).length +
    JSON.stringify(settings.warmUp.entries).length +
    settings.warmUp.holidays.join(',').length;
  if (used > ENVIRONMENT_BUDGET_BYTES) {
    issues.push({
      path: ['warmUp'],
      message: `must be shorter: with extraRoutes it takes ${used} characters of the Lambda environment (at most ${ENVIRONMENT_BUDGET_BYTES}, the 4 KB limit less the stack's own variables); list fewer holidays, for example only this year's`,
    });
  }
  return issues;
}
