import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  firstEndpointOf,
  functionId,
  onlyResource,
  onSharedListener,
  type SynthResult,
  synthPortal,
} from '../test-support.js';
import { TURNED_ON_OR_OFF_QUERY } from './dashboard.js';

interface Widget {
  type: string;
  properties: {
    title?: string;
    markdown?: string;
    query?: string;
    alarms?: string[];
    annotations?: { alarms?: string[] };
    metrics?: unknown[][];
  };
}

let example: SynthResult;
let template: Template;
let widgets: Widget[];
// The first synth (cdk-nag included) loads aws-cdk-lib: slower than vitest's 10 s hook default.
beforeAll(() => {
  example = synthPortal();
  template = example.template;
  widgets = dashboardWidgets(template);
}, 60_000);

describe('dashboard', () => {
  it('is named after the stack', () => {
    onlyResource(template, 'AWS::CloudWatch::Dashboard', { DashboardName: 'VpnPortal' });
  });

  it('graphs active connections from AWS/ClientVPN for the endpoint', () => {
    expect(metrics(widgets)).toContainEqual([
      'AWS/ClientVPN',
      'ActiveConnectionsCount',
      'Endpoint',
      firstEndpointOf(example.settings).endpointId,
      expect.objectContaining({ stat: 'Maximum' }),
    ]);
  });

  it('graphs connect requests from the project’s namespace for the endpoint', () => {
    expect(metrics(synthWidgets({ metricNamespace: 'Acme/Vpn' }))).toContainEqual([
      'Acme/Vpn',
      'ConnectRequests',
      'Endpoint',
      firstEndpointOf(example.settings).endpointId,
      expect.objectContaining({ stat: 'Sum' }),
    ]);
  });

  it('graphs both functions’ errors and durations', () => {
    for (const handler of ['portal.handler', 'auto-disconnect.handler']) {
      const name = `Ref:${functionId(template, handler)}`;
      const found = metrics(widgets);
      expect(found).toContainEqual([
        'AWS/Lambda',
        'Errors',
        'FunctionName',
        name,
        expect.objectContaining({ stat: 'Sum' }),
      ]);
      for (const stat of ['p50', 'Maximum']) {
        expect(found).toContainEqual([
          'AWS/Lambda',
          'Duration',
          'FunctionName',
          name,
          expect.objectContaining({ stat }),
        ]);
      }
    }
  });

  it('shows the idle alarm’s state, and the activity it watches', () => {
    const idleAlarm = `GetAtt:${onlyResource(template, 'AWS::CloudWatch::Alarm', { AlarmName: 'VpnPortal-idle' })[0]}.Arn`;
    const status = widgets.find((widget) => widget.type === 'alarm');
    expect(status?.properties.alarms?.[0]).toBe(idleAlarm);
    expect(status?.properties.alarms).toHaveLength(4);
    expect(widgets.map((widget) => widget.properties.annotations?.alarms)).toContainEqual([
      idleAlarm,
    ]);
  });

  it('lists the VPN turning on and off from both functions’ own log groups', () => {
    const logs = widgets.find((widget) => widget.type === 'log');
    const groups = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(2);
    for (const group of groups) expect(logs?.properties.query).toContain(`SOURCE 'Ref:${group}'`);
    expect(logs?.properties.query).toContain(TURNED_ON_OR_OFF_QUERY.join('\n| '));
  });

  it('says why association state comes from logs, not a metric', () => {
    const text = widgets.find((widget) => widget.type === 'text');
    expect(text?.properties.markdown).toContain('AWS publishes no metric for the association');
  });

  it('is the same in a stack on a shared listener', () => {
    expect(synthWidgets(onSharedListener()).map((widget) => widget.type)).toEqual(
      widgets.map((widget) => widget.type),
    );
  });
});

function synthWidgets(overrides: Parameters<typeof synthPortal>[0]): Widget[] {
  return dashboardWidgets(synthPortal(overrides).template);
}

/**
 * The dashboard's widgets, with each deploy-time reference written as `Ref:<id>` or
 * `GetAtt:<id>.<attribute>` (they sit inside the body's JSON strings).
 */
function dashboardWidgets(template: Template): Widget[] {
  const [, dashboard] = onlyResource(template, 'AWS::CloudWatch::Dashboard');
  const body = dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1].map(referenceText).join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
}

function referenceText(part: unknown): string {
  if (typeof part === 'string') return part;
  const reference = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (reference.Ref !== undefined) return `Ref:${reference.Ref}`;
  if (reference['Fn::GetAtt']) return `GetAtt:${reference['Fn::GetAtt'].join('.')}`;
  throw new Error(`unexpected reference in the dashboard body: ${JSON.stringify(part)}`);
}

function metrics(found: Widget[]): unknown[][] {
  return found.flatMap((widget) => widget.properties.metrics ?? []);
}
