import type { StatusView } from '../core/model/status-view.js';

/** A status view in `state`; only the state differs between the views these tests store. */
export function statusViewIn(state: StatusView['state']): StatusView {
  return {
    state,
    associations:
      state === 'off'
        ? []
        : [
            {
              subnetId: 'subnet-0a1b2c3d4e5f60001',
              associationId: 'cvpn-assoc-0a1b2c3d4e5f60001',
              status: state === 'ready' ? 'associated' : 'associating',
            },
          ],
    activeConnections: state === 'ready' ? 2 : 0,
    lastActivityAt: state === 'off' ? null : '2026-03-02T08:55:00.000Z',
    autoDisconnectAt: null,
    idleTimeoutMinutes: 30,
    typicalStartSeconds: 300,
    startedAt: state === 'off' ? null : '2026-03-02T08:50:00.000Z',
    connectQueued: false,
    failure: null,
    quietEnds: [],
  };
}
