import { AwsCallError } from '../core/model/errors.js';
import type { ActivityMetrics } from '../ports/activity-metrics.js';
import type { SessionStore } from '../ports/session-store.js';

/** The sessions table as it is when DynamoDB cannot be reached: every call fails. */
export function unreadableSessionStore(): SessionStore {
  const down = (operation: string) => () =>
    Promise.reject(new AwsCallError(operation, 'unavailable', `${operation}: service unavailable`));
  return {
    getOpen: down('GetItem'),
    open: down('PutItem'),
    save: down('PutItem'),
    recordConnectRequest: down('UpdateItem'),
    close: down('PutItem'),
    recent: down('Query'),
    overlapping: down('Query'),
  };
}

/** The activity metrics with GetMetricData failing; publishing still works. */
export function unreadableMetrics(metrics: ActivityMetrics): ActivityMetrics {
  return {
    recordConnectRequest: (at) => metrics.recordConnectRequest(at),
    lastConnectRequestSince: () =>
      Promise.reject(new AwsCallError('GetMetricData', 'throttled', 'Rate exceeded')),
  };
}
