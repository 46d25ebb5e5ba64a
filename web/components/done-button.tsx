import { useState } from 'preact/hooks';
import type { StatusBody } from '../../app/http/api-types';
import { ApiFailure } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { EndpointNameSuffix } from './endpoint-context';

interface DoneButtonProps {
  idleTimeoutMinutes: number;
  /** Sends the request and shows the status it answers (useStatus's `adopt`). */
  onDone: (request: () => Promise<StatusBody>) => Promise<void>;
  done: () => Promise<StatusBody>;
}

/**
 * "I'm done, turn it off" (issue 16). The portal refuses while someone else is connected or
 * asked within the idle time: the page then says how many (never who) and the VPN stays on.
 */
export function DoneButton({ idleTimeoutMinutes, onDone, done }: DoneButtonProps) {
  const { t, plural, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [othersUsing, setOthersUsing] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  const press = async () => {
    setBusy(true);
    setOthersUsing(null);
    setFailed(false);
    try {
      await onDone(done);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'others_using') {
        setOthersUsing(error.othersUsing ?? 1);
      } else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="done">
      <button type="button" class="button button-calm" disabled={busy} onClick={press}>
        {t('doneButton')}
        <EndpointNameSuffix />
      </button>
      <p class="fact done-note" role="status">
        {othersUsing !== null &&
          plural('othersUsing', othersUsing, {
            minutes: new Intl.NumberFormat(lang).format(idleTimeoutMinutes),
          })}
        {failed && t('errorGeneric')}
      </p>
    </div>
  );
}
