import { endpointsEnvironment } from './endpoint-settings.js';
import { type NotificationSettings, notificationEnvironment } from './notification-settings.js';
import type { Settings } from './settings.js';
import { warmUpEnvironment } from './warm-up-settings.js';

/**
 * What a function's environment says, in the loaders' own types: `Settings` less what the
 * Lambda runtime provides (`AWS_REGION`) and what follows from the region by default (the
 * ALB's key URL and the pool's JWKS URL).
 */
export interface LambdaSettings extends Omit<Settings, 'region' | 'albKeysUrl' | 'cognito'> {
  cognito: Omit<Settings['cognito'], 'jwksUrl'>;
  /** WARM_UP_HOLIDAYS: the days no endpoint warms up (the times are each endpoint's own). */
  warmUpHolidays: string[];
  /** Where both functions send notices (the stack's topic, the optional webhook parameter). */
  notifications?: NotificationSettings;
}

/**
 * The environment the stack gives a function (SPEC section 9): the inverse of
 * `loadSettings`, `loadWarmUpSettings` and `loadNotificationSettings`, so what the stack
 * writes is what the function reads back. Values may be CloudFormation tokens.
 */
export function toLambdaEnvironment(settings: LambdaSettings): Record<string, string> {
  return {
    // Today's variables for a list of one they can say, VPN_ENDPOINTS otherwise.
    ...endpointsEnvironment(settings.endpoints),
    SESSIONS_TABLE: settings.sessionsTable,
    METRIC_NAMESPACE: settings.metricNamespace,
    ALB_ARN: settings.albArn,
    COGNITO_USER_POOL_ID: settings.cognito.userPoolId,
    COGNITO_CLIENT_ID: settings.cognito.clientId,
    COGNITO_DOMAIN: settings.cognito.domain,
    ADMIN_GROUP: settings.adminGroup,
    PRICE_ASSOCIATION_HOUR_USD: String(settings.prices.associationHourUsd),
    PRICE_CONNECTION_HOUR_USD: String(settings.prices.connectionHourUsd),
    OPEN_NEXT_APP: JSON.stringify(settings.openNext),
    KEEP_ON_MAX_HOURS: String(settings.keepOnMaxHours),
    // Both functions read the holidays: the portal for the pages, auto-disconnect to skip them.
    ...warmUpEnvironment({ entries: [], holidays: settings.warmUpHolidays }),
    ...(settings.notifications ? notificationEnvironment(settings.notifications) : {}),
  };
}
