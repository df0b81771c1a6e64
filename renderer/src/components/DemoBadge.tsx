import { useTranslation } from 'react-i18next';

/** Demo data must never be mistaken for the user's real fleet. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge tone-warning demo-badge" title={t('common.demoHint')}>
      {t('common.demo')}
    </span>
  );
}
