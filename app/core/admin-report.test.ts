import { describe, expect, it } from 'vitest';
import { ASSOCIATE_MS, testCoreDeps } from '../testing/core-deps.js';
import { adminReport } from './admin-report.js';
import { autoDisconnect } from './auto-disconnect.js';
import { connect } from './connect.js';
import { reconcile } from './live-state.js';

describe('adminReport', () => {
  it('lists sessions newest first with their cost, live connections and the month so far', async () => {
    const deps = testCoreDeps();
    await connect(deps, 'mina');
    deps.advanceMinutes(60);
    await autoDisconnect(deps, 'sweep');
    deps.advanceMinutes(60);
    await connect(deps, 'kenji');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    deps.simulator.connectClient('kenji');
    deps.advanceMinutes(60);
    await reconcile(deps);

    const report = await adminReport(deps);
    expect(report.sessions.map((s) => [s.startedBy, s.endReason, s.costUsd])).toEqual([
      // 61 min × 2 subnets × $0.10 + 1 connection-hour × $0.05
      ['kenji', null, 0.25],
      ['mina', 'idle', 0.2],
    ]);
    expect(report.connections).toEqual([
      expect.objectContaining({ user: 'kenji', status: 'active' }),
    ]);
    expect(report.month).toMatchObject({
      since: '2026-03-01T00:00:00.000Z',
      associationHours: 4.03,
    });
    expect(report.month.alwaysOnCostUsd).toBeGreaterThan(report.month.costUsd);
  });
});
