// The live fleet: the latest snapshot of the user's instances and account, kept fresh by a polite
// poller, with actions that always resolve. Every face reads it and listens to its events.
import type {
  Account,
  ActionOutcome,
  Connection,
  ConnectionStatus,
  FleetSnapshot,
  Instance,
  Settings,
} from '../../preload/models.js';
import { formatGpu } from '../../preload/format.js';
import type { SnapshotOptions, VastClient } from '../vast/client.js';
import { VastError } from '../vast/errors.js';
import { normalizeInstances } from '../vast/normalize.js';
import { ActionRunner, type ActionTimeouts, type VastActions } from './action-runner.js';
import type { ActionHistory } from './action-history.js';
import type { Cancel, Clock } from './clock.js';
import { Emitter } from './emitter.js';
import type { FleetEvents } from './fleet-events.js';
import { english } from './i18n.js';
import { fleetMoney } from './money.js';
import { Observations } from './observations.js';
import { nextPollDelay } from './poll-planner.js';
import { ResumeWatcher } from './resume-watcher.js';

export type FleetClient = VastActions & Pick<VastClient, 'listInstances' | 'getUser' | 'setApiKey' | 'hasApiKey'>;

export interface FleetServiceOptions {
  client: FleetClient;
  clock: Clock;
  settings: () => Settings;
  history: ActionHistory;
  observations?: Observations;
  timeouts?: Partial<ActionTimeouts>;
  random?: () => number;
  /** The account (credit) is fetched at most this often, alongside a list call. */
  accountIntervalMs?: number;
  demo?: boolean;
}

/** States between two stable ones: poll fast while any instance is in one. */
const MOVING = new Set<Instance['state']>(['starting', 'pausing', 'resuming', 'rebooting']);

export class FleetService {
  readonly events = new Emitter<FleetEvents>();
  private readonly client: FleetClient;
  private readonly clock: Clock;
  private readonly settings: () => Settings;
  private readonly observations: Observations;
  private readonly runner: ActionRunner;
  private readonly watcher: ResumeWatcher;
  private readonly random: () => number;
  private readonly accountIntervalMs: number;

  private base = new Map<number, Instance>();
  private account: Account | null = null;
  private connection: Connection;
  private updatedAt: number | null = null;
  private loaded = false;
  private started = false;
  private suspended = false;
  private readonly viewers = new Set<string>();
  private failures = 0;
  private lastError: VastError | null = null;
  private accountFetchedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;
  private timer: Cancel | null = null;
  private keyGeneration = 0;
  private demo: boolean;

  constructor(options: FleetServiceOptions) {
    this.client = options.client;
    this.clock = options.clock;
    this.settings = options.settings;
    this.observations = options.observations ?? new Observations();
    this.random = options.random ?? Math.random;
    this.accountIntervalMs = options.accountIntervalMs ?? 60_000;
    this.demo = options.demo ?? false;
    this.connection = { status: options.client.hasApiKey ? 'idle' : 'no_key', message: null, since: this.clock.now(), nextRetryAt: null };
    this.watcher = new ResumeWatcher(this.events);
    this.runner = new ActionRunner(
      {
        clock: this.clock,
        client: this.client,
        events: this.events,
        history: options.history,
        instance: (id) => this.base.get(id),
        lastRefreshError: () => (this.lastError ? this.lastError.message : null),
        refreshNow: () => void this.refresh(),
        forget: (id) => this.forget(id),
        relabel: (id, label) => this.relabel(id, label),
        changed: () => this.emitChanged(),
      },
      options.timeouts,
      this.random,
    );
  }

  /** Starts polling (the first refresh right away). */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.refresh();
  }

  /** Stops polling; pending actions end as failed so none is lost silently. */
  stop(): void {
    this.started = false;
    this.cancelTimer();
    this.runner.failAll('internal', (id) => english().t('outcome.stopped', { id }));
  }

  /**
   * Whether someone is looking: a window, or a browser dashboard (`viewer` names who). While anyone
   * is, poll at the normal pace instead of the slow one.
   */
  setVisible(visible: boolean, viewer = 'window'): void {
    const before = this.viewers.size > 0;
    if (visible) this.viewers.add(viewer);
    else this.viewers.delete(viewer);
    const after = this.viewers.size > 0;
    if (after && !before && this.started && !this.refreshing) this.reschedule();
  }

  /** The machine goes to sleep: no timers until it wakes. */
  suspend(): void {
    this.suspended = true;
    this.cancelTimer();
  }

  /** The machine woke up: what we show may be hours old, so refresh at once. */
  wake(): void {
    this.suspended = false;
    if (this.started) void this.refresh();
  }

  /** Marks what follows as demo data (the built-in simulated fleet). */
  setDemo(demo: boolean): void {
    this.demo = demo;
  }

  isDemo(): boolean {
    return this.demo;
  }

  /** A new key (or none). Forgets the old account's fleet and starts over. */
  setApiKey(key: string | null): void {
    this.keyGeneration += 1;
    this.runner.failAll('auth', (id) => english().t('outcome.keyChanged', { id }));
    this.client.setApiKey(key);
    this.base = new Map();
    this.account = null;
    this.updatedAt = null;
    this.loaded = false;
    this.failures = 0;
    this.lastError = null;
    this.accountFetchedAt = Number.NEGATIVE_INFINITY;
    this.setConnection(this.client.hasApiKey ? 'connecting' : 'no_key', null, null);
    this.emitChanged();
    if (this.started && this.client.hasApiKey) void this.refresh();
  }

  /** Refreshes now. A refresh already on the wire is joined, never doubled. */
  refresh(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.cancelTimer();
    this.refreshing = this.poll().finally(() => {
      this.refreshing = null;
      this.reschedule();
    });
    return this.refreshing;
  }

  snapshot(): FleetSnapshot {
    const instances = [...this.base.values()].sort((a, b) => a.id - b.id).map((i) => this.runner.overlay(i));
    return {
      instances,
      account: this.account,
      connection: this.connection,
      money: fleetMoney(instances, this.account),
      updatedAt: this.updatedAt,
      demo: this.demo,
    };
  }

  instance(id: number): Instance | undefined {
    const found = this.base.get(id);
    return found ? this.runner.overlay(found) : undefined;
  }

  getAccount(): Account | null {
    return this.account;
  }

  /** Whether our own action is running on this instance. */
  isBusy(id: number): boolean {
    return this.runner.isPending(id);
  }

  pause(id: number): Promise<ActionOutcome> {
    return this.runner.run(id, { kind: 'pause' });
  }

  resume(id: number): Promise<ActionOutcome> {
    return this.runner.run(id, { kind: 'resume' });
  }

  reboot(id: number): Promise<ActionOutcome> {
    return this.runner.run(id, { kind: 'reboot' });
  }

  label(id: number, label: string): Promise<ActionOutcome> {
    return this.runner.run(id, { kind: 'label', label });
  }

  snapshotInstance(id: number, options: SnapshotOptions): Promise<ActionOutcome> {
    return this.runner.run(id, { kind: 'snapshot', options });
  }

  /** Destroys only with the id typed back as confirmation: nothing is destroyed by accident. */
  destroy(id: number, confirmation: string): Promise<ActionOutcome> {
    if (confirmation.trim() !== String(id)) {
      return Promise.resolve(this.runner.refusal(id, 'destroy', 'confirmation_required', english().t('outcome.confirm', { id })));
    }
    return this.runner.run(id, { kind: 'destroy' });
  }

  pauseMany(ids: readonly number[]): Promise<ActionOutcome[]> {
    return this.runner.runBulk(ids, 'pause');
  }

  resumeMany(ids: readonly number[]): Promise<ActionOutcome[]> {
    return this.runner.runBulk(ids, 'resume');
  }

  private async poll(): Promise<void> {
    if (!this.client.hasApiKey) {
      this.setConnection('no_key', null, null);
      return;
    }
    const generation = this.keyGeneration;
    // "Connecting" only before the first answer: a retry after a failure keeps saying why it failed.
    if (this.connection.status === 'idle' || this.connection.status === 'no_key') this.setConnection('connecting', null, null);
    try {
      const rows = await this.client.listInstances();
      let account = this.account;
      const accountDue = this.clock.now() - this.accountFetchedAt >= this.accountIntervalMs;
      if (accountDue) account = await this.fetchAccount();
      if (generation !== this.keyGeneration) return;
      this.failures = 0;
      this.lastError = null;
      this.apply(rows, account);
      this.setConnection('ok', null, null);
    } catch (error) {
      if (generation !== this.keyGeneration) return;
      this.onPollError(error);
    }
  }

  /** A missing `user_read` scope must not stop the fleet from showing: keep the account unknown. */
  private async fetchAccount(): Promise<Account | null> {
    try {
      const account = await this.client.getUser();
      this.accountFetchedAt = this.clock.now();
      return account;
    } catch (error) {
      if (error instanceof VastError && error.code === 'auth' && error.authKind === 'forbidden') {
        this.accountFetchedAt = this.clock.now();
        return null;
      }
      throw error;
    }
  }

  private onPollError(error: unknown): void {
    const vastError =
      error instanceof VastError ? error : new VastError('bad_response', 'Something unexpected went wrong while reading the fleet.');
    if (!(error instanceof VastError)) console.error('[vast-tray] refresh failed:', error);
    this.lastError = vastError;
    if (vastError.code === 'auth') {
      // Stop polling until a new key is set: hammering Vast with a bad key helps no one.
      const message = english().t(vastError.authKind === 'forbidden' ? 'connection.forbidden' : 'connection.auth_failed');
      this.setConnection('auth_failed', message, null);
      this.runner.failAll('auth', () => vastError.message);
      return;
    }
    this.failures += 1;
    const status: ConnectionStatus = vastError.code === 'rate_limited' ? 'rate_limited' : 'offline';
    const delay = this.plannedDelay();
    this.setConnection(status, vastError.message, this.clock.now() + delay);
  }

  private apply(rows: Parameters<typeof normalizeInstances>[0], account: Account | null): void {
    const now = this.clock.now();
    const fresh = this.observations.observe(normalizeInstances(rows), now);
    const next = new Map(fresh.map((instance) => [instance.id, instance]));
    const initial = !this.loaded;
    for (const [id, instance] of next) {
      const before = this.base.get(id);
      if (!before) this.events.emit('instanceAdded', { instance, initial });
      else if (before.state !== instance.state) this.events.emit('stateChanged', { instance, from: before.state, to: instance.state });
    }
    for (const [id, instance] of this.base) if (!next.has(id)) this.events.emit('instanceRemoved', { instance });
    this.base = next;
    this.updatedAt = now;
    this.loaded = true;
    if (account?.credit !== this.account?.credit || (account === null) !== (this.account === null)) {
      const previous = this.account;
      this.account = account;
      this.events.emit('accountChanged', { account, previous });
    }
    this.watcher.onRefresh(next, now, this.settings().stillWaitingMinutes, (id) => this.runner.isPending(id));
    this.runner.onRefresh();
    this.emitChanged();
  }

  private forget(id: number): void {
    const instance = this.base.get(id);
    if (!instance) return;
    const next = new Map(this.base);
    next.delete(id);
    this.base = next;
    this.events.emit('instanceRemoved', { instance });
  }

  private relabel(id: number, label: string): void {
    const instance = this.base.get(id);
    if (!instance) return;
    const trimmed = label.trim();
    const name = trimmed || formatGpu(instance.gpu.name, instance.gpu.count);
    this.base = new Map(this.base).set(id, { ...instance, label: trimmed || null, name });
  }

  private setConnection(status: ConnectionStatus, message: string | null, nextRetryAt: number | null): void {
    const previous = this.connection;
    if (previous.status === status && previous.message === message && previous.nextRetryAt === nextRetryAt) return;
    this.connection = { status, message, nextRetryAt, since: previous.status === status ? previous.since : this.clock.now() };
    if (previous.status !== status) this.events.emit('connectionChanged', { connection: this.connection, previous });
    this.emitChanged();
  }

  private plannedDelay(): number {
    const hurry = this.runner.pendingCount > 0 || [...this.base.values()].some((i) => MOVING.has(i.state));
    return nextPollDelay({
      refresh: this.settings().refresh,
      failures: this.failures,
      rateLimited: this.lastError?.code === 'rate_limited',
      hurry,
      visible: this.viewers.size > 0,
      random: this.random,
    });
  }

  private reschedule(): void {
    this.cancelTimer();
    if (!this.started || this.suspended || !this.client.hasApiKey || this.connection.status === 'auth_failed') return;
    const delay = this.connection.nextRetryAt !== null ? Math.max(0, this.connection.nextRetryAt - this.clock.now()) : this.plannedDelay();
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private cancelTimer(): void {
    this.timer?.();
    this.timer = null;
  }

  private emitChanged(): void {
    if (this.events.listenerCount('changed') > 0) this.events.emit('changed', this.snapshot());
  }
}
