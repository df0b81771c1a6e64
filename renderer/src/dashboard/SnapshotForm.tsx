// "Take a snapshot first": Vast commits the container to a Docker image and pushes it to the
// user's registry. The registry password goes to main with the command and is not kept.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instance } from '../../../preload/models';
import { describeError } from '../app/describe';
import { getBridge } from '../bridge';

const REPO = /^[\w.-]+\/[\w.-]+(:[\w.-]+)?$/;

export function SnapshotForm({ instance }: { instance: Instance }) {
  const { t, i18n } = useTranslation();
  const [repo, setRepo] = useState('');
  const [registry, setRegistry] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const ids = useId();
  const repoRef = useRef<HTMLInputElement>(null);
  // The button that opened this form is gone: continue from the first field.
  useEffect(() => repoRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!REPO.test(repo.trim())) return setResult({ ok: false, text: t('destroy.snapshot.repoInvalid') });
    if (!username.trim() || !password) return setResult({ ok: false, text: t('destroy.snapshot.missing') });
    setBusy(true);
    setResult(null);
    const answer = await getBridge().snapshotInstance({
      id: instance.id,
      repo: repo.trim(),
      registry: registry.trim() || undefined,
      username: username.trim(),
      password,
    });
    setBusy(false);
    const outcome = answer.ok ? answer.data : null;
    if (outcome && outcome.status !== 'failed') {
      setPassword('');
      return setResult({ ok: true, text: `${t('outcome.snapshot', { id: instance.id })}. ${t('destroy.snapshot.wait')}` });
    }
    const code = outcome?.code ?? (answer.ok ? null : answer.code);
    setResult({ ok: false, text: describeError(t, i18n.language, code, outcome?.message ?? (answer.ok ? '' : answer.message)) });
  };

  return (
    // A <div> holding its own submit handler: forms cannot nest, and the destroy form follows.
    <div className="snapshot-form">
      <div className="field">
        <label htmlFor={`${ids}-repo`}>{t('destroy.snapshot.repo')}</label>
        <input ref={repoRef} id={`${ids}-repo`} className="input mono" placeholder="user/my-image:v1" value={repo} onChange={(e) => setRepo(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-registry`}>{t('destroy.snapshot.registry')}</label>
        <input id={`${ids}-registry`} className="input mono" placeholder="docker.io" value={registry} onChange={(e) => setRegistry(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-user`}>{t('destroy.snapshot.username')}</label>
        <input id={`${ids}-user`} className="input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-password`}>{t('destroy.snapshot.password')}</label>
        <input
          id={`${ids}-password`}
          className="input"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void submit(e);
          }}
        />
      </div>
      {result ? (
        <p className={result.ok ? 'field-ok' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      ) : null}
      <button type="button" className="button" disabled={busy} onClick={(e) => void submit(e)}>
        {busy ? t('destroy.snapshot.busy') : t('destroy.snapshot.submit')}
      </button>
    </div>
  );
}
