// Runs the Playwright suite when it exists; the e2e issue adds e2e/*.spec.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const specs = existsSync('e2e') ? readdirSync('e2e').filter((file) => file.endsWith('.spec.ts')) : [];
if (specs.length === 0) {
  console.log('e2e: no Playwright specs yet');
  process.exit(0);
}
const result = spawnSync('npx', ['playwright', 'test'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
