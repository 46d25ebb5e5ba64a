import { describe, expect, it } from 'vitest';
import { albArnSchema } from '../app/config/setting-schemas.js';
import { albArnOfListener, listenerArnSchema } from './shared-listener-settings.js';
import { EXAMPLE_LISTENER_ARN } from './test-support.js';

describe('the shared listener’s ARN', () => {
  it('gives the load balancer’s ARN, which the portal accepts as ALB_ARN', () => {
    const albArn = albArnOfListener(EXAMPLE_LISTENER_ARN);

    expect(albArn).toBe(
      'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/corp-alb/50dc6c495c0c9188',
    );
    expect(albArnSchema.safeParse(albArn).success).toBe(true);
  });

  it('keeps the partition of a China-region listener', () => {
    expect(
      albArnOfListener(
        'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:listener/app/vpn/0123456789abcdef/fedcba9876543210',
      ),
    ).toBe(
      'arn:aws-cn:elasticloadbalancing:cn-north-1:123456789012:loadbalancer/app/vpn/0123456789abcdef',
    );
  });

  it.each([
    [
      'a Network Load Balancer listener',
      'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:listener/net/corp-nlb/50dc6c495c0c9188/f2f7dc8efc522ab2',
    ],
    [
      'a listener rule',
      'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:listener-rule/app/corp-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/0123456789abcdef',
    ],
    [
      'the load balancer itself',
      'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/corp-alb/50dc6c495c0c9188',
    ],
    ['a name', 'corp-alb'],
  ])('refuses %s', (_name, arn) => {
    expect(listenerArnSchema.safeParse(arn).success).toBe(false);
    expect(() => albArnOfListener(arn)).toThrow(/listener ARN/);
  });
});
