// The commands table: every operation the faces need, each validated against the contract's zod
// schema before the core sees it, each answering `{ok, data}` or `{ok:false, code, message}`.
// The IPC adapter (shell/) and the HTTP server (server/) both serve this one table.
import { z } from 'zod';
import {
  COMMANDS,
  type CommandName,
  type CommandOutput,
  type DashboardTarget,
  type ErrorCode,
  type LocalApiStatus,
  type Result,
} from '../preload/contract.js';
import type { AppCore } from './core/app-core.js';
import { CoreError } from './core/core-error.js';
import { VastError } from './vast/errors.js';

/** What only a face can do: open a browser, register login items, run the local server. */
export interface Platform {
  openExternal(url: string): Promise<void>;
  /** Shows the dashboard window, on an instance or a view when asked. */
  openDashboard?(target: DashboardTarget): Promise<void>;
  setLaunchAtLogin?(enabled: boolean): Promise<void>;
  localApi?: LocalApiPort;
}

export interface LocalApiPort {
  status(): Promise<LocalApiStatus>;
  regenerateToken(): Promise<LocalApiStatus>;
}

export type CommandHandler<K extends CommandName> = (input: unknown) => Promise<Result<CommandOutput<K>>>;
export type CommandHandlers = { [K in CommandName]: CommandHandler<K> };

type Implementations = { [K in CommandName]: (input: z.output<(typeof COMMANDS)[K]['input']>) => Promise<CommandOutput<K>> };

export function createCommands(core: AppCore, platform: Platform): CommandHandlers {
  const { fleet } = core;
  const localApi = (): LocalApiPort => {
    if (!platform.localApi) throw new CoreError('unavailable', 'The local API is not available here.');
    return platform.localApi;
  };

  const impl: Implementations = {
    getSnapshot: async () => fleet.snapshot(),
    refresh: async () => {
      await fleet.refresh();
      return fleet.snapshot();
    },
    pauseInstance: (id) => fleet.pause(id),
    resumeInstance: (id) => fleet.resume(id),
    rebootInstance: (id) => fleet.reboot(id),
    labelInstance: ({ id, label }) => fleet.label(id, label),
    destroyInstance: ({ id, confirmation }) => fleet.destroy(id, confirmation),
    snapshotInstance: ({ id, ...options }) => fleet.snapshotInstance(id, options),
    pauseInstances: async (ids) => ({ outcomes: await fleet.pauseMany(ids) }),
    resumeInstances: async (ids) => ({ outcomes: await fleet.resumeMany(ids) }),
    getAccount: async () => core.getAccount(),
    getHistory: async () => core.getHistory(),
    getNotices: async () => core.notices.recent(),
    getSettings: async () => core.settings.get(),
    updateSettings: async (patch) => {
      const before = core.settings.get();
      const after = await core.settings.update(patch);
      if (after.launchAtLogin !== before.launchAtLogin) await platform.setLaunchAtLogin?.(after.launchAtLogin);
      return after;
    },
    getKeyStatus: async () => core.keyStatus(),
    testKey: (key) => core.testKey(key),
    setKey: (key) => core.setKey(key),
    clearKey: () => core.clearKey(),
    startDemo: () => core.startDemo(),
    stopDemo: () => core.stopDemo(),
    getLocalApi: () => localApi().status(),
    regenerateLocalApiToken: () => localApi().regenerateToken(),
    openExternal: async (url) => {
      await platform.openExternal(url);
      return null;
    },
    openDashboard: async (target) => {
      if (!platform.openDashboard) throw new CoreError('unavailable', 'There is no dashboard window here.');
      await platform.openDashboard(target);
      return null;
    },
  };

  const handlers = {} as Record<CommandName, (input: unknown) => Promise<Result<unknown>>>;
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const spec = COMMANDS[name];
    const run = impl[name] as (input: unknown) => Promise<unknown>;
    handlers[name] = async (input) => {
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return { ok: false, code: 'invalid_input', message: describeZodError(parsed.error) };
      try {
        return { ok: true, data: await run(parsed.data) };
      } catch (error) {
        return errorResult(error, name);
      }
    };
  }
  return handlers as CommandHandlers;
}

/** Any error as a result value, with a stable code and a message fit for the user. */
export function errorResult(error: unknown, where: string): { ok: false; code: ErrorCode; message: string } {
  if (error instanceof CoreError || error instanceof VastError) return { ok: false, code: error.code, message: error.message };
  if (error instanceof z.ZodError) return { ok: false, code: 'invalid_input', message: describeZodError(error) };
  console.error(`[vast-tray] ${where} failed:`, error);
  return { ok: false, code: 'internal', message: 'Something unexpected went wrong. Please try again.' };
}

/** "id: Too small…" → one readable line per problem. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
