import { ssmParameterNameSchema } from '../app/config/notification-settings.js';
import { pattern } from '../app/config/setting-schemas.js';
import { z } from '../app/config/validation.js';

/**
 * Where notifications go (issue 9), beside the other settings in settings.ts. The topic
 * always exists; these only add an e-mail subscriber and a chat webhook. The webhook's
 * parameter name is checked with the function's own rule (app/config/notification-settings.ts).
 */
export const emailSchema = z.email({ error: 'must be an e-mail address' });

export const notificationsSetting = z._default(
  z.strictObject({
    /** Subscribed to the notifications topic (not the operations alarms topic). */
    email: z.optional(emailSchema),
    /** An SSM SecureString the operator creates, holding a Slack-compatible webhook URL. */
    chatWebhookParameter: z.optional(ssmParameterNameSchema),
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

/** What is wrong with `chatWebhookKmsKeyArn` given the other fields, or null. */
export function chatWebhookKmsKeyProblem(
  notifications: z.output<typeof notificationsSetting>,
): string | null {
  return notifications.chatWebhookKmsKeyArn && !notifications.chatWebhookParameter
    ? 'is only used with notifications.chatWebhookParameter; set both or neither'
    : null;
}
