// Nothing is destroyed without an explicit, typed confirmation (product.md, "Promises"). The
// dialog says the data goes with it, offers a snapshot first, and keeps its Destroy button
// disabled until the instance id has been typed exactly.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instance } from '../../../preload/models';
import { describeError } from '../app/describe';
import { getBridge } from '../bridge';
import { Modal } from '../components/Modal';
import { SnapshotForm } from './SnapshotForm';
import { FieldError } from '../components/FieldError';

interface Props {
  instance: Instance;
  onClose: () => void;
  onDestroyed: () => void;
}

export function DestroyDialog({ instance, onClose, onDestroyed }: Props) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [snapshot, setSnapshot] = useState(false);
  const confirmId = useId();
  const errorId = useId();
  const id = String(instance.id);
  const confirmed = typed.trim() === id;

  const destroy = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    const result = await getBridge().destroyInstance({ id: instance.id, confirmation: typed.trim() });
    setBusy(false);
    const outcome = result.ok ? result.data : null;
    if (outcome && outcome.status !== 'failed') {
      onClose();
      onDestroyed();
      return;
    }
    setError(describeError(t, i18n.language, outcome?.code ?? (result.ok ? null : result.code), outcome?.message ?? (result.ok ? '' : result.message)));
  };

  return (
    <Modal title={t('destroy.title', { name: instance.name })} onClose={onClose} tone="danger">
      <p className="warning-text">{t('destroy.warning')}</p>
      <p>{t('destroy.cost')}</p>

      <section className="snapshot-offer" aria-labelledby={`${confirmId}-snap`}>
        <h3 id={`${confirmId}-snap`}>{t('destroy.snapshot.title')}</h3>
        <p className="muted">{t('destroy.snapshot.body')}</p>
        {snapshot ? (
          <SnapshotForm instance={instance} />
        ) : (
          <button type="button" className="button" onClick={() => setSnapshot(true)}>
            {t('destroy.snapshot.open')}
          </button>
        )}
      </section>

      <form onSubmit={(event) => void destroy(event)} noValidate>
        <label htmlFor={confirmId}>{t('destroy.typeId', { id })}</label>
        <input
          id={confirmId}
          className="input mono"
          data-autofocus
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        <FieldError id={errorId}>{error}</FieldError>
        <div className="modal-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button danger" disabled={!confirmed || busy}>
            {busy ? t('destroy.busy') : t('destroy.confirm', { id })}
          </button>
        </div>
      </form>
    </Modal>
  );
}
