/**
 * The order in which the hand-made setup is retired, with the AWS CLI commands filled in
 * with what was found. The order is what keeps the VPN working and the two alarms from
 * fighting: the stack's own alarm proves itself before the hand-made one is silenced, and the
 * old URL keeps working until its rule goes, last. Plain data in and out; no AWS import.
 */
import { roleNameOf } from './resource-names.js';
import type { SeedFindings, SeedRole } from './seed-rules.js';

export interface PlanStep {
  title: string;
  /** Why now, and what to look for before going on. */
  why: string;
  commands: string[];
  /** Set when the account shows the step already done. */
  done?: string;
  notes: string[];
}

/** The alarm's evaluation is 5-minute periods: the last one may end up to 5 min after the timeout. */
const ALARM_PERIOD_MINUTES = 5;

export function retirementPlan(findings: SeedFindings, region: string): PlanStep[] {
  const r = `--region ${region}`;
  const portal = findings.portal;
  const idleAlarm = portal?.idleAlarmName ?? '<IdleAlarmName output of the stack>';
  const idleMinutes = portal?.idleTimeoutMinutes ?? 30;
  const associateArns = new Set(findings.associateFunctions.map((f) => f.fn.arn));
  const alarmNames = findings.alarms.map((a) => quote(a.alarm.name)).join(' ');
  const steps: PlanStep[] = [];

  steps.push({
    title: 'Deploy this stack',
    why: 'The stack’s own idle alarm and sweep take over turning the VPN off; nothing of the hand-made setup is touched before they run.',
    commands: portal?.idleAlarmFound
      ? []
      : ['npm ci', 'npm run synth', 'cd infra && npx cdk deploy'],
    notes: portal
      ? portal.idleAlarmFound
        ? []
        : [
            `Functions ${portal.functionNames.join(', ')} exist, but no alarm invokes them: deploy again.`,
          ]
      : ['README, "Deploy to AWS", lists every setting; VPN_ENDPOINT_ID is this endpoint.'],
    ...(portal?.idleAlarmFound
      ? {
          done: `${portal.functionNames.join(', ')}, invoked by the idle alarm ${idleAlarm}`,
        }
      : {}),
  });

  // The stack names its idle alarm `<stackName>-idle` (infra/vpn-portal-stack.ts).
  const stackName = portal?.idleAlarmName?.replace(/-idle$/, '') ?? 'VpnPortal';
  steps.push({
    title: 'Check the portal’s health panel',
    why: 'Every check must be ok before the hand-made alarm is silenced: the DryRun calls prove the portal’s roles may associate and disassociate this endpoint’s subnets, and the idle alarm must point at auto-disconnect. Sign in as an administrator at the PortalUrl followed by admin (e.g. https://vpn.example.com/admin); the same checks answer GET /api/admin/health.',
    commands: [
      `aws cloudformation describe-stacks --stack-name ${stackName} ${r} --query "Stacks[0].Outputs[?OutputKey=='PortalUrl'].OutputValue" --output text   # the PortalUrl`,
      `aws cloudwatch describe-alarms --alarm-names ${quote(idleAlarm)} ${r} --query "MetricAlarms[0].[StateValue,ActionsEnabled,AlarmActions[0]]" --output text`,
    ],
    notes: [],
  });

  if (findings.alarms.length > 0) {
    const allDisabled = findings.alarms.every((a) => !a.alarm.actionsEnabled);
    steps.push({
      title: 'Silence the hand-made alarm, then watch one idle cycle',
      why: `While both alarms may act, the hand-made one turns the VPN off by its own rule, without the portal’s re-check: it counts the old function’s invocations, which the portal never makes, so it would end a VPN the portal promised to keep on. Disabling its actions keeps it (and its history) for a way back. Then leave the VPN unused for ${idleMinutes + ALARM_PERIOD_MINUTES} minutes (the idle timeout plus one ${ALARM_PERIOD_MINUTES}-minute alarm period) after the last person disconnects, and check that the stack's alarm removed the association.`,
      commands: [
        `aws cloudwatch disable-alarm-actions --alarm-names ${alarmNames} ${r}`,
        `aws ec2 describe-client-vpn-target-networks --client-vpn-endpoint-id ${findings.endpointId} ${r} --query "ClientVpnTargetNetworks[].[TargetNetworkId,Status.Code]" --output text   # nothing associated`,
        `aws cloudwatch describe-alarm-history --alarm-name ${quote(idleAlarm)} --history-item-type Action --max-records 5 ${r}`,
      ],
      notes: [`Way back: aws cloudwatch enable-alarm-actions --alarm-names ${alarmNames} ${r}`],
      ...(allDisabled ? { done: 'the hand-made alarms’ actions are already disabled' } : {}),
    });
    steps.push({
      title: 'Delete the hand-made alarm',
      why: 'Once the stack’s alarm has turned the VPN off by itself, the old one has nothing left to do.',
      commands: [`aws cloudwatch delete-alarms --alarm-names ${alarmNames} ${r}`],
      notes: [],
    });
  }

  const disassociateOnly = findings.disassociateFunctions.filter(
    (f) => !associateArns.has(f.fn.arn),
  );
  if (findings.disassociateFunctions.length > 0) {
    const topicCommands = findings.topics.flatMap(({ topic, otherSubscriptions }) =>
      otherSubscriptions.length === 0
        ? [`aws sns delete-topic --topic-arn ${topic.arn} ${r}`]
        : topic.subscriptions
            .filter((s) => !otherSubscriptions.includes(s))
            .map((s) => `aws sns unsubscribe --subscription-arn ${s.arn} ${r}`),
    );
    steps.push({
      title: 'Delete the hand-made disassociate function',
      why: 'Nothing invokes it any more. Its log group is kept unless you delete it too.',
      commands: [
        ...disassociateOnly
          .filter((f) => !f.fn.missing)
          .flatMap((f) => [
            `aws lambda delete-function --function-name ${f.fn.name} ${r}`,
            `aws logs delete-log-group --log-group-name /aws/lambda/${f.fn.name} ${r}   # optional: its history`,
          ]),
        ...topicCommands,
      ],
      notes: [
        ...findings.disassociateFunctions
          .filter((f) => associateArns.has(f.fn.arn))
          .map(
            (f) => `${f.fn.name} also answers behind the load balancer: it goes in the last step.`,
          ),
        ...findings.topics
          .filter((t) => t.otherSubscriptions.length > 0)
          .map(
            (t) =>
              `Topic ${t.topic.arn} has other subscribers: only the function's subscription goes.`,
          ),
      ],
    });
  }

  const [early, late] = partition(findings.roles, (role) => !role.usedByAssociate);
  if (early.length > 0) {
    steps.push({
      title: 'Delete the hand-made role (AmazonEC2FullAccess)',
      why: 'A role that may do anything in EC2 is the riskiest part of the hand-made setup; the stack’s roles allow only the Client VPN calls for this endpoint.',
      commands: early.flatMap(roleCommands),
      notes: early.flatMap(roleNotes),
    });
  }

  if (findings.associateFunctions.length > 0 || findings.listenerRules.length > 0) {
    steps.push(albStep(findings, r));
  }
  if (late.length > 0) {
    steps.push({
      title: 'Delete the hand-made role (AmazonEC2FullAccess)',
      why: 'The associate function used it too, so it goes once that function is gone. A role that may do anything in EC2 is the riskiest part of the hand-made setup; the stack’s roles allow only the Client VPN calls for this endpoint.',
      commands: late.flatMap(roleCommands),
      notes: late.flatMap(roleNotes),
    });
  }
  return steps;
}

function albStep(findings: SeedFindings, r: string): PlanStep {
  const commands: string[] = [];
  const notes: string[] = [];
  // A load balancer that goes takes its listeners and rules with it.
  const deleted = new Set(
    findings.loadBalancers.filter((lb) => lb.onlySeed).map((lb) => lb.loadBalancer.arn),
  );
  for (const { rule, listener, loadBalancer } of findings.listenerRules) {
    if (deleted.has(loadBalancer.arn)) continue;
    commands.push(
      `aws elbv2 delete-rule --rule-arn ${rule.arn} ${r}   # ${describeRule(rule, listener.port)}`,
    );
  }
  for (const lb of findings.loadBalancers) {
    if (lb.onlySeed) {
      if (lb.loadBalancer.deletionProtection) {
        commands.push(
          `aws elbv2 modify-load-balancer-attributes --load-balancer-arn ${lb.loadBalancer.arn} --attributes Key=deletion_protection.enabled,Value=false ${r}`,
        );
      }
      commands.push(
        `aws elbv2 delete-load-balancer --load-balancer-arn ${lb.loadBalancer.arn} ${r}`,
        `aws elbv2 wait load-balancers-deleted --load-balancer-arns ${lb.loadBalancer.arn} ${r}`,
      );
      notes.push(
        `A DNS record pointing at ${lb.loadBalancer.dnsName} (the old portal's address) should now point at the stack's PortalUrl, or go.`,
      );
    } else {
      notes.push(`Keep load balancer ${lb.loadBalancer.name}: ${lb.reasons.join('; ')}.`);
      for (const listener of lb.defaultListeners) {
        notes.push(
          `Listener ${listener.arn} (port ${listener.port}) forwards to the hand-made target group by default: give it another default first, e.g. aws elbv2 modify-listener --listener-arn ${listener.arn} --default-actions Type=fixed-response,FixedResponseConfig={StatusCode=404} ${r}`,
        );
      }
    }
  }
  for (const { targetGroup } of findings.targetGroups) {
    commands.push(`aws elbv2 delete-target-group --target-group-arn ${targetGroup.arn} ${r}`);
  }
  for (const { fn } of findings.associateFunctions.filter((f) => !f.fn.missing)) {
    commands.push(
      `aws lambda delete-function --function-name ${fn.name} ${r}`,
      `aws logs delete-log-group --log-group-name /aws/lambda/${fn.name} ${r}   # optional: its history`,
    );
  }
  return {
    title:
      'Remove the hand-made listener rule, target group and function (and the ALB if nothing else uses it)',
    why: 'Last, so the old address keeps working until employees use the portal. A target group cannot be deleted while a rule forwards to it, so the rule (or the whole load balancer) goes first.',
    commands,
    notes,
  };
}

/** IAM is global: its commands take no region. */
function roleCommands(role: SeedRole): string[] {
  const name = roleNameOf(role.role.arn);
  if (role.otherUsers.length > 0) return [];
  return [
    ...role.role.attachedPolicyArns.map(
      (arn) => `aws iam detach-role-policy --role-name ${name} --policy-arn ${arn}`,
    ),
    ...role.role.inlinePolicies.map(
      (policy) => `aws iam delete-role-policy --role-name ${name} --policy-name ${policy.name}`,
    ),
    `aws iam delete-role --role-name ${name}`,
  ];
}

function roleNotes(role: SeedRole): string[] {
  if (role.otherUsers.length === 0) return [];
  return [
    `Keep role ${role.role.name}: ${role.otherUsers.join(', ')} use it too.${role.hasEc2FullAccess ? ` Check whether they need AmazonEC2FullAccess before detaching it (aws iam detach-role-policy --role-name ${role.role.name} --policy-arn arn:aws:iam::aws:policy/AmazonEC2FullAccess).` : ''}`,
  ];
}

function describeRule(rule: { priority: string; conditions: string[] }, port: number): string {
  return `priority ${rule.priority} on port ${port}${rule.conditions.length > 0 ? `: ${rule.conditions.join(', ')}` : ''}`;
}

/** Alarm names may hold spaces: the shell must see each as one word. */
function quote(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
