// Loads the fleet, settings and key status through the bridge, keeps them fresh through its
// subscriptions, and stands in with a loading, login or error screen until that works.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetSnapshot, KeyStatus, Settings, SettingsPatch } from '../../../preload/contract';
import { getBridge } from '../bridge';
import { LoginScreen } from '../components/LoginScreen';
import { applyLanguageSetting } from '../i18n/i18n';
import { VastContext, type VastData } from './vast-context';

type Phase =
  | { name: 'loading' }
  | { name: 'login' }
  | { name: 'error'; message: string }
  | { name: 'ready'; snapshot: FleetSnapshot; settings: Settings; keyStatus: KeyStatus };

type Ready = Extract<Phase, { name: 'ready' }>;

/** The first load: everything the screens need, or why it could not be had. */
async function fetchAll(): Promise<Phase> {
  const bridge = getBridge();
  const [snapshot, settings, keyStatus] = await Promise.all([bridge.getSnapshot(), bridge.getSettings(), bridge.getKeyStatus()]);
  if (!snapshot.ok || !settings.ok || !keyStatus.ok) {
    const failed = [snapshot, settings, keyStatus].find((result) => !result.ok);
    // In the browser dashboard every command needs the local API's login first.
    if (failed && !failed.ok && failed.code === 'unauthenticated') return { name: 'login' };
    return { name: 'error', message: failed && !failed.ok ? failed.message : '' };
  }
  applyLanguageSetting(settings.data.language);
  return { name: 'ready', snapshot: snapshot.data, settings: settings.data, keyStatus: keyStatus.data };
}

export function VastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  useEffect(() => {
    let live = true;
    void fetchAll().then((next) => live && setPhase(next));
    return () => {
      live = false;
    };
  }, []);

  const load = useCallback(async () => {
    setPhase({ name: 'loading' });
    setPhase(await fetchAll());
  }, []);

  // Subscribe only once logged in: in the browser an event stream opened before login is refused.
  const ready = phase.name === 'ready';
  useEffect(() => {
    if (!ready) return;
    const bridge = getBridge();
    const patch = (change: Partial<Ready>) =>
      setPhase((current) => (current.name === 'ready' ? { ...current, ...change } : current));
    const unsubscribe = [
      bridge.onFleetChanged((snapshot) => patch({ snapshot })),
      bridge.onSettingsChanged((settings) => {
        applyLanguageSetting(settings.language);
        patch({ settings });
      }),
    ];
    // A change may have happened between the first load and the subscription.
    void bridge.getSnapshot().then((result) => {
      if (result.ok) patch({ snapshot: result.data });
    });
    return () => unsubscribe.forEach((off) => off());
  }, [ready]);

  const setReady = useCallback((change: Partial<Ready>) => {
    setPhase((current) => (current.name === 'ready' ? { ...current, ...change } : current));
  }, []);

  // The key can change elsewhere (another window, the tray, the local API): when the fleet says
  // "no key" or leaves it, or switches in or out of the demo, ask for the key status again.
  const keyShape = phase.name === 'ready' ? `${phase.snapshot.connection.status === 'no_key'}|${phase.snapshot.demo}` : null;
  const previousKeyShape = useRef<string | null>(null);
  useEffect(() => {
    if (keyShape === null) return;
    if (previousKeyShape.current !== null && previousKeyShape.current !== keyShape) {
      void getBridge()
        .getKeyStatus()
        .then((result) => {
          if (result.ok) setReady({ keyStatus: result.data });
        });
    }
    previousKeyShape.current = keyShape;
  }, [keyShape, setReady]);

  const keyChanged = useCallback(
    async (keyStatus: KeyStatus) => {
      setReady({ keyStatus });
      const snapshot = await getBridge().refresh();
      if (snapshot.ok) setReady({ snapshot: snapshot.data });
    },
    [setReady],
  );

  const updateSettings = useCallback(
    async (change: SettingsPatch) => {
      const result = await getBridge().updateSettings(change);
      if (result.ok) {
        applyLanguageSetting(result.data.language);
        setReady({ settings: result.data });
      }
      return result;
    },
    [setReady],
  );

  const refresh = useCallback(async () => {
    const result = await getBridge().refresh();
    if (result.ok) setReady({ snapshot: result.data });
    return result;
  }, [setReady]);

  const value = useMemo<VastData | null>(
    () =>
      phase.name === 'ready'
        ? { snapshot: phase.snapshot, settings: phase.settings, keyStatus: phase.keyStatus, keyChanged, updateSettings, refresh }
        : null,
    [phase, keyChanged, updateSettings, refresh],
  );

  if (phase.name === 'loading') {
    return (
      <div className="screen-center" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('common.loading')}
      </div>
    );
  }
  if (phase.name === 'login') return <LoginScreen onLoggedIn={load} />;
  if (phase.name === 'error' || !value) {
    return (
      <div className="screen-center">
        <div className="card narrow" role="alert">
          <h1>{t('common.loadFailedTitle')}</h1>
          <p>{phase.name === 'error' && phase.message ? phase.message : t('common.loadFailed')}</p>
          <button type="button" className="button primary" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  return <VastContext.Provider value={value}>{children}</VastContext.Provider>;
}
