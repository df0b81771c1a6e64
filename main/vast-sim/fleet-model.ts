// The simulated Vast fleet: instances that move between states as (simulated) time passes, a GPU
// that someone else can take while an instance is paused, and credit that drains at the running or
// the storage price. State is computed lazily from the clock: every read first catches up to `now`,
// so a test that advances a manual clock sees exactly the transitions that were due.

export interface SimClock {
  now(): number;
}

export type RawRow = Record<string, unknown>;

export interface SimTimings {
  /** running → stopped after a pause request. */
  pauseMs: number;
  /** loading → running after a resume (image pull, container start). */
  loadMs: number;
  rebootMs: number;
}

export const DEFAULT_TIMINGS: SimTimings = { pauseMs: 4_000, loadMs: 12_000, rebootMs: 8_000 };

export interface SimInstanceSeed {
  /** A full Vast row; its status fields set the starting state. */
  row: RawRow;
  /** Someone else holds this instance's GPU: a resume is queued until it is freed. */
  gpuTaken?: boolean;
  /** Free the GPU by itself this many ms after seeding (the other renter's job ends). */
  gpuFreeAfterMs?: number | null;
}

interface SimInstance {
  id: number;
  base: RawRow;
  label: string | null;
  actual: string | null;
  intended: string;
  cur: string;
  next: string;
  statusMsg: string | null;
  startDateMs: number;
  runningSinceMs: number | null;
  gpuTaken: boolean;
  gpuFreeAt: number | null;
  hostOffline: boolean;
  transition: { at: number; to: 'stopped' | 'running' } | null;
}

export type ResumeResult = 'started' | 'queued' | 'already_running' | 'not_found' | 'no_credit';
export type RebootResult = 'ok' | 'not_found' | 'not_started';

export interface SnapshotRecord {
  id: number;
  at: number;
  repo: string;
  registry: string;
}

export class SimFleet {
  private readonly instances = new Map<number, SimInstance>();
  private lastTick: number;
  private credit: number;
  readonly snapshots: SnapshotRecord[] = [];
  /** Bumped on every change, so cached rows are never stale. */
  private version = 0;
  private rowCache: { at: number; version: number; rows: RawRow[] } | null = null;
  private readonly destroyed = new Set<number>();
  readonly timings: SimTimings;

  constructor(
    private readonly clock: SimClock,
    private readonly user: RawRow,
    options: { timings?: Partial<SimTimings>; credit?: number } = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.lastTick = clock.now();
    this.credit = options.credit ?? numberOr(user['credit'], 0);
  }

  now(): number {
    return this.clock.now();
  }

  /** Replaces the whole fleet. Status fields of each row give the starting state. */
  seed(seeds: readonly SimInstanceSeed[], credit?: number): void {
    this.version += 1;
    this.tick();
    this.instances.clear();
    const now = this.clock.now();
    for (const seed of seeds) {
      const row = seed.row;
      const id = numberOr(row['id'], 0);
      if (!Number.isSafeInteger(id) || id <= 0) continue;
      const actual = stringOr(row['actual_status'], null);
      const hostOffline = actual === 'offline' || actual === 'unknown';
      const startDate = numberOr(row['start_date'], now / 1000) * 1000;
      const uptime = numberOr(row['uptime_mins'], 0);
      this.instances.set(id, {
        id,
        base: row,
        label: stringOr(row['label'], null),
        actual: hostOffline ? 'running' : actual,
        intended: stringOr(row['intended_status'], 'running') ?? 'running',
        cur: stringOr(row['cur_state'], 'running') ?? 'running',
        next: stringOr(row['next_state'], 'running') ?? 'running',
        statusMsg: stringOr(row['status_msg'], null),
        startDateMs: startDate,
        runningSinceMs: actual === 'running' ? now - uptime * 60_000 : null,
        gpuTaken: seed.gpuTaken ?? false,
        gpuFreeAt: seed.gpuFreeAfterMs == null ? null : now + seed.gpuFreeAfterMs,
        hostOffline,
        transition: null,
      });
    }
    if (credit !== undefined) this.credit = credit;
  }

  /**
   * Rows as Vast returns them, in id order. A client paging through a large fleet asks for them
   * once per page; rows built less than 250 ms ago with nothing changed since are reused.
   */
  rows(): RawRow[] {
    this.tick();
    const now = this.clock.now();
    const cached = this.rowCache;
    if (cached && cached.version === this.version && now >= cached.at && now - cached.at < 250) return cached.rows;
    const rows = [...this.instances.values()].sort((a, b) => a.id - b.id).map((inst) => this.toRow(inst, now));
    this.rowCache = { at: now, version: this.version, rows };
    return rows;
  }

  row(id: number): RawRow | null {
    this.tick();
    const inst = this.instances.get(id);
    return inst ? this.toRow(inst, this.clock.now()) : null;
  }

  has(id: number): boolean {
    this.tick();
    return this.instances.has(id);
  }

  get size(): number {
    return this.instances.size;
  }

  getCredit(): number {
    this.tick();
    return this.credit;
  }

  setCredit(credit: number): void {
    this.version += 1;
    this.tick();
    this.credit = credit;
    if (credit <= 0) this.stopEverything(this.clock.now());
  }

  userRow(): RawRow {
    this.tick();
    return { ...this.user, credit: round(this.credit, 4) };
  }

  pause(id: number): 'ok' | 'not_found' {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return 'not_found';
    inst.intended = 'stopped';
    inst.next = 'stopped';
    if (inst.actual === 'running' || inst.actual === 'rebooting' || inst.actual === 'loading') {
      inst.transition = { at: this.clock.now() + this.timings.pauseMs, to: 'stopped' };
      inst.statusMsg = 'Stopping container';
    } else {
      // Not running (paused already, crashed, or a queued resume): it simply stays or becomes stopped.
      this.becomeStopped(inst, 'Stopped by user');
    }
    return 'ok';
  }

  resume(id: number): ResumeResult {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return 'not_found';
    if (inst.actual === 'running' && inst.intended === 'running' && !inst.transition) return 'already_running';
    if (this.credit <= 0) return 'no_credit';
    inst.intended = 'running';
    inst.next = 'running';
    if (inst.gpuTaken) {
      inst.actual = 'stopped';
      inst.cur = 'stopped';
      inst.transition = null;
      inst.statusMsg = 'Waiting for GPUs: requested resources are in use by another contract';
      return 'queued';
    }
    this.startLoading(inst, this.clock.now());
    return 'started';
  }

  reboot(id: number): RebootResult {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return 'not_found';
    if (inst.cur !== 'running' || (inst.actual !== 'running' && inst.actual !== 'exited')) return 'not_started';
    inst.actual = 'rebooting';
    inst.statusMsg = 'Rebooting container';
    inst.transition = { at: this.clock.now() + this.timings.rebootMs, to: 'running' };
    return 'ok';
  }

  setLabel(id: number, label: string): boolean {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return false;
    inst.label = label === '' ? null : label;
    return true;
  }

  destroy(id: number): boolean {
    this.version += 1;
    this.tick();
    const removed = this.instances.delete(id);
    if (removed) this.destroyed.add(id);
    return removed;
  }

  /** Destroyed during this run: a repeated bulk destroy (the CLI sends it up to 6 times) is not an error. */
  wasDestroyed(id: number): boolean {
    return this.destroyed.has(id);
  }

  takeSnapshot(id: number, repo: string, registry: string): boolean {
    this.version += 1;
    this.tick();
    if (!this.instances.has(id)) return false;
    this.snapshots.push({ id, at: this.clock.now(), repo, registry });
    return true;
  }

  /** Another renter takes the GPU of a stopped instance (a later resume is queued). */
  takeGpu(id: number): boolean {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return false;
    inst.gpuTaken = true;
    inst.gpuFreeAt = null;
    return true;
  }

  /** The other renter's job ends: a queued resume starts loading. */
  freeGpu(id: number): boolean {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return false;
    this.release(inst, this.clock.now());
    return true;
  }

  /** The container dies (e.g. OOM): actual `exited` while the contract stays running. */
  crash(id: number, message = 'Error response from daemon: container exited with code 137 (OOMKilled)'): boolean {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return false;
    inst.actual = 'exited';
    inst.intended = 'running';
    inst.cur = 'running';
    inst.transition = null;
    inst.runningSinceMs = null;
    inst.statusMsg = message;
    return true;
  }

  setHostOffline(id: number, offline: boolean): boolean {
    this.version += 1;
    this.tick();
    const inst = this.instances.get(id);
    if (!inst) return false;
    inst.hostOffline = offline;
    return true;
  }

  /** Catches the model up to the clock: due transitions in time order, credit drained between them. */
  tick(): void {
    const now = this.clock.now();
    for (;;) {
      const next = this.nextEvent(now);
      if (!next) break;
      this.drain(next.at);
      next.apply();
      this.version += 1;
      if (this.credit <= 0) this.stopEverything(next.at);
    }
    this.drain(now);
    if (this.credit <= 0) this.stopEverything(now);
  }

  private nextEvent(until: number): { at: number; apply: () => void } | null {
    let best: { at: number; apply: () => void } | null = null;
    for (const inst of this.instances.values()) {
      const transition = inst.transition;
      if (transition && transition.at <= until && (!best || transition.at < best.at)) {
        best = { at: transition.at, apply: () => this.finishTransition(inst, transition.to, transition.at) };
      }
      const freeAt = inst.gpuFreeAt;
      if (freeAt !== null && freeAt <= until && (!best || freeAt < best.at)) {
        best = { at: freeAt, apply: () => this.release(inst, freeAt) };
      }
    }
    // When the credit would cross zero before the next event, that moment is the next event.
    const burn = this.burnPerMs();
    if (burn > 0 && this.credit > 0) {
      const zeroAt = this.lastTick + this.credit / burn;
      const limit = best ? best.at : until;
      if (zeroAt <= limit) {
        best = {
          at: Math.max(this.lastTick, Math.ceil(zeroAt)),
          apply: () => {
            this.credit = Math.min(this.credit, 0);
            this.stopEverything(zeroAt);
          },
        };
      }
    }
    return best;
  }

  private finishTransition(inst: SimInstance, to: 'stopped' | 'running', at: number): void {
    inst.transition = null;
    if (to === 'stopped') {
      this.becomeStopped(inst, 'Stopped by user');
    } else {
      inst.actual = 'running';
      inst.cur = 'running';
      inst.runningSinceMs = at;
      inst.statusMsg = `success, running ${stringOr(inst.base['image_uuid'], 'container') ?? 'container'}`;
    }
  }

  private release(inst: SimInstance, at: number): void {
    inst.gpuTaken = false;
    inst.gpuFreeAt = null;
    if (inst.intended === 'running' && inst.cur === 'stopped') this.startLoading(inst, at);
  }

  private startLoading(inst: SimInstance, at: number): void {
    inst.actual = 'loading';
    inst.cur = 'running';
    inst.statusMsg = 'Loading image';
    inst.transition = { at: at + this.timings.loadMs, to: 'running' };
  }

  private becomeStopped(inst: SimInstance, message: string): void {
    inst.actual = 'stopped';
    inst.cur = 'stopped';
    inst.intended = 'stopped';
    inst.next = 'stopped';
    inst.runningSinceMs = null;
    inst.transition = null;
    inst.statusMsg = message;
  }

  private stopEverything(_at: number): void {
    for (const inst of this.instances.values()) {
      if (inst.intended === 'running' || inst.cur === 'running' || inst.transition) {
        this.becomeStopped(inst, 'Stopped: your credit ran out');
      }
    }
  }

  private drain(until: number): void {
    if (until <= this.lastTick) return;
    this.credit -= this.burnPerMs() * (until - this.lastTick);
    this.lastTick = until;
  }

  private burnPerMs(): number {
    let perHour = 0;
    for (const inst of this.instances.values()) perHour += this.burnPerHour(inst);
    return perHour / 3_600_000;
  }

  private burnPerHour(inst: SimInstance): number {
    const storage = numberOr(inst.base['storage_total_cost'], 0);
    const holdsGpu =
      inst.cur === 'running' && (inst.actual === 'running' || inst.actual === 'rebooting' || inst.actual === 'exited' || inst.actual === 'frozen');
    return holdsGpu ? numberOr(inst.base['dph_total'], storage) : storage;
  }

  private toRow(inst: SimInstance, now: number): RawRow {
    const running = inst.actual === 'running' && !inst.hostOffline;
    const dphBase = numberOr(inst.base['dph_base'], 0);
    const storage = numberOr(inst.base['storage_total_cost'], 0);
    const gpuCost = inst.cur === 'running' ? dphBase : 0;
    const startSeconds = inst.startDateMs / 1000;
    return {
      ...inst.base,
      id: inst.id,
      label: inst.label,
      actual_status: inst.hostOffline ? 'offline' : inst.actual,
      intended_status: inst.intended,
      cur_state: inst.cur,
      next_state: inst.next,
      status_msg: inst.hostOffline ? 'Host is not responding' : inst.statusMsg,
      start_date: startSeconds,
      duration: Math.max(0, now / 1000 - startSeconds),
      uptime_mins: running && inst.runningSinceMs !== null ? round((now - inst.runningSinceMs) / 60_000, 1) : null,
      gpu_util: running ? gpuUtil(inst.id, now) : null,
      gpu_temp: running ? round(40 + gpuUtil(inst.id, now) * 0.4, 0) : null,
      ports: running ? (inst.base['ports'] ?? defaultPorts(inst.base)) : null,
      extra_env: Array.isArray(inst.base['extra_env']) ? inst.base['extra_env'] : [],
      instance: {
        gpuCostPerHour: gpuCost,
        diskHour: storage,
        totalHour: round(gpuCost + storage, 6),
        discountTotalHour: 0,
        discountedTotalPerHour: round(gpuCost + storage, 6),
      },
    };
  }
}

/** Deterministic utilisation that moves over time: a slow wave, different per instance. */
export function gpuUtil(id: number, now: number): number {
  const phase = (id % 97) / 97;
  const wave = Math.sin((now / 600_000 + phase) * 2 * Math.PI);
  const ripple = Math.sin((now / 47_000 + phase * 3) * 2 * Math.PI);
  return round(Math.min(100, Math.max(0, 62 + wave * 28 + ripple * 7)), 0);
}

function defaultPorts(row: RawRow): RawRow {
  const start = numberOr(row['direct_port_start'], -1);
  if (start <= 0) return {};
  return { '22/tcp': [{ HostIp: '0.0.0.0', HostPort: String(start + 2) }] };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
