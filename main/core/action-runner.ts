// Runs the user's actions on instances and keeps the promise of product.md: an action either
// happens or is reported as failed with the reason, never silently dropped. Each action shows as
// pending at once, at most one runs per instance (a second click joins the first, nothing is sent
// twice), and it ends exactly once, as done, queued (a resume waiting for a GPU) or failed.
import { randomUUID } from 'node:crypto';
import type { ActionKind, ActionOutcome, ActionRecord, DisplayState, ErrorCode, Instance } from '../../preload/models.js';
import type { BulkResult, ResumeResult, SnapshotOptions, VastClient } from '../vast/client.js';
import { VastError } from '../vast/errors.js';
import { backoffDelay } from '../vast/retry.js';
import type { Cancel, Clock } from './clock.js';
import type { ActionHistory } from './action-history.js';
import type { Emitter } from './emitter.js';
import type { FleetEvents } from './fleet-events.js';
import { english } from './i18n.js';

export type VastActions = Pick<
  VastClient,
  | 'pauseInstance'
  | 'resumeInstance'
  | 'pauseInstances'
  | 'resumeInstances'
  | 'rebootInstance'
  | 'labelInstance'
  | 'destroyInstance'
  | 'takeSnapshot'
>;

export interface ActionTimeouts {
  /** How long to keep resending a request Vast rate-limited. */
  sendMs: number;
  pauseMs: number;
  resumeMs: number;
  rebootMs: number;
  /** A resume Vast accepted but that still waits for a GPU after this long counts as queued. */
  schedulingGraceMs: number;
}

export const DEFAULT_ACTION_TIMEOUTS: ActionTimeouts = {
  sendMs: 60_000,
  pauseMs: 3 * 60_000,
  resumeMs: 10 * 60_000,
  rebootMs: 5 * 60_000,
  schedulingGraceMs: 30_000,
};

/** What the runner needs from the fleet that owns it. */
export interface ActionHost {
  readonly clock: Clock;
  readonly client: VastActions;
  readonly events: Emitter<FleetEvents>;
  readonly history: ActionHistory;
  /** The latest instance as Vast reported it (no pending overlay). */
  instance(id: number): Instance | undefined;
  /** Why the last refresh failed, when it did; used to explain a follow that timed out. */
  lastRefreshError(): string | null;
  refreshNow(): void;
  forget(id: number): void;
  relabel(id: number, label: string): void;
  changed(): void;
}

export type ActionParams =
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'reboot' }
  | { kind: 'label'; label: string }
  | { kind: 'destroy' }
  | { kind: 'snapshot'; options: SnapshotOptions };

interface Running {
  record: ActionRecord;
  promise: Promise<ActionOutcome>;
  resolve: (outcome: ActionOutcome) => void;
  settled: boolean;
  sentAt: number | null;
  sawTransition: boolean;
  deadline: Cancel | null;
}

const FOLLOWED: ReadonlySet<ActionKind> = new Set(['pause', 'resume', 'reboot']);
const SEND_BACKOFF = { baseMs: 2_000, factor: 2, maxMs: 20_000 };

export class ActionRunner {
  private readonly pending = new Map<number, Running>();
  private readonly timeouts: ActionTimeouts;

  constructor(
    private readonly host: ActionHost,
    timeouts: Partial<ActionTimeouts> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.timeouts = { ...DEFAULT_ACTION_TIMEOUTS, ...timeouts };
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  isPending(id: number): boolean {
    return this.pending.has(id);
  }

  /** The instance as the user should see it: Pausing, Resuming, Rebooting while our action runs. */
  overlay(instance: Instance): Instance {
    const running = this.pending.get(instance.id);
    if (!running) return instance;
    const pending = { kind: running.record.kind, since: running.record.requestedAt };
    return { ...instance, state: overlayState(running.record.kind, instance.state), pending };
  }

  run(id: number, params: ActionParams): Promise<ActionOutcome> {
    const existing = this.pending.get(id);
    if (existing) {
      // A second click on the same button joins the first; anything else waits its turn.
      if (existing.record.kind === params.kind) return existing.promise;
      return Promise.resolve(this.refusal(id, params.kind, 'busy', english().t('outcome.busy', { id })));
    }
    const instance = this.host.instance(id);
    const action = this.begin(id, params.kind, instance?.name ?? `#${id}`);
    if (!instance) {
      this.finish(action, 'failed', 'not_found', english().t('outcome.notFound', { id }));
    } else {
      void this.execute(action, params);
    }
    return action.promise;
  }

  /** Pause or resume many instances with Vast's bulk call (chunks of 64), each its own action. */
  async runBulk(ids: readonly number[], kind: 'pause' | 'resume'): Promise<ActionOutcome[]> {
    const promises: Array<Promise<ActionOutcome>> = [];
    const toSend: Running[] = [];
    for (const id of new Set(ids)) {
      if (this.pending.has(id) || !this.host.instance(id)) {
        promises.push(this.run(id, { kind }));
        continue;
      }
      const instance = this.host.instance(id);
      const action = this.begin(id, kind, instance?.name ?? `#${id}`);
      toSend.push(action);
      promises.push(action.promise);
    }
    if (toSend.length > 0) void this.executeBulk(toSend, kind);
    return Promise.all(promises);
  }

  /** Progresses followed actions after each successful refresh. */
  onRefresh(): void {
    const now = this.host.clock.now();
    for (const action of [...this.pending.values()]) {
      if (action.sentAt === null || action.settled) continue;
      const { instanceId: id, kind } = action.record;
      const instance = this.host.instance(id);
      if (!instance) {
        this.finish(action, 'failed', 'not_found', english().t('outcome.gone', { id }));
        continue;
      }
      const state = instance.state;
      if (kind === 'pause' && state === 'paused') {
        this.finish(action, 'done', null, english().t('outcome.paused', { id }));
      } else if (kind === 'resume' && state === 'running') {
        this.finish(action, 'done', null, english().t('outcome.resumed', { id }));
      } else if (kind === 'resume' && state === 'scheduling' && now - action.sentAt >= this.timeouts.schedulingGraceMs) {
        this.finish(action, 'queued', null, english().t('outcome.queued', { id }));
      } else if (kind === 'reboot') {
        if (state === 'rebooting') action.sawTransition = true;
        else if (state === 'running' && (action.sawTransition || now - action.sentAt >= 30_000)) {
          this.finish(action, 'done', null, english().t('outcome.rebooted', { id }));
        }
      }
    }
  }

  /** Ends every pending action as failed, e.g. when Vast rejects the key or the app quits. */
  failAll(code: ErrorCode, message: (id: number) => string): void {
    for (const action of [...this.pending.values()]) this.finish(action, 'failed', code, message(action.record.instanceId));
  }

  private begin(id: number, kind: ActionKind, name: string): Running {
    const now = this.host.clock.now();
    const record: ActionRecord = {
      actionId: randomUUID(),
      instanceId: id,
      instanceName: name,
      kind,
      status: 'pending',
      code: null,
      message: '',
      requestedAt: now,
      finishedAt: null,
    };
    let resolve: (outcome: ActionOutcome) => void = () => {};
    const promise = new Promise<ActionOutcome>((r) => {
      resolve = r;
    });
    const action: Running = { record, promise, resolve, settled: false, sentAt: null, sawTransition: false, deadline: null };
    this.pending.set(id, action);
    this.host.history.upsert(record);
    this.host.events.emit('actionStarted', { record });
    this.host.changed();
    return action;
  }

  private async execute(action: Running, params: ActionParams): Promise<void> {
    const id = action.record.instanceId;
    const client = this.host.client;
    try {
      switch (params.kind) {
        case 'pause':
          await this.send(action, () => client.pauseInstance(id));
          return this.follow(action);
        case 'resume': {
          const result: ResumeResult = await this.send(action, () => client.resumeInstance(id));
          if (result.status === 'queued') {
            this.finish(action, 'queued', null, english().t('outcome.queued', { id }));
            this.host.refreshNow();
            return;
          }
          return this.follow(action);
        }
        case 'reboot':
          await this.send(action, () => client.rebootInstance(id));
          return this.follow(action);
        case 'label':
          await this.send(action, () => client.labelInstance(id, params.label));
          this.host.relabel(id, params.label);
          this.finish(action, 'done', null, english().t('outcome.labelled', { id }));
          this.host.refreshNow();
          return;
        case 'destroy':
          await this.send(action, () => client.destroyInstance(id));
          this.host.forget(id);
          this.finish(action, 'done', null, english().t('outcome.destroyed', { id }));
          this.host.refreshNow();
          return;
        case 'snapshot':
          await this.send(action, () => client.takeSnapshot(id, params.options));
          this.finish(action, 'done', null, english().t('outcome.snapshot', { id }));
          return;
      }
    } catch (error) {
      this.fail(action, error);
    }
  }

  private async executeBulk(actions: Running[], kind: 'pause' | 'resume'): Promise<void> {
    const byId = new Map(actions.map((a) => [a.record.instanceId, a]));
    const deadline = this.host.clock.now() + this.timeouts.sendMs;
    let remaining = [...byId.keys()];
    try {
      for (let attempt = 0; remaining.length > 0; attempt += 1) {
        const result: BulkResult =
          kind === 'pause' ? await this.host.client.pauseInstances(remaining) : await this.host.client.resumeInstances(remaining);
        const sentAt = this.host.clock.now();
        for (const id of result.succeeded) {
          const action = byId.get(id);
          if (action && !action.settled) {
            action.sentAt = sentAt;
            this.follow(action);
          }
        }
        remaining = [];
        for (const { ids, error } of result.failed) {
          const retry = error.code === 'rate_limited' && this.host.clock.now() < deadline;
          for (const id of ids) {
            const action = byId.get(id);
            if (!action || action.settled) continue;
            if (retry) remaining.push(id);
            else this.fail(action, error);
          }
        }
        if (remaining.length > 0) await this.host.clock.sleep(backoffDelay(attempt, SEND_BACKOFF, this.random));
      }
    } catch (error) {
      for (const action of actions) if (!action.settled) this.fail(action, error);
    }
  }

  /**
   * Sends one request, waiting and resending while Vast answers 429 (it acted on nothing), until
   * `sendMs` has passed. Anything else is final here: the client already retried what was safe.
   */
  private async send<T>(action: Running, request: () => Promise<T>): Promise<T> {
    const deadline = this.host.clock.now() + this.timeouts.sendMs;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const result = await request();
        action.sentAt = this.host.clock.now();
        return result;
      } catch (error) {
        const patient = error instanceof VastError && error.code === 'rate_limited' && !action.settled;
        if (!patient || this.host.clock.now() >= deadline) throw error;
        await this.host.clock.sleep(backoffDelay(attempt, SEND_BACKOFF, this.random));
        if (action.settled) throw error;
      }
    }
  }

  /** After Vast accepted a pause, resume or reboot: watch until the target state, or time out. */
  private follow(action: Running): void {
    if (action.settled || !FOLLOWED.has(action.record.kind)) return;
    const kind = action.record.kind;
    const limit = kind === 'pause' ? this.timeouts.pauseMs : kind === 'resume' ? this.timeouts.resumeMs : this.timeouts.rebootMs;
    action.deadline = this.host.clock.setTimeout(() => this.timeOut(action, limit), limit);
    this.host.refreshNow();
  }

  private timeOut(action: Running, limitMs: number): void {
    if (action.settled) return;
    const id = action.record.instanceId;
    const instance = this.host.instance(id);
    const minutes = Math.round(limitMs / 60_000);
    if (action.record.kind === 'resume' && instance?.state === 'scheduling') {
      this.finish(action, 'queued', null, english().t('outcome.queued', { id }));
      return;
    }
    const lost = this.host.lastRefreshError();
    if (lost) {
      this.finish(action, 'failed', 'network', english().t('outcome.lostContact', { id, reason: lost }));
      return;
    }
    const state = english().t(`state.${instance?.state ?? 'unknown'}`);
    const key = action.record.kind === 'pause' ? 'outcome.pauseTimeout' : action.record.kind === 'resume' ? 'outcome.resumeTimeout' : 'outcome.rebootTimeout';
    this.finish(action, 'failed', 'timeout', english().t(key, { id, minutes, state }));
  }

  private fail(action: Running, error: unknown): void {
    if (error instanceof VastError) {
      this.finish(action, 'failed', error.code, error.message);
      return;
    }
    console.error('[vast-tray] unexpected error in an action:', error);
    this.finish(action, 'failed', 'internal', 'Something unexpected went wrong; the action was not completed.');
  }

  private finish(action: Running, status: ActionOutcome['status'], code: ErrorCode | null, message: string): void {
    if (action.settled) return;
    action.settled = true;
    action.deadline?.();
    const id = action.record.instanceId;
    if (this.pending.get(id) === action) this.pending.delete(id);
    const record: ActionRecord = { ...action.record, status, code, message, finishedAt: this.host.clock.now() };
    action.record = record;
    const outcome: ActionOutcome = { actionId: record.actionId, instanceId: id, kind: record.kind, status, code, message };
    this.host.history.upsert(record);
    this.host.events.emit('actionFinished', { record, outcome, instance: this.host.instance(id) ?? null });
    this.host.changed();
    action.resolve(outcome);
  }

  /** An action refused before it started (busy, bad confirmation): not an action, not recorded. */
  refusal(id: number, kind: ActionKind, code: ErrorCode, message: string): ActionOutcome {
    return { actionId: randomUUID(), instanceId: id, kind, status: 'failed', code, message };
  }
}

function overlayState(kind: ActionKind, state: DisplayState): DisplayState {
  switch (kind) {
    case 'pause':
      return state === 'paused' ? state : 'pausing';
    case 'resume':
      // A queued resume shows how long it has waited; a loading one shows that it is starting.
      return state === 'scheduling' || state === 'starting' ? state : 'resuming';
    case 'reboot':
      return 'rebooting';
    default:
      return state;
  }
}
