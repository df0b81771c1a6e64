// The tray popover (360×480): what is running, what needs attention, what is paused, each with
// one Pause or Resume button; burn, credit and runway at the bottom.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGpu, formatPerHour } from '../../../preload/format';
import type { Instance } from '../../../preload/models';
import { ActionsProvider } from '../app/ActionsProvider';
import { useActions } from '../app/actions-context';
import { useNow } from '../app/useNow';
import { useVast } from '../app/vast-context';
import { VastProvider } from '../app/VastProvider';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { DashboardLink } from '../components/DashboardLink';
import { DemoBadge } from '../components/DemoBadge';
import { ElapsedText } from '../components/ElapsedText';
import { MoneySummary } from '../components/MoneySummary';
import { RefreshButton } from '../components/RefreshButton';
import { StateBadge } from '../components/StateBadge';
import { ToggleButton } from '../components/ToggleButton';
import { ActionError } from '../components/ActionError';
import { useLocale } from '../i18n/useLocale';
import { sectionOf, type Section } from '../lib/instances';

const SECTIONS: Section[] = ['running', 'attention', 'paused'];

export function PopoverApp() {
  return (
    <VastProvider>
      <ActionsProvider>
        <Popover />
      </ActionsProvider>
    </VastProvider>
  );
}

function Popover() {
  const { t } = useTranslation();
  const { snapshot, keyStatus, settings } = useVast();
  const actions = useActions();
  const noKey = !keyStatus.stored && !keyStatus.demo;

  const sections = useMemo(() => {
    const groups = new Map<Section, Instance[]>(SECTIONS.map((section) => [section, []]));
    for (const instance of snapshot.instances) groups.get(sectionOf(actions.stateOf(instance)))?.push(instance);
    // The most expensive first: that is where the money goes.
    for (const list of groups.values()) list.sort((a, b) => b.price.burnPerHour - a.price.burnPerHour || a.name.localeCompare(b.name));
    return groups;
  }, [snapshot.instances, actions]);

  return (
    <div className="popover">
      <header className="popover-header">
        <h1>{t('common.appName')}</h1>
        {snapshot.demo ? <DemoBadge /> : null}
        <span className="spacer" />
        <RefreshButton />
      </header>
      {noKey ? null : (
        <ConnectionBanner
          snapshot={snapshot}
          keyAction={
            <DashboardLink target={{ view: 'settings' }} className="button small">
              {t('banner.enterKey')}
            </DashboardLink>
          }
        />
      )}
      <main className="popover-list" aria-label={t('popover.listLabel')}>
        {noKey ? (
          <div className="empty">
            <p>{t('popover.noKey')}</p>
            <DashboardLink className="button primary">{t('popover.setUp')}</DashboardLink>
          </div>
        ) : snapshot.instances.length === 0 ? (
          snapshot.connection.status === 'ok' ? (
            <p className="empty">{t('fleet.empty')}</p>
          ) : null
        ) : (
          SECTIONS.map((section) => {
            const list = sections.get(section) ?? [];
            if (list.length === 0) return null;
            return (
              <section key={section} aria-labelledby={`section-${section}`} className="popover-section">
                <h2 id={`section-${section}`}>
                  {t(`popover.sections.${section}`)} <span className="count">{list.length}</span>
                </h2>
                <ul>
                  {list.map((instance) => (
                    <PopoverRow key={instance.id} instance={instance} />
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </main>
      <footer className="popover-footer">
        <MoneySummary money={snapshot.money} lowRunwayHours={settings.lowRunwayHours} />
        <DashboardLink className="button">{t('popover.openDashboard')}</DashboardLink>
      </footer>
    </div>
  );
}

function PopoverRow({ instance }: { instance: Instance }) {
  const locale = useLocale();
  const actions = useActions();
  const now = useNow();
  const state = actions.stateOf(instance);
  const gpu = formatGpu(instance.gpu.name, instance.gpu.count);
  // A crashed or offline row also says why, on a line of its own.
  const why = (state === 'crashed' || state === 'offline') && instance.statusMessage ? instance.statusMessage : null;
  return (
    <li className="prow" data-instance={instance.id}>
      <div className="prow-text">
        <div className="prow-title">
          <span className="prow-name" title={instance.name}>
            {instance.name}
          </span>
          <StateBadge state={state} />
        </div>
        <div className="prow-meta">
          <span>{instance.label ? gpu : `#${instance.id}`}</span>
          <span>{formatPerHour(instance.price.burnPerHour, locale)}</span>
          <span className="prow-elapsed">
            <ElapsedText instance={instance} state={state} now={now} />
          </span>
        </div>
      </div>
      <ToggleButton instance={instance} className="prow-button" />
      {why ? (
        <p className="prow-reason" title={why}>
          {why}
        </p>
      ) : null}
      <ActionError instanceId={instance.id} />
    </li>
  );
}
