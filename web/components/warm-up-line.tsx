import type { WarmUpNext } from '../../app/http/api-types';
import { useI18n } from '../i18n/i18n';
import { describeWarmUp, formatWarmUpAt, viewerTimeZone } from '../i18n/warm-up-format';

interface WarmUpLineProps {
  warmUp: WarmUpNext;
  /** The server's now (device clock corrected for skew), in ms. */
  now: number;
  /** For tests; the browser's zone otherwise. */
  viewerZone?: string;
}

/**
 * A quiet note under the Connect button while the VPN is off: when the schedule turns it on
 * by itself, and when that next happens. Muted and small, so Connect stays the one action.
 */
export function WarmUpLine({ warmUp, now, viewerZone = viewerTimeZone() }: WarmUpLineProps) {
  const i18n = useI18n();
  return (
    <p class="fact warm-up">
      <ClockIcon />
      <span>
        <span class="warm-up-rule">{describeWarmUp(i18n, warmUp, viewerZone)}</span>{' '}
        <span class="warm-up-next">
          {i18n.t('warmUpNext', {
            when: formatWarmUpAt(i18n.lang, warmUp.nextAt, now, viewerZone),
          })}
        </span>
      </span>
    </p>
  );
}

function ClockIcon() {
  return (
    <svg
      class="warm-up-icon"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </svg>
  );
}
