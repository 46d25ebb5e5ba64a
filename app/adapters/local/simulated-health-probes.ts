import type { ClientVpnChangeAction } from '../../core/model/health.js';
import type {
  AlarmProbe,
  DryRunVerdict,
  EndpointProbe,
  HealthProbes,
  PermissionProbe,
  SubnetsProbe,
  TopicProbe,
  WebhookProbe,
} from '../../ports/health-probes.js';
import type { LocalIdleAlarm } from './local-idle-alarm.js';
import type { SimulatedCaller, SimulatedClientVpn } from './simulated-client-vpn.js';
import type { PermissionOperation } from './simulated-permissions.js';
import { UNAUTHORIZED_MESSAGE } from './simulated-permissions.js';

/** The account and VPC local mode pretends the endpoint lives in. */
const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_VPC_ID = 'vpc-0123456789abcdef0';

/** The "function" the local alarm evaluator invokes: local mode's events function. */
export function localEventsFunctionArn(region: string): string {
  return `arn:aws:lambda:${region}:${LOCAL_ACCOUNT}:function:local-events`;
}

/** The simulator's notification list stands in for the SNS topic. */
export function localTopicArn(region: string): string {
  return `arn:aws:sns:${region}:${LOCAL_ACCOUNT}:local-notices`;
}

export interface SimulatedHealthProbesOptions {
  vpn: SimulatedClientVpn;
  alarm: LocalIdleAlarm;
  region: string;
  subnetIds: readonly string[];
}

/**
 * The health checks' reads against local mode's simulated AWS: the endpoint is in one VPC,
 * each configured subnet in it and in a zone of its own, the alarm is the local one and its
 * action is the local events function, and notices go to the simulator's list.
 */
export class SimulatedHealthProbes implements HealthProbes {
  constructor(private readonly options: SimulatedHealthProbesOptions) {}

  async describeEndpoint(): Promise<EndpointProbe> {
    // As AWS: `available` while a target network is associated, else `pending-associate`.
    const associated = this.options.vpn
      .inspectAssociations()
      .some((association) => association.status === 'associated');
    return {
      outcome: 'found',
      state: associated ? 'available' : 'pending-associate',
      vpcId: LOCAL_VPC_ID,
    };
  }

  async describeSubnets(subnetIds: readonly string[]): Promise<SubnetsProbe> {
    const known = this.options.subnetIds;
    return {
      outcome: 'found',
      subnets: subnetIds
        .filter((subnetId) => known.includes(subnetId))
        .map((subnetId) => ({
          subnetId,
          vpcId: LOCAL_VPC_ID,
          availabilityZone: `${this.options.region}-${String.fromCharCode(97 + known.indexOf(subnetId))}`,
        })),
    };
  }

  async describeIdleAlarm(): Promise<AlarmProbe> {
    const state = this.options.alarm.state;
    return {
      outcome: 'found',
      state: state.value,
      stateSince: state.since,
      actionsEnabled: true,
      alarmActions: [localEventsFunctionArn(this.options.region)],
    };
  }

  async topic(): Promise<TopicProbe> {
    return { outcome: 'reachable', topicArn: localTopicArn(this.options.region) };
  }

  async webhook(): Promise<WebhookProbe> {
    return { outcome: 'off' };
  }
}

const OPERATION_OF: Record<ClientVpnChangeAction, PermissionOperation> = {
  AssociateClientVpnTargetNetwork: 'associate',
  DisassociateClientVpnTargetNetwork: 'disassociate',
  CreateClientVpnRoute: 'createRoute',
  TerminateClientVpnConnections: 'terminateConnection',
};

/** DryRun calls against the simulated endpoint, as one caller (one function's role). */
export class SimulatedPermissionProbe implements PermissionProbe {
  constructor(
    private readonly vpn: SimulatedClientVpn,
    private readonly caller: SimulatedCaller,
  ) {}

  async dryRun(action: ClientVpnChangeAction): Promise<DryRunVerdict> {
    return this.vpn.dryRun(OPERATION_OF[action], this.caller) === 'allowed'
      ? { outcome: 'allowed' }
      : {
          outcome: 'denied',
          aws: { code: 'UnauthorizedOperation', message: UNAUTHORIZED_MESSAGE },
        };
  }
}
