import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTAL_DEPLOYMENT } from '../app/core/model/product-cost.js';
import { onlyResource, synthPortal, type TemplateResource } from './test-support.js';

/**
 * The admin view prices what the stack deploys (issue 17: savings net of the product's own
 * cost) from DEFAULT_PORTAL_DEPLOYMENT, which the functions cannot read from the template:
 * this keeps the two equal. (Issue 17's dashboard is added beside this work; once it is in
 * the stack, `dashboards` belongs in this test too.)
 */
describe('the deployment the cost view prices', () => {
  const { template, settings } = synthPortal();

  it('has as many customer managed KMS keys as the cost view charges for', () => {
    const keys = Object.keys(template.findResources('AWS::KMS::Key'));
    expect(keys).toHaveLength(DEFAULT_PORTAL_DEPLOYMENT.customerManagedKeys);
  });

  it('has as many alarm metrics as the cost view charges for, a math alarm’s metrics each', () => {
    const alarms = Object.values(
      template.findResources('AWS::CloudWatch::Alarm'),
    ) as TemplateResource[];
    const alarmMetrics = alarms.map(({ Properties }) => {
      const queries = Properties.Metrics as { MetricStat?: unknown }[] | undefined;
      return queries ? queries.filter((query) => query.MetricStat).length : 1;
    });
    expect(alarmMetrics.reduce((sum, count) => sum + count, 0)).toBe(
      DEFAULT_PORTAL_DEPLOYMENT.alarmMetrics,
    );
  });

  it('publishes one custom metric: ConnectRequests per endpoint', () => {
    const [, idle] = onlyResource(template, 'AWS::CloudWatch::Alarm', {
      AlarmName: `${settings.stackName}-idle`,
    });
    const queries = idle.Properties.Metrics as {
      MetricStat?: { Metric: { Namespace: string; MetricName: string } };
    }[];
    const custom = queries.filter(
      (query) => query.MetricStat && !query.MetricStat.Metric.Namespace.startsWith('AWS/'),
    );
    expect(custom).toHaveLength(DEFAULT_PORTAL_DEPLOYMENT.customMetrics);
  });

  it('gives the functions the memory the cost view prices their GB-seconds at', () => {
    const memoryOf = (bundle: string) =>
      onlyResource(template, 'AWS::Lambda::Function', { Handler: `${bundle}.handler` })[1]
        .Properties.MemorySize;
    expect(memoryOf('portal')).toBe(DEFAULT_PORTAL_DEPLOYMENT.portalMemoryMb);
    expect(memoryOf('auto-disconnect')).toBe(DEFAULT_PORTAL_DEPLOYMENT.eventsMemoryMb);
  });

  it('places an internet-facing ALB in as many zones as it pays public IPv4 addresses for', () => {
    const [, alb] = onlyResource(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(alb.Properties.Scheme).toBe('internet-facing');
    expect(alb.Properties.Subnets).toHaveLength(DEFAULT_PORTAL_DEPLOYMENT.albPublicIpv4Addresses);
  });
});
