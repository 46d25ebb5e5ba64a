import { useEffect, useMemo, useState } from 'preact/hooks';
import { SessionExpired } from '../api/client';
import { createPoller } from './poller';

export interface PolledModel<T> {
  data: T | null;
  /** The last read's failure, cleared by the next good read. */
  failure: unknown;
  refresh(): void;
  /** Shows an answer obtained elsewhere until the next read. */
  show(value: T): void;
}

/**
 * The latest answer of `load`, read again after `intervalFor(answer)` with the poller's
 * pause-while-hidden rules, while `enabled`; an expired sign-in stops it. A new `load`
 * (another client) starts a new poller.
 */
export function usePolled<T>(
  load: () => Promise<T>,
  intervalFor: (value: T) => number,
  enabled: boolean,
): PolledModel<T> {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const poller = useMemo(
    () =>
      createPoller<T>({
        load,
        intervalFor,
        onValue: (value) => {
          setData(value);
          setFailure(null);
        },
        onError: setFailure,
        isFatal: (error) => error instanceof SessionExpired,
      }),
    // The interval rule is a module-level function at every call site; the load is the client's.
    [load],
  );
  useEffect(() => {
    if (!enabled) return;
    poller.start();
    return () => poller.stop();
  }, [poller, enabled]);
  return { data, failure, refresh: poller.refresh, show: poller.push };
}
