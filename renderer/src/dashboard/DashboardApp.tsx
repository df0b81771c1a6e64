// The dashboard window (and the browser dashboard at `/`): onboarding until there is a key, then
// the header, the instances / history / settings views and the notice toasts.
import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsProvider } from '../app/ActionsProvider';
import { useVast } from '../app/vast-context';
import { VastProvider } from '../app/VastProvider';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { NoticeToasts } from '../components/NoticeToasts';
import { Onboarding } from '../onboarding/Onboarding';
import { SettingsPanel } from '../settings/SettingsPanel';
import { FleetView } from './FleetView';
import { Header } from './Header';
import { HistoryPanel } from './HistoryPanel';
import { routeHash, useHashRoute, type Route } from './useHashRoute';

export function DashboardApp() {
  return (
    <VastProvider>
      <ActionsProvider>
        <Dashboard />
      </ActionsProvider>
    </VastProvider>
  );
}

const TABS: { route: Route; key: string }[] = [
  { route: { view: 'fleet', instanceId: null }, key: 'fleet' },
  { route: { view: 'history' }, key: 'history' },
  { route: { view: 'settings' }, key: 'settings' },
];

function Dashboard() {
  const { t } = useTranslation();
  const { snapshot, keyStatus } = useVast();
  const [route, navigate] = useHashRoute();
  const noKey = !keyStatus.stored && !keyStatus.demo;

  useEffect(() => {
    document.title = noKey ? t('onboarding.windowTitle') : t('common.appName');
  }, [noKey, t]);

  if (noKey) return <Onboarding />;

  const showInstance = (id: number | null) => navigate({ view: 'fleet', instanceId: id });
  const follow = (target: Route) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(target);
  };

  return (
    <div className="dashboard">
      <Header />
      <nav className="tabs" aria-label={t('dashboard.nav')}>
        {TABS.map(({ route: target, key }) => (
          <a key={key} href={routeHash(target)} aria-current={route.view === target.view ? 'page' : undefined} onClick={follow(target)}>
            {t(`dashboard.tabs.${key}`)}
          </a>
        ))}
      </nav>
      <ConnectionBanner
        snapshot={snapshot}
        keyAction={
          <a className="button small" href="#settings" onClick={follow({ view: 'settings' })}>
            {t('banner.enterKey')}
          </a>
        }
      />
      <main className="dashboard-main">
        {route.view === 'fleet' ? <FleetView openId={route.instanceId} onOpen={showInstance} /> : null}
        {route.view === 'history' ? <HistoryPanel onShowInstance={showInstance} /> : null}
        {route.view === 'settings' ? <SettingsPanel /> : null}
      </main>
      <NoticeToasts onShowInstance={showInstance} />
    </div>
  );
}
