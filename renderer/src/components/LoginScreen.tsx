// Browser dashboard only: the local API needs its token once, then a session cookie carries on.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loginWithToken } from '../bridge';
import { FieldError } from './FieldError';

export function LoginScreen({ onLoggedIn }: { onLoggedIn: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) return setError(t('login.empty'));
    setBusy(true);
    setError(null);
    const result = await loginWithToken(token.trim());
    setBusy(false);
    if (result.ok) return void (await onLoggedIn());
    setError(t(result.code === 'rate_limited' ? 'login.rateLimited' : result.code === 'network' ? 'errors.network' : 'login.wrong'));
  };

  return (
    <main className="screen-center">
      <form className="card narrow" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{t('login.title')}</h1>
        <p>{t('login.body')}</p>
        <label htmlFor={inputId}>{t('login.token')}</label>
        <input
          id={inputId}
          className="input"
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          value={token}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setToken(event.target.value)}
        />
        <FieldError id={errorId}>{error}</FieldError>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
