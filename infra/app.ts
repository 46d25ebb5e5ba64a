import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { SettingsError } from '../app/config/read-env.js';
import { ensureLambdaBuild } from './ensure-build.js';
import { parseInfraSettings, SETTINGS_CONTEXT_KEY } from './settings.js';
import { addVpnPortal } from './vpn-portal-app.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

try {
  const app = new App();
  const settings = parseInfraSettings(app.node.tryGetContext(SETTINGS_CONTEXT_KEY));
  addVpnPortal(app, settings, ensureLambdaBuild(repoRoot));
  app.synth();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  process.stderr.write(`${error.message}\nSee "Settings" under "Deploy to AWS" in README.md.\n`);
  process.exit(1);
}
