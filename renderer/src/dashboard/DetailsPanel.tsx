// Everything about one instance: how to reach it, what it runs, what its disk costs (and would
// save if destroyed after a snapshot), and every action, including Destroy behind a typed id.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatGpu, formatMoney, formatPercent, formatPerHour, formatPerMonth } from '../../../preload/format';
import type { Instance } from '../../../preload/models';
import { useActions } from '../app/actions-context';
import { useVast } from '../app/vast-context';
import { CopyButton } from '../components/CopyButton';
import { ElapsedText } from '../components/ElapsedText';
import { StateBadge } from '../components/StateBadge';
import { ToggleButton } from '../components/ToggleButton';
import { ActionError } from '../components/ActionError';
import { useLocale } from '../i18n/useLocale';
import { costWhilePaused, daysSince, destroySavingPerMonth, storagePerHour, storagePerMonth } from '../lib/costs';
import { isInFlight, sshCommand } from '../lib/instances';
import { DestroyDialog } from './DestroyDialog';
import { LabelDialog } from './LabelDialog';

/** Vast reboots a container that holds its GPU; a paused one has nothing to reboot. */
const REBOOTABLE = new Set(['running', 'crashed', 'frozen', 'starting']);

export function DetailsPanel({ instance, now, onClose }: { instance: Instance; now: number; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { settings } = useVast();
  const actions = useActions();
  const [dialog, setDialog] = useState<'label' | 'destroy' | null>(null);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const state = actions.stateOf(instance);
  const busy = actions.isBusy(instance) || isInFlight(state);
  const ssh = sshCommand(instance);
  const perMonth = storagePerMonth(instance);
  const perHour = storagePerHour(instance);
  const pausedCost = costWhilePaused(instance, now);
  const saving = destroySavingPerMonth(instance, now, settings.destroyHintDays);
  const { sizeGb, usedGb, utilFraction } = instance.disk;
  const none = t('common.none');

  // Keyboard and screen-reader users land in the panel they opened, not 1,000 rows above it.
  useEffect(() => {
    headingRef.current?.focus();
  }, [instance.id]);

  const close = () => {
    onClose();
    // Back to the row the panel was opened from, when it is on screen.
    document.querySelector<HTMLElement>(`tr[data-instance="${instance.id}"] .link-button`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // A dialog handles its own Escape (and stops it) before it gets here.
    if (event.key === 'Escape' && !dialog) close();
  };

  return (
    <aside className="details" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="details-head">
        <div>
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {instance.name}
          </h2>
          <p className="muted">
            #{instance.id} · {formatGpu(instance.gpu.name, instance.gpu.count)}
            {instance.location ? ` · ${instance.location}` : ''}
          </p>
        </div>
        <button type="button" className="button icon ghost" aria-label={t('details.close')} onClick={close}>
          ×
        </button>
      </div>
      <div className="details-state">
        <StateBadge state={state} />
        <span className="muted">
          <ElapsedText instance={instance} state={state} now={now} />
        </span>
        <span className="spacer" />
        <strong>{formatPerHour(instance.price.burnPerHour, locale)}</strong>
      </div>

      <div className="details-actions">
        <ToggleButton instance={instance} />
        <button
          type="button"
          className="button"
          disabled={busy || !REBOOTABLE.has(state)}
          onClick={() => void actions.run('reboot', instance)}
        >
          {state === 'rebooting' ? t('buttons.rebooting') : t('buttons.reboot')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setDialog('label')}>
          {t('buttons.editLabel')}
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={() => setDialog('destroy')}>
          {t('buttons.destroy')}
        </button>
      </div>
      <ActionError instanceId={instance.id} />

      {saving !== null && instance.pausedSince !== null ? (
        <p className="hint tone-warning">
          {t('details.destroyHint', { days: daysSince(instance.pausedSince, now), saving: formatPerMonth(saving, locale) })}
        </p>
      ) : null}

      <dl className="facts">
        <Fact label={t('details.ssh')}>
          {ssh ? (
            <span className="ssh">
              <code>{ssh}</code>
              <CopyButton text={ssh} what={t('details.ssh')} />
            </span>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('details.ports')}>
          {instance.ports.length ? (
            <ul className="ports">
              {instance.ports.map((port) => (
                <li key={`${port.container}-${port.hostPort ?? ''}`}>
                  <code>{port.container}</code> → <code>{`${port.hostIp ?? instance.publicIp ?? ''}:${port.hostPort ?? '?'}`}</code>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('details.image')}>{instance.image ? <code className="wrap">{instance.image}</code> : none}</Fact>
        <Fact label={t('details.status')}>{instance.statusMessage ?? none}</Fact>
        <Fact label={t('details.gpu')}>
          {instance.gpu.utilPercent === null ? none : formatPercent(instance.gpu.utilPercent, locale)}
          {instance.gpu.temperatureC === null ? '' : ` · ${Math.round(instance.gpu.temperatureC)} °C`}
        </Fact>
        <Fact label={t('details.disk')}>
          {sizeGb === null ? (
            none
          ) : (
            <>
              {usedGb === null ? t('details.diskSize', { size: Math.round(sizeGb) }) : t('details.diskUse', { used: usedGb.toFixed(1), size: Math.round(sizeGb) })}
              {utilFraction !== null ? (
                <meter className="disk-meter" min={0} max={1} low={0.8} high={0.95} optimum={0} value={utilFraction} aria-label={t('details.diskMeter')} />
              ) : null}
            </>
          )}
        </Fact>
        <Fact label={t('details.storage')}>
          {perHour === null && perMonth === null
            ? none
            : [perHour === null ? null : formatPerHour(perHour, locale), perMonth === null ? null : formatPerMonth(perMonth, locale)]
                .filter(Boolean)
                .join(' · ')}
        </Fact>
        {instance.pausedSince !== null && state === 'paused' ? (
          <>
            <Fact label={t('details.pausedSince')}>{formatDateTime(instance.pausedSince, locale)}</Fact>
            <Fact label={t('details.costSoFar')}>{pausedCost === null ? none : formatMoney(pausedCost, locale)}</Fact>
          </>
        ) : null}
        <Fact label={t('details.label')}>{instance.label ?? none}</Fact>
      </dl>

      {dialog === 'label' ? <LabelDialog instance={instance} onClose={() => setDialog(null)} /> : null}
      {dialog === 'destroy' ? <DestroyDialog instance={instance} onClose={() => setDialog(null)} onDestroyed={onClose} /> : null}
    </aside>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
