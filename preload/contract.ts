// The one contract between main and every face (design.md, "One contract"): command names and
// channels, zod schemas for every argument and result, the events pushed to subscribers, and the
// `BridgeApi` type that `window.vast` implements — over IPC in Electron, over fetch + SSE in the
// browser. `main/commands.ts` serves this table; the IPC adapter and the HTTP server both use it.
// Pure: zod only, no Electron, no DOM, no Node.
import { z } from 'zod';
import {
  AccountSchema,
  ActionOutcomeSchema,
  ActionRecordSchema,
  ErrorCodeSchema,
  FleetSnapshotSchema,
  InstanceIdSchema,
  KeyCheckSchema,
  KeyStatusSchema,
  NoticeSchema,
  SettingsPatchSchema,
  SettingsSchema,
  type ErrorCode,
} from './models.js';

export * from './models.js';

/** Every command answers with this: errors are values at the edges, never thrown across them. */
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), code: ErrorCodeSchema, message: z.string() }),
  ]);
}

/** No argument. */
export const NoInput = z.undefined();

export const LabelInputSchema = z.object({
  id: InstanceIdSchema,
  label: z.string().max(1024, 'A label can be at most 1024 characters.'),
});

export const DestroyInputSchema = z.object({
  id: InstanceIdSchema,
  /** The instance id, typed by the user. Nothing is destroyed without it. */
  confirmation: z.string().max(32),
});

export const SnapshotInputSchema = z.object({
  id: InstanceIdSchema,
  repo: z.string().min(1).max(256).regex(/^[\w.-]+\/[\w.-]+(:[\w.-]+)?$/, 'Use the form user/repository.'),
  registry: z.string().min(1).max(256).optional(),
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
  pause: z.boolean().optional(),
});

export const BulkInputSchema = z.array(InstanceIdSchema).min(1).max(2000);
export const BulkOutcomeSchema = z.object({ outcomes: z.array(ActionOutcomeSchema) });
export type BulkOutcome = z.infer<typeof BulkOutcomeSchema>;

export const ApiKeyInputSchema = z
  .string()
  .trim()
  .min(8, 'That is too short to be a Vast API key.')
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'An API key has no spaces or special characters.');

export const ExternalUrlSchema = z
  .string()
  .url()
  .refine((url) => url.startsWith('https://'), 'Only https:// links open outside the app.');

/** Which part of the dashboard to open: an instance's details, Settings, or the action history. */
export const DashboardTargetSchema = z
  .object({
    instanceId: InstanceIdSchema.optional(),
    view: z.enum(['fleet', 'settings', 'history']).optional(),
  })
  .optional();
export type DashboardTarget = z.infer<typeof DashboardTargetSchema>;

/** The dashboard's URL hash for a target: `#instance/123`, `#settings`, `#history`, or none. */
export function dashboardHash(target: DashboardTarget): string {
  if (target?.instanceId !== undefined) return `#instance/${target.instanceId}`;
  if (target?.view === 'settings' || target?.view === 'history') return `#${target.view}`;
  return '';
}

export const LocalApiStatusSchema = z.object({
  enabled: z.boolean(),
  running: z.boolean(),
  url: z.string().nullable(),
  /** The login token for scripts; shown in Settings, regenerated on demand. */
  token: z.string().nullable(),
  error: z.string().nullable(),
});
export type LocalApiStatus = z.infer<typeof LocalApiStatusSchema>;

interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  channel: string;
  input: I;
  output: O;
  /** Served over IPC only: the browser bridge does it itself (or it makes no sense there). */
  ipcOnly?: boolean;
}

function command<I extends z.ZodType, O extends z.ZodType>(
  channel: `vast:${string}:${string}`,
  input: I,
  output: O,
  options: { ipcOnly?: boolean } = {},
): CommandSpec<I, O> {
  return { channel, input, output, ...options };
}

export const COMMANDS = {
  getSnapshot: command('vast:fleet:get', NoInput, FleetSnapshotSchema),
  refresh: command('vast:fleet:refresh', NoInput, FleetSnapshotSchema),
  pauseInstance: command('vast:instances:pause', InstanceIdSchema, ActionOutcomeSchema),
  resumeInstance: command('vast:instances:resume', InstanceIdSchema, ActionOutcomeSchema),
  rebootInstance: command('vast:instances:reboot', InstanceIdSchema, ActionOutcomeSchema),
  labelInstance: command('vast:instances:label', LabelInputSchema, ActionOutcomeSchema),
  destroyInstance: command('vast:instances:destroy', DestroyInputSchema, ActionOutcomeSchema),
  snapshotInstance: command('vast:instances:snapshot', SnapshotInputSchema, ActionOutcomeSchema),
  pauseInstances: command('vast:instances:pause-many', BulkInputSchema, BulkOutcomeSchema),
  resumeInstances: command('vast:instances:resume-many', BulkInputSchema, BulkOutcomeSchema),
  getAccount: command('vast:account:get', NoInput, AccountSchema.nullable()),
  getHistory: command('vast:history:get', NoInput, z.array(ActionRecordSchema)),
  getNotices: command('vast:notices:get', NoInput, z.array(NoticeSchema)),
  getSettings: command('vast:settings:get', NoInput, SettingsSchema),
  updateSettings: command('vast:settings:update', SettingsPatchSchema, SettingsSchema),
  getKeyStatus: command('vast:key:status', NoInput, KeyStatusSchema),
  testKey: command('vast:key:test', ApiKeyInputSchema, KeyCheckSchema),
  setKey: command('vast:key:set', ApiKeyInputSchema, KeyStatusSchema),
  clearKey: command('vast:key:clear', NoInput, KeyStatusSchema),
  startDemo: command('vast:demo:start', NoInput, KeyStatusSchema),
  stopDemo: command('vast:demo:stop', NoInput, KeyStatusSchema),
  getLocalApi: command('vast:local-api:get', NoInput, LocalApiStatusSchema),
  regenerateLocalApiToken: command('vast:local-api:regenerate', NoInput, LocalApiStatusSchema),
  openExternal: command('vast:shell:open-external', ExternalUrlSchema, z.null(), { ipcOnly: true }),
  openDashboard: command('vast:window:open-dashboard', DashboardTargetSchema, z.null(), { ipcOnly: true }),
} as const;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Pushed from main to subscribers. */
export const EVENTS = {
  fleetChanged: { channel: 'vast:fleet:changed', payload: FleetSnapshotSchema },
  notice: { channel: 'vast:notices:changed', payload: NoticeSchema },
  settingsChanged: { channel: 'vast:settings:changed', payload: SettingsSchema },
  historyChanged: { channel: 'vast:history:changed', payload: z.array(ActionRecordSchema) },
} as const;

export type EventName = keyof typeof EVENTS;
export type EventPayload<K extends EventName> = z.output<(typeof EVENTS)[K]['payload']>;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** `onFleetChanged`, `onNotice`, … */
export type SubscriptionName<K extends EventName = EventName> = `on${Capitalize<K>}`;
export function subscriptionName<K extends EventName>(event: K): SubscriptionName<K> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscriptionName<K>;
}

type CommandFunction<K extends CommandName> = CommandInput<K> extends undefined
  ? () => Promise<Result<CommandOutput<K>>>
  : (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;

/** What `window.vast` is: one function per command, one `onX(cb) => unsubscribe` per event. */
export type BridgeApi = { [K in CommandName]: CommandFunction<K> } & {
  [K in EventName as SubscriptionName<K>]: (callback: (payload: EventPayload<K>) => void) => () => void;
};

/** The HTTP path the browser bridge posts a command to. */
export function rpcPath(name: CommandName): string {
  return `/api/rpc/${name}`;
}
