// Pause, resume and reboot with the pending state shown at click time. The core overlays the
// pending state on the snapshot too, but that arrives over IPC or SSE; the row must react within
// one frame, so we keep our own pending map from the click until the outcome.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionKind, ActionOutcome, Instance, Result } from '../../../preload/contract';
import { getBridge } from '../bridge';
import { PENDING_STATE } from '../lib/instances';
import { ActionsContext, type ActionsApi, type InstanceAction } from './actions-context';
import { describeError } from './describe';

export function ActionsProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<ReadonlyMap<number, ActionKind>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());

  const mark = useCallback((ids: readonly number[], kind: ActionKind | null) => {
    setPending((current) => {
      const next = new Map(current);
      for (const id of ids) {
        if (kind) next.set(id, kind);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const setError = useCallback((id: number, message: string | null) => {
    setErrors((current) => {
      if (message === null && !current.has(id)) return current;
      const next = new Map(current);
      if (message === null) next.delete(id);
      else next.set(id, message);
      return next;
    });
  }, []);

  /** A failed outcome (or a refused command) becomes a line under the row. */
  const settle = useCallback(
    (instance: Instance, kind: ActionKind, result: Result<ActionOutcome> | ActionOutcome) => {
      const outcome = 'ok' in result ? (result.ok ? result.data : { status: 'failed' as const, code: result.code, message: result.message }) : result;
      if (outcome.status !== 'failed') return;
      const reason = describeError(t, i18n.language, outcome.code, outcome.message);
      setError(instance.id, t('failure.action', { action: t(`action.${kind}`), name: instance.name, reason }));
    },
    [t, i18n.language, setError],
  );

  const run = useCallback(
    async (kind: InstanceAction, instance: Instance) => {
      mark([instance.id], kind);
      setError(instance.id, null);
      const bridge = getBridge();
      const call = kind === 'pause' ? bridge.pauseInstance : kind === 'resume' ? bridge.resumeInstance : bridge.rebootInstance;
      try {
        settle(instance, kind, await call(instance.id));
      } finally {
        mark([instance.id], null);
      }
    },
    [mark, setError, settle],
  );

  const runMany = useCallback(
    async (kind: 'pause' | 'resume', instances: readonly Instance[]) => {
      if (instances.length === 0) return;
      const ids = instances.map((instance) => instance.id);
      mark(ids, kind);
      ids.forEach((id) => setError(id, null));
      const bridge = getBridge();
      try {
        const result = await (kind === 'pause' ? bridge.pauseInstances(ids) : bridge.resumeInstances(ids));
        for (const instance of instances) {
          if (!result.ok) settle(instance, kind, result);
          else {
            const outcome = result.data.outcomes.find((o) => o.instanceId === instance.id);
            if (outcome) settle(instance, kind, outcome);
          }
        }
      } finally {
        mark(ids, null);
      }
    },
    [mark, setError, settle],
  );

  const value = useMemo<ActionsApi>(
    () => ({
      stateOf: (instance) => {
        const kind = pending.get(instance.id);
        return (kind && PENDING_STATE[kind]) || instance.state;
      },
      isBusy: (instance) => pending.has(instance.id) || instance.pending !== null,
      errorOf: (id) => errors.get(id),
      clearError: (id) => setError(id, null),
      run,
      runMany,
    }),
    [pending, errors, run, runMany, setError],
  );

  return <ActionsContext.Provider value={value}>{children}</ActionsContext.Provider>;
}
