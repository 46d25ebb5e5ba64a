import {
  albArnOfListener,
  listenerArnParts,
  type SharedListenerSetting,
} from './shared-listener-settings.js';

/**
 * Which way employees reach the portal, decided once from the settings (issue 17): the stack
 * creates an ALB (the default, unchanged), or it adds a rule to an existing HTTPS listener
 * (`sharedListener`). Each way needs its own settings and ignores none silently: a setting
 * of the other way is an error, so nobody narrows `allowedCidrs` believing it guards a
 * shared ALB it never touches.
 */
export type LoadBalancerSettings =
  | {
      mode: 'create';
      internetFacing: boolean;
      subnetIds: string[];
      allowedCidrs: string[];
      certificateArn: string;
      /** The portal's host; without it the new ALB's DNS name is used. */
      domainName: string | undefined;
    }
  | {
      mode: 'shared';
      listenerArn: string;
      /** The existing load balancer's ARN, derived from the listener's (ALB_ARN). */
      albArn: string;
      /** The host name the rule matches and Cognito's callback URL names. */
      host: string;
      priority: number;
      /** Empty: every path of the host. */
      pathPatterns: string[];
    };

/** What the decision reads: the flat settings of both ways, as the operator wrote them. */
export interface LoadBalancerInput {
  region: string;
  account?: string | undefined;
  domainName?: string | undefined;
  internetFacing?: boolean | undefined;
  albSubnetIds?: string[] | undefined;
  allowedCidrs?: string[] | undefined;
  certificateArn?: string | undefined;
  sharedListener?: SharedListenerSetting | undefined;
}

export interface SettingProblem {
  path: (string | number)[];
  message: string;
}

export const DEFAULT_INTERNET_FACING = true;
export const DEFAULT_ALLOWED_CIDRS: readonly string[] = ['0.0.0.0/0'];

/** Only for the ALB the stack creates. */
const CREATE_ONLY = ['internetFacing', 'albSubnetIds', 'allowedCidrs', 'certificateArn'] as const;

const SHARED_REASONS: Record<(typeof CREATE_ONLY)[number], string> = {
  internetFacing: 'the existing ALB keeps its scheme',
  albSubnetIds: 'the existing ALB keeps its subnets',
  allowedCidrs: "the existing ALB's security group decides who may connect",
  certificateArn: 'add the certificate for domainName to the existing listener instead',
};

export function decideLoadBalancer(
  settings: LoadBalancerInput,
): { problems: SettingProblem[] } | { settings: LoadBalancerSettings } {
  const shared = settings.sharedListener;
  return shared ? sharedWay(settings, shared) : createdWay(settings);
}

function createdWay(settings: LoadBalancerInput) {
  const { albSubnetIds, certificateArn } = settings;
  const problems: SettingProblem[] = [];
  if (albSubnetIds === undefined) {
    problems.push(requiredUnlessShared('albSubnetIds', 'two subnets in different AZs'));
  }
  if (certificateArn === undefined) {
    problems.push(requiredUnlessShared('certificateArn', "the new listener's certificate"));
  }
  if (albSubnetIds === undefined || certificateArn === undefined) return { problems };
  return {
    settings: {
      mode: 'create' as const,
      internetFacing: settings.internetFacing ?? DEFAULT_INTERNET_FACING,
      subnetIds: albSubnetIds,
      allowedCidrs: settings.allowedCidrs ?? [...DEFAULT_ALLOWED_CIDRS],
      certificateArn,
      domainName: settings.domainName,
    },
  };
}

function sharedWay(settings: LoadBalancerInput, shared: SharedListenerSetting) {
  const problems: SettingProblem[] = CREATE_ONLY.filter((key) => settings[key] !== undefined).map(
    (key) => ({
      path: [key],
      message: `must be left out with sharedListener: ${SHARED_REASONS[key]}`,
    }),
  );
  const { region, account } = listenerArnParts(shared.listenerArn);
  if (region !== settings.region) {
    problems.push({
      path: ['sharedListener', 'listenerArn'],
      message: `must be in the stack's region ${settings.region} (got ${region})`,
    });
  }
  if (settings.account !== undefined && account !== settings.account) {
    problems.push({
      path: ['sharedListener', 'listenerArn'],
      message: `must be in the stack's account ${settings.account} (got ${account})`,
    });
  }
  const host = settings.domainName;
  if (host === undefined) {
    problems.push({
      path: ['domainName'],
      message:
        "is required with sharedListener: the listener rule matches this host, and Cognito's callback URL names it",
    });
  }
  if (problems.length > 0 || host === undefined) return { problems };
  return {
    settings: {
      mode: 'shared' as const,
      listenerArn: shared.listenerArn,
      albArn: albArnOfListener(shared.listenerArn),
      host,
      priority: shared.priority,
      pathPatterns: shared.pathPatterns ?? [],
    },
  };
}

function requiredUnlessShared(key: string, what: string): SettingProblem {
  return {
    path: [key],
    message: `is required (${what} for the ALB the stack creates), unless sharedListener is set`,
  };
}
