// First run, or after the key was removed: where to get a key, which scopes it needs, a field to
// paste it, and a way to look around on simulated data first.
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../app/describe';
import { useVast } from '../app/vast-context';
import { getBridge } from '../bridge';
import { KeyForm } from './KeyForm';
import { FieldError } from '../components/FieldError';

export const KEYS_URL = 'https://cloud.vast.ai/manage-keys/';
const SCOPES = ['instance_read', 'instance_write', 'user_read'] as const;

export function Onboarding() {
  const { t, i18n } = useTranslation();
  const { keyChanged } = useVast();
  const [demoBusy, setDemoBusy] = useState(false);
  const [demoError, setDemoError] = useState<string | null>(null);

  const openKeys = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void getBridge().openExternal(KEYS_URL);
  };

  const startDemo = async () => {
    setDemoBusy(true);
    setDemoError(null);
    const result = await getBridge().startDemo();
    setDemoBusy(false);
    if (result.ok) await keyChanged(result.data);
    else setDemoError(describeError(t, i18n.language, result.code, result.message));
  };

  return (
    <main className="onboarding">
      <div className="card wide">
        <h1>{t('onboarding.title')}</h1>
        <p className="lead">{t('onboarding.intro')}</p>
        <ol className="steps">
          <li>
            <h2>{t('onboarding.step1')}</h2>
            <p>
              {t('onboarding.createKey')}{' '}
              <a href={KEYS_URL} onClick={openKeys} rel="noreferrer">
                {t('onboarding.keysPage')}
              </a>
            </p>
            <p>{t('onboarding.scopesIntro')}</p>
            <ul className="scopes">
              {SCOPES.map((scope) => (
                <li key={scope}>
                  <code>{scope}</code> <span>{t(`onboarding.scopes.${scope}`)}</span>
                </li>
              ))}
            </ul>
          </li>
          <li>
            <h2>{t('onboarding.step2')}</h2>
            <KeyForm onSaved={keyChanged} />
            <p className="muted small">{t('onboarding.privacy')}</p>
          </li>
        </ol>
        <div className="demo-offer">
          <p>{t('onboarding.demoIntro')}</p>
          <button type="button" className="button" disabled={demoBusy} onClick={() => void startDemo()}>
            {t('onboarding.demo')}
          </button>
          <FieldError>{demoError}</FieldError>
        </div>
      </div>
    </main>
  );
}
