// The API key: only its last 4 characters are ever shown; replace it, remove it, or leave the demo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/describe';
import { useVast } from '../app/vast-context';
import { getBridge } from '../bridge';
import { Modal } from '../components/Modal';
import { KeyForm } from '../onboarding/KeyForm';
import { FieldError } from '../components/FieldError';

export function KeySettings() {
  const { t, i18n } = useTranslation();
  const { keyStatus, keyChanged, snapshot } = useVast();
  // Arriving here because Vast rejected the key ("Enter a new key"): the form is already open.
  const [replacing, setReplacing] = useState(snapshot.connection.status === 'auth_failed');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const run = async (command: 'clearKey' | 'stopDemo') => {
    setError(null);
    const result = await getBridge()[command]();
    setConfirmRemove(false);
    if (result.ok) await keyChanged(result.data);
    else setError(describeError(t, i18n.language, result.code, result.message));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-key">
      <h3 id="settings-key">{t('settings.key.title')}</h3>
      {keyStatus.demo ? (
        <>
          <p>{t('settings.key.demo')}</p>
          <button type="button" className="button" onClick={() => void run('stopDemo')}>
            {t('settings.key.leaveDemo')}
          </button>
        </>
      ) : keyStatus.stored ? (
        <>
          <p>
            {t('settings.key.stored', { last4: keyStatus.last4 ?? '????' })}{' '}
            <span className={keyStatus.backend === 'memory' ? 'warning-text' : 'muted'}>{t(`settings.key.backend.${keyStatus.backend}`)}</span>
          </p>
          {saved ? (
            <p className="field-ok" role="status">
              {t('settings.key.saved')}
            </p>
          ) : null}
          <div className="button-row">
            <button type="button" className="button" aria-expanded={replacing} onClick={() => setReplacing((value) => !value)}>
              {t('settings.key.replace')}
            </button>
            <button type="button" className="button danger-outline" onClick={() => setConfirmRemove(true)}>
              {t('settings.key.remove')}
            </button>
          </div>
        </>
      ) : null}
      {replacing || (!keyStatus.stored && !keyStatus.demo) ? (
        <KeyForm
          label={keyStatus.stored ? t('settings.key.newKey') : undefined}
          onSaved={async (status) => {
            setReplacing(false);
            setSaved(true);
            await keyChanged(status);
          }}
        />
      ) : null}
      <FieldError>{error}</FieldError>
      {confirmRemove ? (
        <Modal title={t('settings.key.removeTitle')} onClose={() => setConfirmRemove(false)}>
          <p>{t('settings.key.removeBody')}</p>
          <div className="modal-buttons">
            <button type="button" className="button" onClick={() => setConfirmRemove(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button danger" onClick={() => void run('clearKey')}>
              {t('settings.key.removeConfirm')}
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
