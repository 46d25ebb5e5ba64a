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
  // Today's variables for a list of one they can say, VPN_ENDPOINTS otherwise. Two of today's
  // variables go where the single-endpoint version wrote them, so that a single-endpoint
  // stack's template stays byte for byte the same (infra/single-endpoint-upgrade.test.ts).
  const { IDLE_ALARM_NAME, WARM_UP_SCHEDULE, ...endpoints } = endpointsEnvironment(
    settings.endpoints,
  );
  return {
    ...endpoints,
    SESSIONS_TABLE: settings.sessionsTable,
    ...(IDLE_ALARM_NAME === undefined ? {} : { IDLE_ALARM_NAME }),
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
    // Only when it is not the default, so a stack with its own ALB keeps its environment.
    ...(settings.loadBalancer === 'shared-listener'
      ? { PORTAL_LOAD_BALANCER: settings.loadBalancer }
      : {}),
    // Both functions read the warm-ups: the portal for the pages, auto-disconnect for holidays.
    ...(WARM_UP_SCHEDULE === undefined ? {} : { WARM_UP_SCHEDULE }),
    ...warmUpEnvironment({ entries: [], holidays: settings.warmUpHolidays }),
    ...(settings.notifications ? notificationEnvironment(settings.notifications) : {}),
  };
}
