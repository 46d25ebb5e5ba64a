import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { NotificationSettings } from '../../app/config/notification-settings.js';

export interface NotificationsProps {
  /** Subscribed to the topic (the subscriber confirms by e-mail). */
  email?: string | undefined;
  /** Name of the SSM SecureString with the chat webhook URL; the operator creates it. */
  chatWebhookParameter?: string | undefined;
  /** The parameter's customer managed key, if it is not the default `aws/ssm`. */
  chatWebhookKmsKeyArn?: string | undefined;
}

/**
 * Where "the VPN turned itself off", "the sweep had to act" and "an association failed" go
 * (issue 9): an SNS topic of its own, apart from the operations alarms topic. The audiences
 * differ (administrators watching usage vs. whoever is on call for the stack) and so does
 * the volume (a notice per day vs. an alarm per incident): subscribing the alarm address to
 * daily notices would bury the alarms. The topic always exists, so other subscribers (AWS
 * Chatbot, SMS, a queue) can be added without a setting; `email` subscribes one address.
 *
 * It is encrypted with the AWS managed key `aws/sns`: only the Lambda publishes, and a
 * publisher in the account needs no KMS grant for it (unlike CloudWatch alarms, which is why
 * the operations topic has a customer managed key). No second key to pay for.
 */
export class Notifications extends Construct {
  readonly topic: sns.Topic;
  /** What the notifying function reads (NOTIFY_TOPIC_ARN, CHAT_WEBHOOK_PARAMETER). */
  readonly settings: NotificationSettings;
  private readonly props: NotificationsProps;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    this.props = props;
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'VPN portal notifications',
      masterKey: kms.Alias.fromAliasName(this, 'AwsManagedKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    if (props.email) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    }
    this.settings = {
      topicArn: this.topic.topicArn,
      webhookParameterName: props.chatWebhookParameter ?? null,
    };
  }

  /**
   * Lets the portal's health panel see that the topic is there (issue 17): GetTopicAttributes
   * on this topic only. The webhook's parameter needs no grant of its own: the portal reads it
   * to send notices (`grantNotify`).
   */
  grantHealthCheck(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SeeTheNotificationsTopic',
        actions: ['sns:GetTopicAttributes'],
        resources: [this.topic.topicArn],
      }),
    );
  }

  /** Lets a function publish to the topic and read (and decrypt) the webhook parameter. */
  grantNotify(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'PublishNotifications',
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
      }),
    );
    const name = this.props.chatWebhookParameter;
    if (!name) return;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'ReadTheChatWebhookParameter',
        actions: ['ssm:GetParameter'],
        resources: [parameterArn(Stack.of(this), name)],
      }),
    );
    if (this.props.chatWebhookKmsKeyArn) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'DecryptTheChatWebhookParameter',
          actions: ['kms:Decrypt'],
          resources: [this.props.chatWebhookKmsKeyArn],
          // Only for SSM decrypting on the function's behalf, not for direct use of the key.
          conditions: {
            StringEquals: { 'kms:ViaService': `ssm.${Stack.of(this).region}.amazonaws.com` },
          },
        }),
      );
    }
  }
}

/** `arn:<partition>:ssm:<region>:<account>:parameter/<name without its leading slash>`. */
export function parameterArn(stack: Stack, name: string): string {
  return stack.formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: name.replace(/^\//, ''),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
