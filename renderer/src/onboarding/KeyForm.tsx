// Paste a Vast API key, check it against the API (the core explains a 401 or a 403 in the user's
// language), and store it in the keychain. Used by onboarding and by Settings → Replace.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '../../../preload/models';
import { describeError } from '../app/describe';
import { getBridge } from '../bridge';

export function KeyForm({ onSaved, label }: { onSaved: (status: KeyStatus) => Promise<void> | void; label?: string }) {
  const { t, i18n } = useTranslation();
  const [key, setKey] = useState('');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const inputId = useId();
  const messageId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = key.trim();
    if (!value) return setMessage({ ok: false, text: t('keyForm.empty') });
    setBusy(true);
    setMessage(null);
    const bridge = getBridge();
    try {
      const check = await bridge.testKey(value);
      if (!check.ok) return setMessage({ ok: false, text: describeError(t, i18n.language, check.code, check.message) });
      // The core's message already says what a 401 or 403 means, in the user's language.
      if (!check.data.valid) return setMessage({ ok: false, text: check.data.message });
      setMessage({ ok: true, text: check.data.message });
      const saved = await bridge.setKey(value);
      if (!saved.ok) return setMessage({ ok: false, text: describeError(t, i18n.language, saved.code, saved.message) });
      setKey('');
      await onSaved(saved.data);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="key-form" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor={inputId}>{label ?? t('keyForm.label')}</label>
      <div className="input-row">
        <input
          id={inputId}
          className="input mono"
          type={reveal ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          value={key}
          aria-invalid={message && !message.ok ? true : undefined}
          aria-describedby={`${hintId}${message ? ` ${messageId}` : ''}`}
          onChange={(event) => setKey(event.target.value)}
        />
        <button type="button" className="button" aria-pressed={reveal} onClick={() => setReveal((value) => !value)}>
          {reveal ? t('common.hide') : t('common.show')}
        </button>
      </div>
      <p id={hintId} className="muted small">
        {t('keyForm.hint')}
      </p>
      {message ? (
        <p id={messageId} className={message.ok ? 'field-ok' : 'field-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('keyForm.checking') : t('keyForm.submit')}
      </button>
    </form>
  );
}
