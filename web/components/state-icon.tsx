import type { VpnState } from '../../app/core/model/vocabulary';

/** `outage`: the portal itself does not answer, whatever the VPN is doing. */
export type IconState = VpnState | 'outage';

/** Decorative: the heading says the same in words. Shapes differ so colour is never the only cue. */
const paths: Record<IconState, string> = {
  off: 'M12 3v8M7.05 6.05a7 7 0 1 0 9.9 0',
  starting: 'M12 4a8 8 0 1 1-8 8',
  ready: 'M6 12.5l4 4 8-9',
  stopping: 'M8 8h8v8H8z',
  error: 'M12 7v6M12 16.5v.5',
  outage: 'M19 12a7 7 0 1 1-2.05-4.95M19 4v3.5h-3.5',
};

export function StateIcon({ state }: { state: IconState }) {
  return (
    <span class={`state-icon state-icon-${state}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true">
        <path
          d={paths[state]}
          fill="none"
          stroke="currentColor"
          stroke-width="2.2"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      </svg>
    </span>
  );
}
