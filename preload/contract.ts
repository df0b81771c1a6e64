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
import { COMMAND_CHANNELS, EVENT_CHANNELS, EVENT_NAMES, type CommandName, type EventName, type SubscriptionName } from './channels.js';

export * from './models.js';
export * from './channels.js';

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
  channel: string,
  input: I,
  output: O,
  options: { ipcOnly?: boolean } = {},
): CommandSpec<I, O> {
  return { channel, input, output, ...options };
}

export const COMMANDS = {
  getSnapshot: command(COMMAND_CHANNELS.getSnapshot, NoInput, FleetSnapshotSchema),
  refresh: command(COMMAND_CHANNELS.refresh, NoInput, FleetSnapshotSchema),
  pauseInstance: command(COMMAND_CHANNELS.pauseInstance, InstanceIdSchema, ActionOutcomeSchema),
  resumeInstance: command(COMMAND_CHANNELS.resumeInstance, InstanceIdSchema, ActionOutcomeSchema),
  rebootInstance: command(COMMAND_CHANNELS.rebootInstance, InstanceIdSchema, ActionOutcomeSchema),
  labelInstance: command(COMMAND_CHANNELS.labelInstance, LabelInputSchema, ActionOutcomeSchema),
  destroyInstance: command(COMMAND_CHANNELS.destroyInstance, DestroyInputSchema, ActionOutcomeSchema),
  snapshotInstance: command(COMMAND_CHANNELS.snapshotInstance, SnapshotInputSchema, ActionOutcomeSchema),
  pauseInstances: command(COMMAND_CHANNELS.pauseInstances, BulkInputSchema, BulkOutcomeSchema),
  resumeInstances: command(COMMAND_CHANNELS.resumeInstances, BulkInputSchema, BulkOutcomeSchema),
  getAccount: command(COMMAND_CHANNELS.getAccount, NoInput, AccountSchema.nullable()),
  getHistory: command(COMMAND_CHANNELS.getHistory, NoInput, z.array(ActionRecordSchema)),
  getNotices: command(COMMAND_CHANNELS.getNotices, NoInput, z.array(NoticeSchema)),
  getSettings: command(COMMAND_CHANNELS.getSettings, NoInput, SettingsSchema),
  updateSettings: command(COMMAND_CHANNELS.updateSettings, SettingsPatchSchema, SettingsSchema),
  getKeyStatus: command(COMMAND_CHANNELS.getKeyStatus, NoInput, KeyStatusSchema),
  testKey: command(COMMAND_CHANNELS.testKey, ApiKeyInputSchema, KeyCheckSchema),
  setKey: command(COMMAND_CHANNELS.setKey, ApiKeyInputSchema, KeyStatusSchema),
  clearKey: command(COMMAND_CHANNELS.clearKey, NoInput, KeyStatusSchema),
  startDemo: command(COMMAND_CHANNELS.startDemo, NoInput, KeyStatusSchema),
  stopDemo: command(COMMAND_CHANNELS.stopDemo, NoInput, KeyStatusSchema),
  getLocalApi: command(COMMAND_CHANNELS.getLocalApi, NoInput, LocalApiStatusSchema),
  regenerateLocalApiToken: command(COMMAND_CHANNELS.regenerateLocalApiToken, NoInput, LocalApiStatusSchema),
  openExternal: command(COMMAND_CHANNELS.openExternal, ExternalUrlSchema, z.null(), { ipcOnly: true }),
  openDashboard: command(COMMAND_CHANNELS.openDashboard, DashboardTargetSchema, z.null(), { ipcOnly: true }),
} as const satisfies Record<CommandName, CommandSpec<z.ZodType, z.ZodType>>;

export type Commands = typeof COMMANDS;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Commands[K]['output']>;


/** Pushed from main to subscribers. */
export const EVENTS = {
  fleetChanged: { channel: EVENT_CHANNELS.fleetChanged, payload: FleetSnapshotSchema },
  notice: { channel: EVENT_CHANNELS.notice, payload: NoticeSchema },
  settingsChanged: { channel: EVENT_CHANNELS.settingsChanged, payload: SettingsSchema },
  historyChanged: { channel: EVENT_CHANNELS.historyChanged, payload: z.array(ActionRecordSchema) },
} as const satisfies Record<EventName, { channel: string; payload: z.ZodType }>;

export type EventPayload<K extends EventName> = z.output<(typeof EVENTS)[K]['payload']>;

/** What a page sends on SUBSCRIBE_CHANNEL to start or stop receiving an event. */
export const SubscribeMessageSchema = z
  .object({ event: z.enum(EVENT_NAMES as [EventName, ...EventName[]]), subscribed: z.boolean() })
  .strict();

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
