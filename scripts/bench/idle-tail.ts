/**
 * Idle tail (issue 8): local mode's simulated endpoint, metrics and alarm on a frozen manual
 * clock, the idle alarm built from the stack's own definition (idleAlarmDefinition) and the
 * real auto-disconnect handler, driven as local mode drives them (scheduler tick after each
 * clock step). Measures the minutes from the last activity to the association being removed.
 */
import { ManualClock } from '../../app/adapters/local/manual-clock.js';
import { loadSettings } from '../../app/config/settings.js';
import { connect } from '../../app/core/connect.js';
import { createLocalSimulation } from '../../app/local-mode/local-simulation.js';
import { silentLogger } from '../../app/logging/logger.js';

const STEP_MS = 15_000; // the resolution of the figure: a quarter of a minute
const PERIOD_START = Date.parse('2026-03-02T09:00:00Z');
// Where in the alarm's 5-minute period the activity falls decides the tail: try the edges.
const OFFSETS_SECONDS = [0, 1, 150, 299];
const GIVE_UP_MINUTES = 180;

type Scenario = 'connect-only' | 'client-session';

async function tail(idleMinutes: number, scenario: Scenario, offsetSeconds: number) {
  const settings = loadSettings({ IDLE_TIMEOUT_MINUTES: String(idleMinutes) }, 'local');
  const clock = new ManualClock({
    start: new Date(PERIOD_START + offsetSeconds * 1000),
    runsInRealTime: false,
  });
  const local = createLocalSimulation({ settings, logger: silentLogger, clock });
  const { vpn } = local.simulation;
  const step = async (ms: number) => {
    clock.advance(ms);
    await local.simulation.afterAdvance();
  };

  // The employee taps Connect; the associations become ready a few simulated seconds later.
  await connect(local.deps, 'bench-employee');
  let lastActivity = clock.now().getTime();
  if (scenario === 'client-session') {
    // Someone uses the VPN for 25 minutes: the last activity is when they disconnect.
    while (vpn.inspectAssociations().some((a) => a.status !== 'associated')) await step(STEP_MS);
    const client = vpn.connectClient('bench-employee@example.com');
    for (let t = 0; t < 25 * 60_000; t += STEP_MS) await step(STEP_MS);
    vpn.disconnectClient(client.connectionId);
    lastActivity = clock.now().getTime();
  }

  const minutesSince = () => (clock.now().getTime() - lastActivity) / 60_000;
  let removingAt: number | null = null;
  while (minutesSince() < GIVE_UP_MINUTES) {
    await step(STEP_MS);
    const live = vpn.inspectAssociations();
    if (removingAt === null && live.every((a) => a.status === 'disassociating')) {
      removingAt = minutesSince();
    }
    if (live.length === 0) {
      return { removingAfterMinutes: removingAt, goneAfterMinutes: minutesSince() };
    }
  }
  return { removingAfterMinutes: removingAt, goneAfterMinutes: null };
}

const results = [];
for (const idleMinutes of [10, 30, 60]) {
  for (const scenario of ['connect-only', 'client-session'] as const) {
    for (const offsetSeconds of OFFSETS_SECONDS) {
      const measured = await tail(idleMinutes, scenario, offsetSeconds);
      results.push({ idleMinutes, scenario, offsetSeconds, ...measured });
    }
  }
}
process.stdout.write(`${JSON.stringify({ stepSeconds: STEP_MS / 1000, results })}\n`);
