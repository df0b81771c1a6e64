import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instance } from '../../../preload/models';
import { describeError } from '../app/describe';
import { getBridge } from '../bridge';
import { Modal } from '../components/Modal';
import { FieldError } from '../components/FieldError';

/** Renames an instance on Vast. An empty label clears it (the name falls back to "GPU × n"). */
export function LabelDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState(instance.label ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await getBridge().labelInstance({ id: instance.id, label: label.trim() });
    setBusy(false);
    const outcome = result.ok ? result.data : null;
    if (outcome && outcome.status !== 'failed') return onClose();
    setError(describeError(t, i18n.language, outcome?.code ?? (result.ok ? null : result.code), outcome?.message ?? (result.ok ? '' : result.message)));
  };

  return (
    <Modal title={t('labelDialog.title', { name: instance.name })} onClose={onClose}>
      <form onSubmit={(event) => void save(event)}>
        <label htmlFor={inputId}>{t('labelDialog.field')}</label>
        <input
          id={inputId}
          className="input"
          data-autofocus
          maxLength={1024}
          value={label}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setLabel(event.target.value)}
        />
        <p className="muted small">{t('labelDialog.hint')}</p>
        <FieldError id={errorId}>{error}</FieldError>
        <div className="modal-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
