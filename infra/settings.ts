import { z } from 'zod';

/**
 * The operator's settings for the stack (README "Deploy to AWS"). Read from the CDK context
 * key `vpnPortal` (infra/cdk.json, or `-c vpnPortal='{…}'`) and validated at synth: a wrong
 * value stops synth with a message that names the setting.
 */
export const SETTINGS_CONTEXT_KEY = 'vpnPortal';

export class InfraSettingsError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Setting ${setting} ${problem}`);
    this.name = 'InfraSettingsError';
  }
}

const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), {
    message: `must look like ${prefix}-0123456789abcdef0`,
  });
const subnetId = id('subnet');
const cidr = z
  .string()
  .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/, { message: 'must be an IPv4 CIDR like 10.0.0.0/16' });
const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
    message: 'must be a host name like vpn.example.com',
  });
const price = z.number().finite().nonnegative({ message: 'must be a price in USD, 0 or more' });
const groupName = z.string().regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, {
  message: 'must be a Cognito group name (1–128 characters, no spaces)',
});

/** The retention periods CloudWatch Logs accepts. */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

const cognitoCreate = z.strictObject({
  mode: z.literal('create'),
  /** Hosted-UI prefix: https://<prefix>.auth.<region>.amazoncognito.com */
  domainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
    message: 'must be lowercase letters, digits and hyphens (the hosted-UI prefix)',
  }),
});
const cognitoImport = z.strictObject({
  mode: z.literal('import'),
  userPoolId: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, {
    message: 'must look like ap-northeast-2_AbCdEf123',
  }),
  /** The app client must have a secret, the code grant and the callback URL (README). */
  clientId: z.string().regex(/^[a-z0-9]{1,128}$/, { message: 'must be a Cognito app client id' }),
  /** A hosted-UI prefix (`my-prefix`) or a custom domain (`auth.example.com`). */
  domain: z.string().regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i, {
    message: 'must be a hosted-UI prefix or a custom domain name',
  }),
});

const schema = z
  .strictObject({
    stackName: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,100}$/, { message: 'must be a CloudFormation stack name' })
      .default('VpnPortal'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'must be like ap-northeast-2' }),
    account: z
      .string()
      .regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account id' })
      .optional(),
    vpcId: id('vpc'),
    endpointId: id('cvpn-endpoint'),
    targetSubnetIds: z
      .array(subnetId)
      .min(1, { message: 'must list at least one subnet' })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a subnet' }),
    extraRoutes: z
      .array(z.strictObject({ cidr, subnetId, description: z.string().max(255).optional() }))
      .default([]),
    idleTimeoutMinutes: z
      .number()
      .int({ message: 'must be a whole number of minutes' })
      .min(5, { message: 'must be at least 5' })
      .max(1440, { message: 'must be at most 1440 (one day)' })
      .refine((minutes) => minutes % 5 === 0, {
        message: 'must be a multiple of 5 (the idle alarm looks at 5-minute periods)',
      })
      .default(30),
    internetFacing: z.boolean().default(true),
    albSubnetIds: z
      .array(subnetId)
      .min(2, { message: 'must list at least two subnets in different AZs (an ALB needs two)' }),
    allowedCidrs: z.array(cidr).min(1).default(['0.0.0.0/0']),
    certificateArn: z.string().regex(/^arn:aws[\w-]*:acm:[\w-]+:\d{12}:certificate\/[\w-]+$/, {
      message: 'must be an ACM certificate ARN',
    }),
    domainName: hostname.optional(),
    cognito: z.discriminatedUnion('mode', [cognitoCreate, cognitoImport], {
      message: 'must be { "mode": "create", … } or { "mode": "import", … }',
    }),
    adminGroup: groupName.default('vpn-admins'),
    metricNamespace: z
      .string()
      .regex(/^[\w./#:-]{1,255}$/, { message: 'must be a CloudWatch namespace' })
      .default('VpnPortal'),
    prices: z
      .strictObject({
        associationHourUsd: price.default(0.1),
        connectionHourUsd: price.default(0.05),
      })
      .default({ associationHourUsd: 0.1, connectionHourUsd: 0.05 }),
    logRetentionDays: z
      .number()
      .int()
      .refine((days) => RETENTION_DAYS.includes(days), {
        message: `must be one of CloudWatch's retention periods (${RETENTION_DAYS.join(', ')})`,
      })
      .default(90),
    alarmEmail: z.email({ message: 'must be an e-mail address' }).optional(),
  })
  .superRefine((settings, ctx) => {
    settings.extraRoutes.forEach((route, index) => {
      if (!settings.targetSubnetIds.includes(route.subnetId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['extraRoutes', index, 'subnetId'],
          message: 'must be one of targetSubnetIds (a route targets an associated subnet)',
        });
      }
    });
    const certRegion = settings.certificateArn.split(':')[3];
    if (certRegion !== undefined && certRegion !== settings.region) {
      ctx.addIssue({
        code: 'custom',
        path: ['certificateArn'],
        message: `must be in the stack's region ${settings.region} (got ${certRegion})`,
      });
    }
  });

export type InfraSettings = z.output<typeof schema>;
export type InfraSettingsInput = z.input<typeof schema>;
export type CognitoSettings = InfraSettings['cognito'];

/** Validates the raw context value (an object, or a JSON string from `-c`). */
export function parseInfraSettings(raw: unknown): InfraSettings {
  let value = raw;
  if (value === undefined) {
    throw new InfraSettingsError(SETTINGS_CONTEXT_KEY, 'is missing from the CDK context');
  }
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new InfraSettingsError(SETTINGS_CONTEXT_KEY, 'is not valid JSON');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = (issue?.path ?? [])
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('');
    throw new InfraSettingsError(`${SETTINGS_CONTEXT_KEY}${path}`, explain(issue?.message));
  }
  return result.data;
}

function explain(message: string | undefined): string {
  if (message === undefined) return 'is invalid';
  if (/received undefined/.test(message)) return 'is required';
  if (/^(must|is) /.test(message)) return message;
  return `is invalid: ${message}`;
}

/** The host name Cognito's hosted UI answers on (COGNITO_DOMAIN for the portal's sign-out). */
export function cognitoHostedUiHost(cognito: CognitoSettings, region: string): string {
  const domain = cognito.mode === 'create' ? cognito.domainPrefix : cognito.domain;
  return domain.includes('.') ? domain : `${domain}.auth.${region}.amazoncognito.com`;
}
