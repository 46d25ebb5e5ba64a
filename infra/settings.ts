import { idleTimeoutMinutesSchema } from '../app/config/idle-alarm-definition.js';
import { parseJson, SettingsError } from '../app/config/read-env.js';
import {
  adminGroupSchema,
  awsId,
  cidrSchema,
  clientIdSchema,
  endpointIdSchema,
  extraRoutesSchema,
  hostedUiHost,
  keepOnMaxHoursSchema,
  metricNamespaceSchema,
  openNextSchema,
  pattern,
  priceSchema,
  quietConnectionMinutesSchema,
  regionSchema,
  SETTING_DEFAULTS,
  subnetIdSchema,
  subnetIdsSchema,
  userPoolIdSchema,
} from '../app/config/setting-schemas.js';
import { z } from '../app/config/validation.js';
import {
  endpointSettingProblems,
  endpointsSetting,
  withEndpointList,
} from './endpoints-setting.js';
import { decideLoadBalancer, type LoadBalancerSettings } from './load-balancer-settings.js';
import {
  chatWebhookKmsKeyProblem,
  emailSchema,
  notificationsSetting,
} from './notification-settings.js';
import { sharedListenerSetting } from './shared-listener-settings.js';
import { warmUpSetting } from './warm-up-settings.js';

/**
 * The operator's settings for the stack (README "Deploy to AWS"). Read from the CDK context
 * key `vpnPortal` (infra/cdk.json, or `-c vpnPortal='{…}'`) and validated at synth: a wrong
 * value stops synth with a SettingsError that names the setting. Whatever the functions
 * read too is checked with the functions' own rules and defaults (app/config/setting-schemas.ts).
 */
export const SETTINGS_CONTEXT_KEY = 'vpnPortal';

const hostname = pattern(
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
  'must be a host name like vpn.example.com',
);
const atLeast = (count: number, error: string) => z.minLength(count, { error });

/** The retention periods CloudWatch Logs accepts. */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

const cognitoCreate = z.strictObject({
  mode: z.literal('create'),
  /** Hosted-UI prefix: https://<prefix>.auth.<region>.amazoncognito.com */
  domainPrefix: pattern(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be lowercase letters, digits and hyphens (the hosted-UI prefix)',
  ),
});
const cognitoImport = z.strictObject({
  mode: z.literal('import'),
  userPoolId: userPoolIdSchema,
  /** The app client must have a secret, the code grant and the callback URL (README). */
  clientId: clientIdSchema,
  /** A hosted-UI prefix (`my-prefix`) or a custom domain (`auth.example.com`). */
  domain: pattern(
    /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i,
    'must be a hosted-UI prefix or a custom domain name',
  ),
});

const schema = z
  .strictObject({
    stackName: z._default(
      pattern(/^[A-Za-z][A-Za-z0-9-]{0,100}$/, 'must be a CloudFormation stack name'),
      'VpnPortal',
    ),
    region: regionSchema,
    account: z.optional(pattern(/^\d{12}$/, 'must be a 12-digit AWS account id')),
    vpcId: awsId('vpc'),
    // Today's single endpoint: required unless `endpoints` lists the endpoints instead, and
    // then not allowed (endpointsProblems). Defaults are filled in by singleEndpoint().
    endpointId: z.optional(endpointIdSchema),
    targetSubnetIds: z.optional(subnetIdsSchema),
    extraRoutes: z.optional(extraRoutesSchema),
    idleTimeoutMinutes: z.optional(idleTimeoutMinutesSchema),
    quietConnectionMinutes: z.optional(quietConnectionMinutesSchema),
    endpoints: endpointsSetting,
    // The ALB the stack creates (the default): required or defaulted by decideLoadBalancer,
    // and refused beside sharedListener (load-balancer-settings.ts).
    internetFacing: z.optional(z.boolean()),
    albSubnetIds: z.optional(
      z
        .array(subnetIdSchema)
        .check(atLeast(2, 'must list at least two subnets in different AZs (an ALB needs two)')),
    ),
    allowedCidrs: z.optional(z.array(cidrSchema).check(atLeast(1, 'must list at least one CIDR'))),
    certificateArn: z.optional(
      pattern(
        /^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate\/[\w-]+$/,
        'must be an ACM certificate ARN',
      ),
    ),
    /** Issue 17: a rule on an existing HTTPS listener instead of a new ALB. */
    sharedListener: sharedListenerSetting,
    domainName: z.optional(hostname),
    cognito: z.discriminatedUnion('mode', [cognitoCreate, cognitoImport], {
      error: 'must be { "mode": "create", … } or { "mode": "import", … }',
    }),
    adminGroup: z._default(adminGroupSchema, SETTING_DEFAULTS.adminGroup),
    metricNamespace: z._default(metricNamespaceSchema, SETTING_DEFAULTS.metricNamespace),
    openNext: z._default(openNextSchema, { ...SETTING_DEFAULTS.openNext }),
    keepOnMaxHours: z._default(keepOnMaxHoursSchema, SETTING_DEFAULTS.keepOnMaxHours),
    prices: z._default(
      z.strictObject({
        associationHourUsd: z._default(priceSchema, SETTING_DEFAULTS.prices.associationHourUsd),
        connectionHourUsd: z._default(priceSchema, SETTING_DEFAULTS.prices.connectionHourUsd),
      }),
      { ...SETTING_DEFAULTS.prices },
    ),
    logRetentionDays: z._default(
      z.number().check(
        z.refine((days) => RETENTION_DAYS.includes(days), {
          error: `must be one of CloudWatch's retention periods (${RETENTION_DAYS.join(', ')})`,
        }),
      ),
      90,
    ),
    alarmEmail: z.optional(emailSchema),
    warmUp: warmUpSetting,
    notifications: notificationsSetting,
  })
  .check(
    z.superRefine((settings, ctx) => {
      for (const { path, message } of endpointSettingProblems(settings)) {
        ctx.addIssue({ code: 'custom', path, message });
      }
      const certRegion = settings.certificateArn?.split(':')[3];
      if (certRegion !== undefined && certRegion !== settings.region) {
        ctx.addIssue({
          code: 'custom',
          path: ['certificateArn'],
          message: `must be in the stack's region ${settings.region} (got ${certRegion})`,
        });
      }
      const loadBalancer = decideLoadBalancer(settings);
      if ('problems' in loadBalancer) {
        for (const problem of loadBalancer.problems) ctx.addIssue({ code: 'custom', ...problem });
      }
      const keyProblem = chatWebhookKmsKeyProblem(settings.notifications);
      if (keyProblem) {
        ctx.addIssue({
          code: 'custom',
          path: ['notifications', 'chatWebhookKmsKeyArn'],
          message: keyProblem,
        });
      }
    }),
  );

/** The endpoints always as a list (today's fields as a list of one): see endpoints-setting.ts. */
const normalizedSchema = z.pipe(schema, z.transform(withEndpointList));

export type InfraSettings = z.output<typeof normalizedSchema>;
export type InfraSettingsInput = z.input<typeof schema>;
export type CognitoSettings = InfraSettings['cognito'];

/** Validates the raw context value (an object, or a JSON string from `-c`). */
export function parseInfraSettings(raw: unknown): InfraSettings {
  if (raw === undefined) {
    throw new SettingsError(SETTINGS_CONTEXT_KEY, 'is missing from the CDK context');
  }
  const value = typeof raw === 'string' ? parseJson(SETTINGS_CONTEXT_KEY, raw) : raw;
  const result = normalizedSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SettingsError(
      `${SETTINGS_CONTEXT_KEY}${settingPath(issue?.path ?? [])}`,
      explain(issue?.message),
    );
  }
  return result.data;
}

/**
 * How employees reach the portal: a new ALB or a rule on an existing listener. Settings that
 * parseInfraSettings accepted always decide; anything else is named like a parse error.
 */
export function loadBalancerSettings(settings: InfraSettings): LoadBalancerSettings {
  const decided = decideLoadBalancer(settings);
  if ('settings' in decided) return decided.settings;
  const [problem] = decided.problems;
  throw new SettingsError(
    `${SETTINGS_CONTEXT_KEY}${settingPath(problem?.path ?? [])}`,
    problem?.message ?? 'is invalid',
  );
}

function settingPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

function explain(message: string | undefined): string {
  if (message === undefined) return 'is invalid';
  if (/received undefined/.test(message)) return 'is required';
  if (/^(must|is) /.test(message)) return message;
  return `is invalid: ${message}`;
}

/** The host name Cognito's hosted UI answers on (COGNITO_DOMAIN for the portal's sign-out). */
export function cognitoHostedUiHost(cognito: CognitoSettings, region: string): string {
  return hostedUiHost(cognito.mode === 'create' ? cognito.domainPrefix : cognito.domain, region);
}
