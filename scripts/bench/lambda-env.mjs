/**
 * The SPEC section 9 environment with valid values, so the bundles load their settings at
 * import time as they do in Lambda. Credentials are placeholders: nothing is sent anywhere.
 */
export const LAMBDA_ENV = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'bench-session-token',
  AWS_EC2_METADATA_DISABLED: 'true',
  VPN_ENDPOINT_ID: 'cvpn-endpoint-0123456789abcdef0',
  VPN_SUBNET_IDS: 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002',
  IDLE_TIMEOUT_MINUTES: '30',
  SESSIONS_TABLE: 'vpn-sessions',
  IDLE_ALARM_NAME: 'vpn-idle',
  ALB_ARN:
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/vpn-portal/50dc6c495c0c9188',
  COGNITO_USER_POOL_ID: 'eu-west-1_TestPool1',
  COGNITO_CLIENT_ID: '4example0client0id0abcdefg',
  COGNITO_DOMAIN: 'vpn-portal-test.auth.eu-west-1.amazoncognito.com',
  // The stack gives both functions the notifications topic (and the webhook parameter when
  // set): their notifier is built at init, so it is measured too.
  NOTIFY_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:vpn-portal-notifications',
  CHAT_WEBHOOK_PARAMETER: '/vpn-portal/chat-webhook-url',
};
