import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies `text`; "Copied" is announced through a live region next to the button. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = window.setTimeout(() => setStatus('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };

  return (
    <span className="copy">
      <button type="button" className="button small" aria-label={`${t('common.copy')}: ${what}`} onClick={() => void copy()}>
        {t('common.copy')}
      </button>
      <span role="status" className={status === 'failed' ? 'field-error' : 'muted'}>
        {status === 'copied' ? t('common.copied') : status === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
