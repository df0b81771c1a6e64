// Fleet burn, credit, runway, connection state and refresh, always in view.
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../preload/format';
import { useVast } from '../app/vast-context';
import { isWebMode, logout } from '../bridge';
import { DemoBadge } from '../components/DemoBadge';
import { MoneySummary } from '../components/MoneySummary';
import { RefreshButton } from '../components/RefreshButton';
import { useLocale } from '../i18n/useLocale';

const CONNECTION_TONE = {
  idle: 'info',
  connecting: 'info',
  ok: 'success',
  offline: 'warning',
  rate_limited: 'warning',
  auth_failed: 'danger',
  no_key: 'neutral',
} as const;

export function Header() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { snapshot, settings } = useVast();
  const { status } = snapshot.connection;

  const signOut = async () => {
    await logout();
    window.location.reload();
  };

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('common.appName')}</h1>
        {snapshot.demo ? <DemoBadge /> : null}
      </div>
      <MoneySummary money={snapshot.money} lowRunwayHours={settings.lowRunwayHours} />
      <div className="header-tools">
        <span className={`connection tone-${CONNECTION_TONE[status]}`} data-connection={status}>
          <span className="dot" aria-hidden="true" />
          {t(`header.connection.${status}`)}
          {status === 'ok' && snapshot.updatedAt !== null ? (
            <span className="muted"> · {t('header.updated', { time: formatTime(snapshot.updatedAt, locale) })}</span>
          ) : null}
        </span>
        <RefreshButton withText />
        {isWebMode() ? (
          <button type="button" className="button ghost" onClick={() => void signOut()}>
            {t('header.logout')}
          </button>
        ) : null}
      </div>
    </header>
  );
}
