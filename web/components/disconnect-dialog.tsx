import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessageKey, toShownError } from '../api/error-message';
import { useI18n } from '../i18n/i18n';
import { useScopedId, useShownEndpoint } from './endpoint-context';

interface DisconnectDialogProps {
  open: boolean;
  activeConnections: number;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * A real modal <dialog>: the browser traps focus, Escape cancels, and focus returns to the
 * button that opened it. Cancel gets focus first so a stray tap or Enter does no harm.
 */
export function DisconnectDialog({
  open,
  activeConnections,
  onConfirm,
  onClose,
}: DisconnectDialogProps) {
  const { t } = useI18n();
  // One dialog per endpoint on the several-endpoints view (issue 18): its own ids and name.
  const endpoint = useShownEndpoint();
  const titleId = useScopedId('disconnect-title');
  const bodyId = useScopedId('disconnect-body');
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setFailure(null);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setFailure(t(errorMessageKey(toShownError(error).code)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={onClose}
    >
      <h2 id={titleId}>
        {endpoint && `${endpoint.name} · `}
        {t('disconnectConfirmTitle')}
      </h2>
      <p id={bodyId}>
        {activeConnections > 0
          ? t('disconnectConfirmBody', { count: activeConnections })
          : t('disconnectConfirmNobody')}
      </p>
      {failure && (
        <p class="dialog-error" role="alert">
          {failure}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" class="button" onClick={onClose} autofocus>
          {t('cancel')}
        </button>
        <button
          type="button"
          class="button button-danger"
          onClick={confirm}
          disabled={busy}
          aria-busy={busy}
        >
          {t('disconnectConfirm')}
        </button>
      </div>
    </dialog>
  );
}
