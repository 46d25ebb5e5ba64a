import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StatusBody } from '../../app/http/api-types';
import { type EndpointClient, SessionExpired } from '../api/client';
import { measureSkew } from '../time/server-clock';
import { createPoller } from './poller';

export const fastPollMs = 2_500;
export const readyPollMs = 15_000;
export const idlePollMs = 30_000;

/** Fast while something is changing, slow while the VPN is settled. */
export function statusInterval(status: StatusBody): number {
  if (status.state === 'starting' || status.state === 'stopping' || status.connectQueued) {
    return fastPollMs;
  }
  return status.state === 'ready' ? readyPollMs : idlePollMs;
}

export interface StatusSnapshot {
  status: StatusBody;
  /** Server clock minus device clock, ms. */
  skewMs: number;
  /** Device time the answer arrived. */
  receivedAt: number;
}

async function timed(request: () => Promise<StatusBody>): Promise<StatusSnapshot> {
  const sentAt = Date.now();
  const status = await request();
  const receivedAt = Date.now();
  return { status, skewMs: measureSkew(status.serverTime, sentAt, receivedAt), receivedAt };
}

export interface StatusModel {
  snapshot: StatusSnapshot | null;
  /** The last poll failed (kept apart from `snapshot` so the last good state stays visible). */
  pollFailure: unknown;
  /** Asking for the VPN failed. */
  connectFailure: unknown;
  connecting: boolean;
  connect(): Promise<void>;
  retry(): void;
  /** Sends a request that answers with the status (disconnect) and shows its answer at once. */
  adopt(request: () => Promise<StatusBody>): Promise<void>;
}

export function useStatus(api: EndpointClient): StatusModel {
  const [snapshot, setSnapshot] = useState<StatusSnapshot | null>(null);
  const [pollFailure, setPollFailure] = useState<unknown>(null);
  const [connectFailure, setConnectFailure] = useState<unknown>(null);
  const [connecting, setConnecting] = useState(false);

  const poller = useMemo(
    () =>
      createPoller<StatusSnapshot>({
        load: () => timed(api.status),
        intervalFor: (s) => statusInterval(s.status),
        onValue: (s) => {
          setSnapshot(s);
          setPollFailure(null);
        },
        onError: setPollFailure,
        isFatal: (error) => error instanceof SessionExpired,
      }),
    [api],
  );

  useEffect(() => {
    poller.start();
    return () => poller.stop();
  }, [poller]);

  const adopt = async (request: () => Promise<StatusBody>) => {
    poller.push(await timed(request));
  };

  const connect = async () => {
    setConnecting(true);
    setConnectFailure(null);
    try {
      await adopt(api.connect);
    } catch (error) {
      setConnectFailure(error);
    } finally {
      setConnecting(false);
    }
  };

  const retry = () => {
    setConnectFailure(null);
    poller.refresh();
  };

  return { snapshot, pollFailure, connectFailure, connecting, connect, retry, adopt };
}
