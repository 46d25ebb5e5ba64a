/** What `npm run migrate-check` prints: what it found, why it thinks so, and what to do. */
import type { PlanStep } from './retirement-plan.js';
import type { SeedFindings } from './seed-rules.js';
import { somethingToRetire } from './seed-rules.js';

export function renderReport(findings: SeedFindings, plan: PlanStep[], region: string): string {
  const out: string[] = [
    `migrate-check: Client VPN endpoint ${findings.endpointId} in ${region}`,
    '',
  ];

  if (findings.portal) {
    out.push('This stack:');
    out.push(
      item(
        `Lambda functions ${findings.portal.functionNames.join(', ')} carry this endpoint's settings`,
        findings.portal.idleAlarmFound
          ? [`the idle alarm ${findings.portal.idleAlarmName} invokes them`]
          : [`no alarm invokes them yet (expected: ${findings.portal.idleAlarmName})`],
      ),
    );
  } else {
    out.push('This stack: not deployed for this endpoint (no function carries its settings).');
  }
  out.push('');

  if (!somethingToRetire(findings)) {
    out.push('The hand-made setup: nothing found. Nothing to retire.');
  } else {
    out.push('The hand-made setup (found by what it does, not by name):');
    for (const { alarm, reasons } of findings.alarms) {
      const state = `${alarm.stateValue}, actions ${alarm.actionsEnabled ? 'enabled' : 'disabled'}`;
      out.push(item(`CloudWatch alarm ${alarm.name} (${state})`, reasons));
    }
    for (const { fn, reasons } of findings.disassociateFunctions) {
      out.push(item(`Lambda function ${fn.name}: turns the VPN off`, reasons));
    }
    for (const { role, reasons } of findings.roles) {
      out.push(item(`IAM role ${role.name}`, reasons));
    }
    for (const { fn, reasons } of findings.associateFunctions) {
      out.push(
        item(`Lambda function ${fn.name}: turns the VPN on, behind a load balancer`, reasons),
      );
    }
    for (const { targetGroup, reasons } of findings.targetGroups) {
      out.push(item(`target group ${targetGroup.name}`, reasons));
    }
    for (const { rule, listener } of findings.listenerRules) {
      out.push(
        item(`listener rule priority ${rule.priority} (port ${listener.port})`, rule.conditions),
      );
    }
    for (const { loadBalancer, reasons } of findings.loadBalancers) {
      out.push(item(`load balancer ${loadBalancer.name} (${loadBalancer.dnsName})`, reasons));
    }
  }

  if (findings.leftAlone.length > 0) {
    out.push('', 'Seen and left alone:');
    for (const { what, why } of findings.leftAlone) out.push(item(what, [why]));
  }

  if (somethingToRetire(findings)) {
    out.push('', 'What to do, in this order (so that two alarms never fight):');
    plan.forEach((step, index) => {
      out.push('', `${index + 1}. ${step.title}${step.done ? `  [done: ${step.done}]` : ''}`);
      out.push(...wrap(step.why, '   '));
      for (const command of step.commands) out.push(`     $ ${command}`);
      for (const note of step.notes) out.push(...wrap(`Note: ${note}`, '   '));
    });
  }
  return `${out.join('\n')}\n`;
}

function item(title: string, reasons: readonly string[]): string {
  return [`  • ${title}`, ...reasons.map((reason) => `      - ${reason}`)].join('\n');
}

/** Terminal-width paragraphs; commands are never wrapped, so they paste as they are. */
function wrap(text: string, indent: string, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent + line);
  return lines;
}
