import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVast } from '../app/vast-context';
import { Icon } from './Icon';

/** Asks Vast now. Spins while the refresh runs; a failure shows in the connection banner. */
export function RefreshButton({ withText = false }: { withText?: boolean }) {
  const { t } = useTranslation();
  const { refresh } = useVast();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className={`button ${withText ? '' : 'icon'}`}
      aria-label={withText ? undefined : t('common.refresh')}
      title={t('common.refresh')}
      aria-busy={busy}
      disabled={busy}
      onClick={() => void run()}
    >
      <Icon name="refresh" spinning={busy} />
      {withText ? <span>{busy ? t('common.refreshing') : t('common.refresh')}</span> : null}
    </button>
  );
}
