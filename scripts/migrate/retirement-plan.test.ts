import { describe, expect, it } from 'vitest';
import { retirementPlan } from './retirement-plan.js';
import type { SeedScan } from './seed-facts.js';
import { findSeed } from './seed-rules.js';
import {
  ENDPOINT,
  fn,
  portalTargetGroup,
  REGION,
  seedAlarm,
  seedBesidePortal,
  seedLoadBalancer,
  seedRole,
  seedTargetGroup,
} from './seed-scan-fixtures.js';

const plan = (scan: SeedScan) => retirementPlan(findSeed(scan), REGION);
const commandsOf = (steps: ReturnType<typeof plan>) => steps.flatMap((step) => step.commands);

describe('retirementPlan', () => {
  it('orders the steps so that the two alarms never both act', () => {
    expect(plan(seedBesidePortal()).map((step) => step.title)).toEqual([
      'Deploy this stack',
      'Check the portal’s health panel',
      'Silence the hand-made alarm, then watch one idle cycle',
      'Delete the hand-made alarm',
      'Delete the hand-made disassociate function',
      'Remove the hand-made listener rule, target group and function (and the ALB if nothing else uses it)',
      // Shared with the associate function, the role goes after it.
      'Delete the hand-made role (AmazonEC2FullAccess)',
    ]);
  });

  it('fills the commands with what was found, in the endpoint’s region', () => {
    const steps = plan(seedBesidePortal());
    expect(steps[0]?.done).toBe(
      'VpnPortal-PortalHandler-AbC, VpnPortal-AutoDisconnectHandler-DeF, invoked by the idle alarm VpnPortal-idle',
    );
    expect(steps[2]?.commands).toEqual([
      `aws cloudwatch disable-alarm-actions --alarm-names vpn-idle --region ${REGION}`,
      `aws ec2 describe-client-vpn-target-networks --client-vpn-endpoint-id ${ENDPOINT} --region ${REGION} --query "ClientVpnTargetNetworks[].[TargetNetworkId,Status.Code]" --output text   # nothing associated`,
      `aws cloudwatch describe-alarm-history --alarm-name VpnPortal-idle --history-item-type Action --max-records 5 --region ${REGION}`,
    ]);
    // The idle timeout the stack's functions read, plus one alarm period.
    expect(steps[2]?.why).toContain('leave the VPN unused for 35 minutes');
    expect(steps[3]?.commands).toEqual([
      `aws cloudwatch delete-alarms --alarm-names vpn-idle --region ${REGION}`,
    ]);
    expect(steps[6]?.commands).toEqual([
      'aws iam detach-role-policy --role-name vpn-lambda-role --policy-arn arn:aws:iam::aws:policy/AmazonEC2FullAccess',
      'aws iam detach-role-policy --role-name vpn-lambda-role --policy-arn arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'aws iam delete-role --role-name vpn-lambda-role',
    ]);
  });

  it('removes the rule before its target group, and the function after both', () => {
    const shared = seedBesidePortal({ loadBalancers: [seedLoadBalancer([portalTargetGroup.arn])] });
    const commands = commandsOf(plan(shared));
    const at = (prefix: string) => commands.findIndex((c) => c.startsWith(prefix));
    expect(at('aws elbv2 delete-rule')).toBeGreaterThan(-1);
    expect(at('aws elbv2 delete-rule')).toBeLessThan(at('aws elbv2 delete-target-group'));
    expect(at('aws elbv2 delete-target-group')).toBeLessThan(
      at('aws lambda delete-function --function-name vpn-associate'),
    );
    // The load balancer also serves the portal: it stays.
    expect(commands.some((c) => c.includes('delete-load-balancer'))).toBe(false);
    expect(plan(shared)[5]?.notes).toContain(
      'Keep load balancer vpn-alb: it also forwards to VpnPortal-Targets: keep it, remove only the hand-made rule.',
    );
  });

  it('turns deletion protection off before deleting a load balancer only the seed used', () => {
    const protectedLb = { ...seedLoadBalancer(), deletionProtection: true };
    const commands = commandsOf(plan(seedBesidePortal({ loadBalancers: [protectedLb] })));
    const at = (text: string) => commands.findIndex((c) => c.includes(text));
    expect(at('deletion_protection.enabled,Value=false')).toBeGreaterThan(-1);
    expect(at('deletion_protection.enabled,Value=false')).toBeLessThan(at('delete-load-balancer'));
    // Its rules go with it.
    expect(at('delete-rule')).toBe(-1);
  });

  it('deletes a role only the disassociate function used before the ALB step', () => {
    const offRole = {
      ...seedRole,
      arn: seedRole.arn.replace('vpn-lambda-role', 'vpn-off-role'),
      name: 'vpn-off-role',
    };
    const scan = seedBesidePortal();
    const steps = plan({
      ...scan,
      functions: scan.functions.map((f) =>
        f.name === 'vpn-disassociate' ? { ...f, roleArn: offRole.arn } : f,
      ),
      roles: [offRole, seedRole],
    });
    expect(steps.map((s) => s.title).slice(5)).toEqual([
      'Delete the hand-made role (AmazonEC2FullAccess)',
      'Remove the hand-made listener rule, target group and function (and the ALB if nothing else uses it)',
      'Delete the hand-made role (AmazonEC2FullAccess)',
    ]);
    expect(steps[5]?.commands.at(-1)).toBe('aws iam delete-role --role-name vpn-off-role');
  });

  it('keeps a role another function uses, and says what to check', () => {
    const payroll = fn('payroll', 'vpn-lambda-role', {});
    const steps = plan(seedBesidePortal({ functions: [...seedBesidePortal().functions, payroll] }));
    const roleStep = steps.at(-1);
    expect(roleStep?.commands).toEqual([]);
    expect(roleStep?.notes[0]).toMatch(
      /^Keep role vpn-lambda-role: payroll use it too\. Check whether/,
    );
  });

  it('starts with deploying the stack when it is not there yet', () => {
    const scan = seedBesidePortal();
    const steps = plan({ ...scan, alarms: [seedAlarm], functions: scan.functions.slice(0, 2) });
    expect(steps[0]).toMatchObject({
      title: 'Deploy this stack',
      commands: ['npm ci', 'npm run synth', 'cd infra && npx cdk deploy'],
    });
    expect(steps[0]?.done).toBeUndefined();
  });

  it('marks the silencing done when the hand-made alarm’s actions are already off', () => {
    const steps = plan(seedBesidePortal({ alarms: [{ ...seedAlarm, actionsEnabled: false }] }));
    expect(steps[2]?.done).toBe('the hand-made alarms’ actions are already disabled');
  });

  it('gives a listener that forwards to the seed by default another default first', () => {
    const lb = seedLoadBalancer([portalTargetGroup.arn]);
    const https = lb.listeners[0];
    if (!https) throw new Error('fixture has an HTTPS listener');
    https.rules = https.rules.map((rule) =>
      rule.isDefault ? { ...rule, forwardsTo: [seedTargetGroup.arn] } : rule,
    );
    const notes = plan(seedBesidePortal({ loadBalancers: [lb] }))[5]?.notes ?? [];
    expect(notes.some((note) => note.includes('aws elbv2 modify-listener'))).toBe(true);
  });
});
