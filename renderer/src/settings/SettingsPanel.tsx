// Settings: key, refresh intervals, notifications, alerts, launch at login, local API, language.
// Every change goes to main at once (updateSettings); main answers with the settings now in force.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationToggles, Settings, SettingsPatch } from '../../../preload/models';
import { describeError } from '../app/describe';
import { useVast } from '../app/vast-context';
import { KeySettings } from './KeySettings';
import { LocalApiSettings } from './LocalApiSettings';
import { NumberField } from './NumberField';

const KINDS: (keyof NotificationToggles)[] = ['paused', 'resumed', 'queued', 'stillWaiting', 'failed', 'crashed', 'hostOffline', 'lowCredit', 'keyRejected'];

export function SettingsPanel() {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings } = useVast();
  // "Saved" is rendered, not stored as text: a language change re-words it at once.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; text: string } | null>(null);

  const save = (patch: SettingsPatch) => {
    setStatus(null);
    void updateSettings(patch).then((result) =>
      setStatus(result.ok ? { ok: true } : { ok: false, text: describeError(t, i18n.language, result.code, result.message) }),
    );
  };
  const { refresh, notifications } = settings;
  const seconds = t('settings.units.seconds');

  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <div className="settings-head">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <p className={status ? (status.ok ? 'field-ok' : 'field-error') : undefined} role="status">
          {status ? (status.ok ? t('settings.saved') : status.text) : null}
        </p>
      </div>

      <KeySettings />

      <section className="settings-section" aria-labelledby="settings-general">
        <h3 id="settings-general">{t('settings.general')}</h3>
        <div className="field">
          <label htmlFor="settings-language">{t('settings.language')}</label>
          <select
            id="settings-language"
            className="input"
            value={settings.language}
            onChange={(event) => save({ language: event.target.value as Settings['language'] })}
          >
            <option value="system">{t('settings.languageSystem')}</option>
            {/* Each language in its own words, whatever the UI speaks now. */}
            <option value="en" lang="en">
              English
            </option>
            <option value="pt-BR" lang="pt-BR">
              Português (Brasil)
            </option>
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={settings.launchAtLogin} onChange={(event) => save({ launchAtLogin: event.target.checked })} />
          {t('settings.launchAtLogin')}
        </label>
      </section>

      <section className="settings-section" aria-labelledby="settings-refresh">
        <h3 id="settings-refresh">{t('settings.refresh.title')}</h3>
        <p className="muted">{t('settings.refresh.body')}</p>
        <div className="field-grid">
          <NumberField key={`f${refresh.fastSeconds}`} label={t('settings.refresh.fast')} value={refresh.fastSeconds} min={2} max={60} unit={seconds} onCommit={(value) => save({ refresh: { fastSeconds: value } })} />
          <NumberField key={`n${refresh.normalSeconds}`} label={t('settings.refresh.normal')} value={refresh.normalSeconds} min={5} max={600} unit={seconds} onCommit={(value) => save({ refresh: { normalSeconds: value } })} />
          <NumberField key={`s${refresh.slowSeconds}`} label={t('settings.refresh.slow')} value={refresh.slowSeconds} min={15} max={3600} unit={seconds} onCommit={(value) => save({ refresh: { slowSeconds: value } })} />
        </div>
      </section>

      <section className="settings-section" aria-labelledby="settings-notifications">
        <h3 id="settings-notifications">{t('settings.notifications.title')}</h3>
        <label className="check">
          <input type="checkbox" checked={notifications.enabled} onChange={(event) => save({ notifications: { enabled: event.target.checked } })} />
          {t('settings.notifications.enabled')}
        </label>
        <fieldset className="check-grid" disabled={!notifications.enabled}>
          <legend className="visually-hidden">{t('settings.notifications.kindsLegend')}</legend>
          {KINDS.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={notifications.kinds[kind]}
                onChange={(event) => save({ notifications: { kinds: { [kind]: event.target.checked } } })}
              />
              {t(`settings.notifications.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="settings-section" aria-labelledby="settings-alerts">
        <h3 id="settings-alerts">{t('settings.alerts.title')}</h3>
        <div className="field-grid">
          <NumberField key={`c${settings.lowCreditDollars}`} label={t('settings.alerts.lowCredit')} value={settings.lowCreditDollars} min={0} max={100000} step={0.01} integer={false} unit="$" onCommit={(value) => save({ lowCreditDollars: value })} />
          <NumberField key={`r${settings.lowRunwayHours}`} label={t('settings.alerts.lowRunway')} value={settings.lowRunwayHours} min={0} max={10000} integer={false} unit={t('settings.units.hours')} onCommit={(value) => save({ lowRunwayHours: value })} />
          <NumberField key={`w${settings.stillWaitingMinutes}`} label={t('settings.alerts.stillWaiting')} value={settings.stillWaitingMinutes} min={1} max={1440} unit={t('settings.units.minutes')} onCommit={(value) => save({ stillWaitingMinutes: value })} />
          <NumberField key={`d${settings.destroyHintDays}`} label={t('settings.alerts.destroyHint')} value={settings.destroyHintDays} min={1} max={365} unit={t('settings.units.days')} onCommit={(value) => save({ destroyHintDays: value })} />
        </div>
      </section>

      <LocalApiSettings save={save} />
    </section>
  );
}
