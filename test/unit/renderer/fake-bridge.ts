// A fake `window.vast`: every command a vi.fn answering from an in-memory state, and every
// subscription live, so a test can push fleet changes, notices and settings like main would.
import { vi, type Mock } from 'vitest';
import type { ActionOutcome, BridgeApi, FleetSnapshot, KeyStatus, Notice, Result, Settings, SettingsPatch } from '../../../preload/contract';
import { setBridge } from '../../../renderer/src/bridge';
import { settings as defaultSettings, snapshot as makeSnapshot, STORED_KEY } from './fixtures';

type Listener<T> = (payload: T) => void;

/** Settings patches are partial at every level, like main's settings store applies them. */
function merge(base: unknown, patch: unknown): unknown {
  if (typeof base !== 'object' || base === null || typeof patch !== 'object' || patch === null) return patch ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) out[key] = merge(out[key], value);
  return out;
}

export interface FakeBridge extends BridgeApi {
  state: { snapshot: FleetSnapshot; settings: Settings; keyStatus: KeyStatus };
  emitFleet(snapshot: FleetSnapshot): void;
  emitNotice(notice: Notice): void;
  emitSettings(settings: Settings): void;
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export function outcome(id: number, kind: ActionOutcome['kind'], status: ActionOutcome['status'] = 'done', patch: Partial<ActionOutcome> = {}): ActionOutcome {
  return { actionId: `a-${id}-${kind}`, instanceId: id, kind, status, code: null, message: `Instance ${id} ${kind}d`, ...patch };
}

/** A promise the test resolves when it chooses: "the command is still running". */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export function fakeBridge(initial: Partial<FakeBridge['state']> = {}): FakeBridge & Record<keyof BridgeApi, Mock> {
  const state = {
    snapshot: initial.snapshot ?? makeSnapshot([]),
    settings: initial.settings ?? defaultSettings(),
    keyStatus: initial.keyStatus ?? STORED_KEY,
  };
  const listeners = {
    fleet: new Set<Listener<FleetSnapshot>>(),
    notice: new Set<Listener<Notice>>(),
    settings: new Set<Listener<Settings>>(),
    history: new Set<Listener<never>>(),
  };
  const subscribe =
    <T>(set: Set<Listener<T>>) =>
    (callback: Listener<T>) => {
      set.add(callback);
      return () => set.delete(callback);
    };
  const act = (kind: ActionOutcome['kind']) => vi.fn(async (id: number) => ok(outcome(id, kind)));

  const bridge = {
    state,
    getSnapshot: vi.fn(async () => ok(state.snapshot)),
    refresh: vi.fn(async () => ok(state.snapshot)),
    pauseInstance: act('pause'),
    resumeInstance: act('resume'),
    rebootInstance: act('reboot'),
    labelInstance: vi.fn(async ({ id }: { id: number }) => ok(outcome(id, 'label'))),
    destroyInstance: vi.fn(async ({ id }: { id: number }) => ok(outcome(id, 'destroy'))),
    snapshotInstance: vi.fn(async ({ id }: { id: number }) => ok(outcome(id, 'snapshot'))),
    pauseInstances: vi.fn(async (ids: number[]) => ok({ outcomes: ids.map((id) => outcome(id, 'pause')) })),
    resumeInstances: vi.fn(async (ids: number[]) => ok({ outcomes: ids.map((id) => outcome(id, 'resume')) })),
    getAccount: vi.fn(async () => ok(state.snapshot.account)),
    getHistory: vi.fn(async () => ok([])),
    getNotices: vi.fn(async () => ok([])),
    getSettings: vi.fn(async () => ok(state.settings)),
    updateSettings: vi.fn(async (patch: SettingsPatch) => {
      state.settings = merge(state.settings, patch) as Settings;
      return ok(state.settings);
    }),
    getKeyStatus: vi.fn(async () => ok(state.keyStatus)),
    testKey: vi.fn(async () => ok({ valid: true, code: null, message: 'The key works. Signed in as ada.', account: null })),
    setKey: vi.fn(async (key: string) => {
      state.keyStatus = { stored: true, last4: key.slice(-4), backend: 'keychain', demo: false };
      return ok(state.keyStatus);
    }),
    clearKey: vi.fn(async () => {
      state.keyStatus = { stored: false, last4: null, backend: 'keychain', demo: false };
      return ok(state.keyStatus);
    }),
    startDemo: vi.fn(async () => {
      state.keyStatus = { stored: false, last4: null, backend: 'memory', demo: true };
      return ok(state.keyStatus);
    }),
    stopDemo: vi.fn(async () => ok({ ...state.keyStatus, demo: false })),
    getLocalApi: vi.fn(async () => ok({ enabled: true, running: true, url: 'http://127.0.0.1:8766', token: 'tok-123456789', error: null })),
    regenerateLocalApiToken: vi.fn(async () => ok({ enabled: true, running: true, url: 'http://127.0.0.1:8766', token: 'tok-NEW', error: null })),
    openExternal: vi.fn(async () => ok(null)),
    openDashboard: vi.fn(async () => ok(null)),
    onFleetChanged: vi.fn(subscribe(listeners.fleet)),
    onNotice: vi.fn(subscribe(listeners.notice)),
    onSettingsChanged: vi.fn(subscribe(listeners.settings)),
    onHistoryChanged: vi.fn(subscribe(listeners.history)),
    emitFleet(next: FleetSnapshot) {
      state.snapshot = next;
      for (const listener of listeners.fleet) listener(next);
    },
    emitNotice(notice: Notice) {
      for (const listener of listeners.notice) listener(notice);
    },
    emitSettings(next: Settings) {
      state.settings = next;
      for (const listener of listeners.settings) listener(next);
    },
  };
  return bridge;
}

/** Installs the fake as `window.vast` for the code under test. */
export function installBridge(initial: Partial<FakeBridge['state']> = {}) {
  const bridge = fakeBridge(initial);
  setBridge(bridge);
  return bridge;
}
