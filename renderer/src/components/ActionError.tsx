// Why the last action on an instance failed, under its row, until the user dismisses it.
import { useTranslation } from 'react-i18next';
import { useActions } from '../app/actions-context';

export function ActionError({ instanceId }: { instanceId: number }) {
  const { t } = useTranslation();
  const actions = useActions();
  const error = actions.errorOf(instanceId);
  if (!error) return null;
  return (
    <div className="row-error" role="alert">
      <span>{error}</span>
      <button type="button" className="button small ghost" aria-label={t('common.dismiss')} onClick={() => actions.clearError(instanceId)}>
        ×
      </button>
    </div>
  );
}
