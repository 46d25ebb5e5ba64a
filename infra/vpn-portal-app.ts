import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { InfraSettings } from './settings.js';
import { VpnPortalStack } from './vpn-portal-stack.js';

/**
 * Adds the stack and the cdk-nag AWS Solutions checks to an app: what `app.ts` synthesises
 * and what the cdk-nag test checks, so both see the same thing.
 */
export function addVpnPortal(app: App, settings: InfraSettings, lambdaCodeDir: string) {
  const stack = new VpnPortalStack(app, settings.stackName, {
    settings,
    lambdaCodeDir,
    env: { region: settings.region, ...(settings.account ? { account: settings.account } : {}) },
    description: 'VPN On Demand: associates the Client VPN endpoint only while people need it',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
