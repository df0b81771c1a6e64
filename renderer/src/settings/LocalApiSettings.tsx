// The local HTTP API (scripts and the browser dashboard): on/off, port, address and login token.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalApiStatus, SettingsPatch } from '../../../preload/contract';
import { describeError } from '../app/describe';
import { useVast } from '../app/vast-context';
import { getBridge, isWebMode } from '../bridge';
import { CopyButton } from '../components/CopyButton';
import { NumberField } from './NumberField';
import { FieldError } from '../components/FieldError';

export function LocalApiSettings({ save }: { save: (patch: SettingsPatch) => void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useVast();
  const [status, setStatus] = useState<LocalApiStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reveal, setReveal] = useState(false);
  const { enabled, port } = settings.localApi;

  // Ask again whenever the switch or the port changes: the server starts, stops or moves.
  useEffect(() => {
    let live = true;
    void getBridge()
      .getLocalApi()
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          setStatus(result.data);
          setError(null);
        } else setError(describeError(t, i18n.language, result.code, result.message));
      });
    return () => {
      live = false;
    };
  }, [enabled, port, t, i18n.language]);

  const regenerate = async () => {
    const result = await getBridge().regenerateLocalApiToken();
    if (result.ok) setStatus(result.data);
    else setError(describeError(t, i18n.language, result.code, result.message));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-local-api">
      <h3 id="settings-local-api">{t('settings.localApi.title')}</h3>
      <p className="muted">{t('settings.localApi.body')}</p>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(event) => save({ localApi: { enabled: event.target.checked } })} />
        {t('settings.localApi.enabled')}
      </label>
      {isWebMode() ? <p className="muted small">{t('settings.localApi.webNote')}</p> : null}
      <NumberField key={port} label={t('settings.localApi.port')} value={port} min={1024} max={65535} onCommit={(value) => save({ localApi: { port: value } })} />
      <FieldError>{error}</FieldError>
      {status ? (
        <dl className="facts">
          <div className="fact">
            <dt>{t('settings.localApi.status')}</dt>
            <dd>
              {status.running && status.url ? (
                <span className="ssh">
                  <code>{status.url}</code>
                  <CopyButton text={status.url} what={t('settings.localApi.address')} />
                </span>
              ) : (
                <span className={status.error ? 'warning-text' : 'muted'}>{status.error ?? t('settings.localApi.stopped')}</span>
              )}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('settings.localApi.token')}</dt>
            <dd>
              {status.token ? (
                <span className="ssh">
                  {reveal ? (
                    <code className="token">{status.token}</code>
                  ) : (
                    <code className="token">
                      <span aria-hidden="true">{'•'.repeat(16)}</span>
                      <span className="visually-hidden">{t('settings.localApi.tokenHidden')}</span>
                    </code>
                  )}
                  <button type="button" className="button small" aria-pressed={reveal} onClick={() => setReveal((value) => !value)}>
                    {reveal ? t('common.hide') : t('common.show')}
                  </button>
                  <CopyButton text={status.token} what={t('settings.localApi.token')} />
                  <button type="button" className="button small" onClick={() => void regenerate()}>
                    {t('settings.localApi.regenerate')}
                  </button>
                </span>
              ) : (
                <span className="muted">{t('settings.localApi.noToken')}</span>
              )}
            </dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}
