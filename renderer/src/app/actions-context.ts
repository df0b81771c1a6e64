import { createContext, useContext } from 'react';
import type { DisplayState, Instance } from '../../../preload/models';

export type InstanceAction = 'pause' | 'resume' | 'reboot';

export interface ActionsApi {
  /** The state to show: the pending one from the moment of the click, else the core's. */
  stateOf: (instance: Instance) => DisplayState;
  /** Buttons are disabled while our action, or the core's, is pending. */
  isBusy: (instance: Instance) => boolean;
  /** The last failure for this instance, in words, until the next action. */
  errorOf: (id: number) => string | undefined;
  clearError: (id: number) => void;
  run: (kind: InstanceAction, instance: Instance) => Promise<void>;
  runMany: (kind: 'pause' | 'resume', instances: readonly Instance[]) => Promise<void>;
}

export const ActionsContext = createContext<ActionsApi | null>(null);

export function useActions(): ActionsApi {
  const value = useContext(ActionsContext);
  if (!value) throw new Error('useActions() outside <ActionsProvider>');
  return value;
}
