import { useState } from 'preact/hooks';
import type { StatusBody } from '../../app/http/api-types';
import { formatClockTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { useScopedId, useShownEndpoint } from './endpoint-context';

const STEPS = [1, 2] as const;

interface KeepOnControlProps {
  keepOnMaxHours: number;
  keptOnUntil: string | null;
  onKeepOn: (request: () => Promise<StatusBody>) => Promise<void>;
  keepOn: (hours: number) => Promise<StatusBody>;
}

/** "Keep it on" +1 h / +2 h (issue 16); hidden when the deployment set the maximum to 0. */
export function KeepOnControl({
  keepOnMaxHours,
  keptOnUntil,
  onKeepOn,
  keepOn,
}: KeepOnControlProps) {
  const { t, lang } = useI18n();
  const endpoint = useShownEndpoint();
  const titleId = useScopedId('keep-on-title');
  // Under a card's name and state title the heading goes one level down (issue 18).
  const Heading = endpoint ? 'h4' : 'h2';
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (keepOnMaxHours <= 0) return null;
  const press = async (hours: number) => {
    setBusy(true);
    setFailed(false);
    try {
      await onKeepOn(() => keepOn(hours));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="keep-on" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('keepOnTitle')}</Heading>
      <p class="fact">{t('keepOnHint', { hours: keepOnMaxHours })}</p>
      <div class="keep-on-buttons">
        {STEPS.filter((hours) => hours <= keepOnMaxHours).map((hours) => (
          <button
            key={hours}
            type="button"
            class="button"
            disabled={busy}
            aria-label={t('keepOnAddLabel', { hours }) + (endpoint ? ` · ${endpoint.name}` : '')}
            onClick={() => press(hours)}
          >
            {t('keepOnAdd', { hours })}
          </button>
        ))}
      </div>
      <p class="fact kept-on" role="status">
        {keptOnUntil && t('keptOnUntil', { time: formatClockTime(lang, new Date(keptOnUntil)) })}
        {failed && t('keepOnHint', { hours: keepOnMaxHours })}
      </p>
    </section>
  );
}
