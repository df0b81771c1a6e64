// The domain vocabulary every runtime shares: main (core, server, shell), preload and the renderer.
// Pure zod schemas and their inferred types; no Node, no DOM, no Electron here.
import { z } from 'zod';

export const InstanceIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export type InstanceId = z.infer<typeof InstanceIdSchema>;

/** What the user sees for an instance (product.md, "Display states"). */
export const DISPLAY_STATES = [
  'running',
  'starting',
  'scheduling',
  'pausing',
  'resuming',
  'paused',
  'crashed',
  'rebooting',
  'frozen',
  'offline',
  'unknown',
] as const;
export const DisplayStateSchema = z.enum(DISPLAY_STATES);
export type DisplayState = z.infer<typeof DisplayStateSchema>;

export const ACTION_KINDS = ['pause', 'resume', 'reboot', 'label', 'destroy', 'snapshot'] as const;
export const ActionKindSchema = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof ActionKindSchema>;

export const PortMappingSchema = z.object({
  container: z.string(),
  hostIp: z.string().nullable(),
  hostPort: z.number().int().nullable(),
});
export type PortMapping = z.infer<typeof PortMappingSchema>;

export const PendingActionSchema = z.object({
  kind: ActionKindSchema,
  since: z.number(),
});
export type PendingAction = z.infer<typeof PendingActionSchema>;

export const InstanceSchema = z.object({
  id: InstanceIdSchema,
  /** Label, else "RTX 4090 × 2". */
  name: z.string(),
  label: z.string().nullable(),
  state: DisplayStateSchema,
  vast: z.object({
    actual: z.string().nullable(),
    intended: z.string().nullable(),
    cur: z.string().nullable(),
    next: z.string().nullable(),
  }),
  gpu: z.object({
    name: z.string().nullable(),
    count: z.number().int().nonnegative(),
    utilPercent: z.number().nullable(),
    temperatureC: z.number().nullable(),
    memoryMb: z.number().nullable(),
  }),
  price: z.object({
    /** `dph_total`: the running price, even while paused. */
    runningPerHour: z.number().nullable(),
    /** `storage_total_cost`: what the disk costs per hour, paused or not. */
    storagePerHour: z.number().nullable(),
    /** `storage_cost`: $/GB/month, not per hour. */
    storagePerGbMonth: z.number().nullable(),
    /** What this instance costs right now, given its state. */
    burnPerHour: z.number(),
  }),
  /** Epoch ms of the rental start (not of the last resume). */
  startedAt: z.number().nullable(),
  endsAt: z.number().nullable(),
  uptimeMinutes: z.number().nullable(),
  /** Epoch ms since when the core has seen it paused; null when unknown or not paused. */
  pausedSince: z.number().nullable(),
  /** Epoch ms since when a resume has been waiting for a GPU. */
  waitingSince: z.number().nullable(),
  ssh: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  publicIp: z.string().nullable(),
  ports: z.array(PortMappingSchema),
  image: z.string().nullable(),
  statusMessage: z.string().nullable(),
  disk: z.object({
    sizeGb: z.number().nullable(),
    usedGb: z.number().nullable(),
    utilFraction: z.number().nullable(),
  }),
  location: z.string().nullable(),
  pending: PendingActionSchema.nullable(),
});
export type Instance = z.infer<typeof InstanceSchema>;

export const AccountSchema = z.object({
  credit: z.number().nullable(),
  email: z.string().nullable(),
  username: z.string().nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

export const CONNECTION_STATUSES = [
  'idle',
  'connecting',
  'ok',
  'offline',
  'rate_limited',
  'auth_failed',
  'no_key',
] as const;
export const ConnectionSchema = z.object({
  status: z.enum(CONNECTION_STATUSES),
  /** Why we are not ok, in words the user can act on. */
  message: z.string().nullable(),
  since: z.number(),
  nextRetryAt: z.number().nullable(),
});
export type Connection = z.infer<typeof ConnectionSchema>;
export type ConnectionStatus = Connection['status'];

export const FleetMoneySchema = z.object({
  burnPerHour: z.number(),
  runningPerHour: z.number(),
  storagePerHour: z.number(),
  credit: z.number().nullable(),
  /** credit / burn; null when either is unknown or nothing burns. */
  runwayHours: z.number().nullable(),
  counts: z.object({
    total: z.number().int(),
    running: z.number().int(),
    paused: z.number().int(),
    attention: z.number().int(),
    busy: z.number().int(),
  }),
});
export type FleetMoney = z.infer<typeof FleetMoneySchema>;

export const FleetSnapshotSchema = z.object({
  instances: z.array(InstanceSchema),
  account: AccountSchema.nullable(),
  connection: ConnectionSchema,
  money: FleetMoneySchema,
  /** Epoch ms of the last successful list call. */
  updatedAt: z.number().nullable(),
  demo: z.boolean(),
});
export type FleetSnapshot = z.infer<typeof FleetSnapshotSchema>;

export const ERROR_CODES = [
  'auth',
  'not_found',
  'rate_limited',
  'network',
  'timeout',
  'server',
  'vast_error',
  'bad_response',
  'invalid_input',
  'no_key',
  'busy',
  'confirmation_required',
  'unavailable',
  /** The local API needs a login (browser dashboard, scripts). */
  'unauthenticated',
  /** The local API refused the request outright (e.g. a foreign Host header). */
  'forbidden',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ACTION_STATUSES = ['pending', 'done', 'queued', 'failed'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** How a requested action ended: never silently dropped (product.md, "Promises"). */
export const ActionOutcomeSchema = z.object({
  actionId: z.string(),
  instanceId: InstanceIdSchema,
  kind: ActionKindSchema,
  status: z.enum(['done', 'queued', 'failed']),
  code: ErrorCodeSchema.nullable(),
  message: z.string(),
});
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;

export const ActionRecordSchema = z.object({
  actionId: z.string(),
  instanceId: InstanceIdSchema,
  instanceName: z.string(),
  kind: ActionKindSchema,
  status: ActionStatusSchema,
  code: ErrorCodeSchema.nullable(),
  message: z.string(),
  requestedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;

export const NOTICE_KINDS = [
  'paused',
  'ready',
  'queued',
  'still_waiting',
  'action_failed',
  'crashed',
  'host_offline',
  'low_credit',
  'low_runway',
  'key_rejected',
  'key_not_remembered',
  'settings_reset',
  'window_hidden',
  'more',
] as const;
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

export const NoticeSchema = z.object({
  id: z.string(),
  kind: NoticeKindSchema,
  title: z.string(),
  body: z.string(),
  instanceId: InstanceIdSchema.nullable(),
  severity: z.enum(['info', 'success', 'warning', 'error']),
  dedupeKey: z.string(),
  at: z.number(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const LANGUAGES = ['en', 'pt-BR'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const NotificationTogglesSchema = z.object({
  paused: z.boolean(),
  resumed: z.boolean(),
  queued: z.boolean(),
  stillWaiting: z.boolean(),
  failed: z.boolean(),
  crashed: z.boolean(),
  hostOffline: z.boolean(),
  lowCredit: z.boolean(),
  keyRejected: z.boolean(),
});
export type NotificationToggles = z.infer<typeof NotificationTogglesSchema>;

export const SETTINGS_VERSION = 1;
export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  refresh: z.object({
    /** While an action or a transition is pending. Vast rate-limits the list call; keep ≥ 2 s. */
    fastSeconds: z.number().int().min(2).max(60),
    /** While a window is visible. */
    normalSeconds: z.number().int().min(5).max(600),
    /** When only the tray is showing. */
    slowSeconds: z.number().int().min(15).max(3600),
  }),
  notifications: z.object({
    enabled: z.boolean(),
    kinds: NotificationTogglesSchema,
  }),
  lowCreditDollars: z.number().min(0).max(100000),
  lowRunwayHours: z.number().min(0).max(10000),
  stillWaitingMinutes: z.number().int().min(1).max(1440),
  destroyHintDays: z.number().int().min(1).max(365),
  launchAtLogin: z.boolean(),
  localApi: z.object({
    enabled: z.boolean(),
    port: z.number().int().min(1024).max(65535),
  }),
  /** 'system' follows the OS. */
  language: z.union([z.literal('system'), LanguageSchema]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What a new user gets; also what a corrupt settings file is replaced by. */
export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  refresh: { fastSeconds: 3, normalSeconds: 15, slowSeconds: 60 },
  notifications: {
    enabled: true,
    kinds: {
      paused: true,
      resumed: true,
      queued: true,
      stillWaiting: true,
      failed: true,
      crashed: true,
      hostOffline: true,
      lowCredit: true,
      keyRejected: true,
    },
  },
  lowCreditDollars: 5,
  lowRunwayHours: 12,
  stillWaitingMinutes: 10,
  destroyHintDays: 7,
  launchAtLogin: false,
  localApi: { enabled: false, port: 8766 },
  language: 'system',
};

/** Settings the UI may change: any subset, nested objects partial too. */
export const SettingsPatchSchema = z
  .object({
    refresh: SettingsSchema.shape.refresh.partial(),
    notifications: z.object({
      enabled: z.boolean().optional(),
      kinds: NotificationTogglesSchema.partial().optional(),
    }),
    lowCreditDollars: SettingsSchema.shape.lowCreditDollars,
    lowRunwayHours: SettingsSchema.shape.lowRunwayHours,
    stillWaitingMinutes: SettingsSchema.shape.stillWaitingMinutes,
    destroyHintDays: SettingsSchema.shape.destroyHintDays,
    launchAtLogin: z.boolean(),
    localApi: SettingsSchema.shape.localApi.partial(),
    language: SettingsSchema.shape.language,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const SECRET_BACKENDS = ['keychain', 'safe-storage', 'memory'] as const;
export const SecretBackendSchema = z.enum(SECRET_BACKENDS);
export type SecretBackend = z.infer<typeof SecretBackendSchema>;

export const KeyStatusSchema = z.object({
  stored: z.boolean(),
  /** Only the last four characters ever leave main. */
  last4: z.string().max(4).nullable(),
  backend: SecretBackendSchema,
  demo: z.boolean(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

export const KeyCheckSchema = z.object({
  valid: z.boolean(),
  code: ErrorCodeSchema.nullable(),
  message: z.string(),
  account: AccountSchema.nullable(),
});
export type KeyCheck = z.infer<typeof KeyCheckSchema>;
