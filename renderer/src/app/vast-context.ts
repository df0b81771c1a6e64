// What every screen reads: the fleet, the settings and the key status, kept fresh by the bridge's
// subscriptions. Provided by <VastProvider> once the first load has succeeded.
import { createContext, useContext } from 'react';
import type { FleetSnapshot, KeyStatus, Result, Settings, SettingsPatch } from '../../../preload/contract';

export interface VastData {
  snapshot: FleetSnapshot;
  settings: Settings;
  keyStatus: KeyStatus;
  /** After setKey / clearKey / startDemo: the key status changes and the fleet is fetched again. */
  keyChanged: (status: KeyStatus) => Promise<void>;
  updateSettings: (patch: SettingsPatch) => Promise<Result<Settings>>;
  /** Asks Vast now instead of waiting for the next poll. */
  refresh: () => Promise<Result<FleetSnapshot>>;
}

export const VastContext = createContext<VastData | null>(null);

export function useVast(): VastData {
  const value = useContext(VastContext);
  if (!value) throw new Error('useVast() outside <VastProvider>');
  return value;
}
