import { describe, expect, it } from 'vitest';
import { statusViewIn as view } from '../../testing/status-views.js';
import {
  endpointSnapshotsContract,
  statusSnapshotsContract,
} from '../contract/status-snapshots.contract.js';
import { InMemoryStatusSnapshots } from './in-memory-status-snapshots.js';

statusSnapshotsContract('InMemoryStatusSnapshots', () => new InMemoryStatusSnapshots());
endpointSnapshotsContract('InMemoryStatusSnapshots', async () => [
  new InMemoryStatusSnapshots(),
  new InMemoryStatusSnapshots(),
]);

describe('InMemoryStatusSnapshots', () => {
  it('hands out copies: changing what was read changes nothing stored', async () => {
    const store = new InMemoryStatusSnapshots();
    await store.publish(
      { view: view('ready'), readAt: new Date('2026-03-02T09:00:00Z') },
      'instance-a',
    );

    const read = await store.read();
    if (read.snapshot) read.snapshot.view.state = 'off';

    expect((await store.read()).snapshot?.view.state).toBe('ready');
  });
});
