import { afterEach, describe, expect, it } from 'vitest';
import { WebhookNotifier } from '../adapters/aws/webhook-notifier.js';
import { createFanOutNotifier } from '../adapters/fan-out-notifier.js';
import { autoDisconnect } from '../core/auto-disconnect.js';
import { connect } from '../core/connect.js';
import { reconcile } from '../core/live-state.js';
import { type ChatService, startChatService } from '../testing/chat-service.js';
import { ASSOCIATE_MS, TEST_SUBNETS, testCoreDeps, testNotifier } from '../testing/core-deps.js';

let service: ChatService | null = null;

afterEach(async () => {
  await service?.close();
  service = null;
});

describe('a failing webhook beside a working channel', () => {
  it('never blocks the disconnect, and the other channel still gets the notice', async () => {
    service = await startChatService(503);
    const { url } = service;
    const other = testNotifier();
    const failures: string[] = [];
    const notifier = createFanOutNotifier(
      [
        { name: 'webhook', notifier: new WebhookNotifier({ url: async () => url }) },
        { name: 'sns', notifier: other },
      ],
      (channel, error) => failures.push(`${channel}: ${(error as Error).message}`),
    );
    const deps = { ...testCoreDeps(), notifier };
    await connect(deps, 'mina');
    deps.clock.advance(ASSOCIATE_MS);
    await reconcile(deps);
    deps.advanceMinutes(31);

    const result = await autoDisconnect(deps, 'alarm');

    expect(result.decision.action).toBe('disassociate');
    expect((await deps.simulator.describeAssociations()).map((a) => a.status)).toEqual(
      TEST_SUBNETS.map(() => 'disassociating'),
    );
    expect(other.sent.map((n) => n.kind)).toEqual(['auto-off']);
    expect(failures).toEqual(['webhook: Chat webhook answered HTTP 503.']);
  });
});
