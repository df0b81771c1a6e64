// Turns fleet events into user notices: paused, ready, queued, still waiting, action failed,
// crashed, host offline, low credit or runway, key rejected. One notice per event (deduplicated by
// key), at most a few a minute (the rest are summed up in one "N more updates"), and only the kinds
// the user left switched on. The Electron notifier and the browser dashboard both consume it.
import { randomUUID } from 'node:crypto';
import { formatMoney, formatPerHour, formatRunway } from '../../preload/format.js';
import type { FleetSnapshot, Instance, Language, Notice, NoticeKind, NotificationToggles, Settings } from '../../preload/models.js';
import type { Cancel, Clock } from './clock.js';
import { Emitter } from './emitter.js';
import type { FleetEvents } from './fleet-events.js';
import { translator } from './i18n.js';
import { storagePerDay } from './money.js';

export interface NoticePolicyOptions {
  clock: Clock;
  settings: () => Settings;
  language: () => Language;
  /** Notices allowed per window before the rest are summed up. */
  maxPerWindow?: number;
  windowMs?: number;
  /** The same dedupe key within this long is the same event. */
  dedupeMs?: number;
}

export interface PublishOptions {
  instanceId?: number | null;
  severity?: Notice['severity'];
  dedupeKey: string;
  params?: Record<string, string | number>;
}

/** Which settings toggle silences which kind; kinds not listed are always shown. */
const TOGGLE: Partial<Record<NoticeKind, keyof NotificationToggles>> = {
  paused: 'paused',
  ready: 'resumed',
  queued: 'queued',
  still_waiting: 'stillWaiting',
  action_failed: 'failed',
  crashed: 'crashed',
  host_offline: 'hostOffline',
  low_credit: 'lowCredit',
  low_runway: 'lowCredit',
  key_rejected: 'keyRejected',
};

const RECENT_LIMIT = 50;

export interface NoticeEvents extends Record<string, unknown> {
  notice: Notice;
}

export class NoticePolicy {
  readonly events = new Emitter<NoticeEvents>();
  private readonly clock: Clock;
  private readonly settings: () => Settings;
  private readonly language: () => Language;
  private readonly maxPerWindow: number;
  private readonly windowMs: number;
  private readonly dedupeMs: number;
  private readonly seen = new Map<string, number>();
  private sentAt: number[] = [];
  private suppressed = 0;
  private summaryTimer: Cancel | null = null;
  private recentNotices: Notice[] = [];
  private lowCreditArmed = true;
  private lowRunwayArmed = true;

  constructor(options: NoticePolicyOptions) {
    this.clock = options.clock;
    this.settings = options.settings;
    this.language = options.language;
    this.maxPerWindow = options.maxPerWindow ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
    this.dedupeMs = options.dedupeMs ?? 30 * 60_000;
  }

  /** The latest notices, newest first, for the dashboard. */
  recent(): Notice[] {
    return this.recentNotices;
  }

  /** Listens to a fleet; returns the function that stops listening. */
  attach(fleet: { events: Emitter<FleetEvents>; isBusy(id: number): boolean }): () => void {
    const { events } = fleet;
    const offs = [
      events.on('actionFinished', ({ record, outcome, instance }) => {
        const name = instance?.name ?? record.instanceName;
        if (outcome.status === 'failed') {
          const t = translator(this.language()).t;
          this.publish('action_failed', {
            instanceId: record.instanceId,
            severity: 'error',
            dedupeKey: `failed:${record.actionId}`,
            params: { name, action: t(`action.${record.kind}`), reason: outcome.message },
          });
        } else if (record.kind === 'pause') {
          this.publishPaused(instance, name, record.instanceId, `paused:${record.actionId}`);
        } else if (record.kind === 'resume' && outcome.status === 'done') {
          this.publish('ready', { instanceId: record.instanceId, severity: 'success', dedupeKey: `ready:${record.instanceId}`, params: { name } });
        } else if (record.kind === 'resume' && outcome.status === 'queued') {
          this.publish('queued', { instanceId: record.instanceId, severity: 'warning', dedupeKey: `queued:${record.actionId}`, params: { name } });
        }
      }),
      events.on('stateChanged', ({ instance, to }) => {
        if (fleet.isBusy(instance.id)) return; // our own action reports its outcome
        if (to === 'paused') this.publishPaused(instance, instance.name, instance.id, `paused:${instance.id}:${instance.pausedSince ?? ''}`);
        if (to === 'crashed') {
          this.publish('crashed', {
            instanceId: instance.id,
            severity: 'error',
            dedupeKey: `crashed:${instance.id}`,
            params: {
              name: instance.name,
              reason: instance.statusMessage ? `${instance.statusMessage}.` : '',
              perHour: formatPerHour(instance.price.burnPerHour, this.language()),
            },
          });
        }
        if (to === 'offline') {
          this.publish('host_offline', { instanceId: instance.id, severity: 'error', dedupeKey: `offline:${instance.id}`, params: { name: instance.name } });
        }
      }),
      events.on('resumeReady', ({ instance }) => {
        this.publish('ready', { instanceId: instance.id, severity: 'success', dedupeKey: `ready:${instance.id}`, params: { name: instance.name } });
      }),
      events.on('stillWaiting', ({ instance, minutes }) => {
        this.publish('still_waiting', {
          instanceId: instance.id,
          severity: 'warning',
          dedupeKey: `still:${instance.id}:${instance.waitingSince ?? ''}`,
          params: { name: instance.name, minutes },
        });
      }),
      events.on('connectionChanged', ({ connection }) => {
        if (connection.status === 'auth_failed') {
          this.publish('key_rejected', { severity: 'error', dedupeKey: `key_rejected:${connection.since}` });
        }
      }),
      events.on('changed', (snapshot) => this.checkMoney(snapshot)),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Publishes a notice unless it is a duplicate, switched off, or over the rate limit. */
  publish(kind: NoticeKind, options: PublishOptions): Notice | null {
    const now = this.clock.now();
    const settings = this.settings();
    const toggle = TOGGLE[kind];
    if (toggle && (!settings.notifications.enabled || !settings.notifications.kinds[toggle])) return null;

    const lastSeen = this.seen.get(options.dedupeKey);
    if (lastSeen !== undefined && now - lastSeen < this.dedupeMs) return null;
    this.seen.set(options.dedupeKey, now);
    this.pruneSeen(now);

    this.sentAt = this.sentAt.filter((at) => now - at < this.windowMs);
    if (this.sentAt.length >= this.maxPerWindow) {
      this.suppressed += 1;
      this.scheduleSummary();
      return null;
    }
    return this.emit(kind, options, now);
  }

  private emit(kind: NoticeKind, options: PublishOptions, now: number): Notice {
    const { t } = translator(this.language());
    const params = options.params ?? {};
    const notice: Notice = {
      id: randomUUID(),
      kind,
      title: t(`notice.${kind}.title`, params),
      body: t(`notice.${kind}.body`, params),
      instanceId: options.instanceId ?? null,
      severity: options.severity ?? 'info',
      dedupeKey: options.dedupeKey,
      at: now,
    };
    this.sentAt.push(now);
    this.recentNotices = [notice, ...this.recentNotices].slice(0, RECENT_LIMIT);
    this.events.emit('notice', notice);
    return notice;
  }

  private publishPaused(instance: Instance | null, name: string, id: number, dedupeKey: string): void {
    const perDay = instance ? storagePerDay(instance) : null;
    this.publish('paused', {
      instanceId: id,
      severity: 'success',
      dedupeKey,
      params: { name, perDay: perDay === null ? '—' : formatMoney(perDay, this.language()) },
    });
  }

  /** Low credit and short runway fire once, and re-arm only after the money recovers. */
  private checkMoney(snapshot: FleetSnapshot): void {
    const settings = this.settings();
    const locale = this.language();
    const { credit, runwayHours, burnPerHour } = snapshot.money;
    if (credit === null) return;
    if (credit < settings.lowCreditDollars) {
      if (this.lowCreditArmed) {
        this.lowCreditArmed = false;
        this.publish('low_credit', {
          severity: 'warning',
          dedupeKey: `low_credit:${Math.floor(credit)}`,
          params: { credit: formatMoney(credit, locale), threshold: formatMoney(settings.lowCreditDollars, locale) },
        });
      }
    } else if (credit >= settings.lowCreditDollars * 1.1 + 0.5) {
      this.lowCreditArmed = true;
    }
    if (runwayHours !== null && runwayHours < settings.lowRunwayHours) {
      if (this.lowRunwayArmed) {
        this.lowRunwayArmed = false;
        this.publish('low_runway', {
          severity: 'warning',
          dedupeKey: `low_runway:${Math.floor(runwayHours)}`,
          params: {
            runway: formatRunway(runwayHours, locale),
            hours: Math.floor(runwayHours),
            burn: formatPerHour(burnPerHour, locale),
            credit: formatMoney(credit, locale),
          },
        });
      }
    } else if (runwayHours === null || runwayHours >= settings.lowRunwayHours * 1.25) {
      this.lowRunwayArmed = true;
    }
  }

  private scheduleSummary(): void {
    if (this.summaryTimer) return;
    const oldest = this.sentAt[0] ?? this.clock.now();
    const wait = Math.max(0, oldest + this.windowMs - this.clock.now());
    this.summaryTimer = this.clock.setTimeout(() => {
      this.summaryTimer = null;
      const count = this.suppressed;
      this.suppressed = 0;
      if (count > 0) this.emit('more', { dedupeKey: `more:${this.clock.now()}`, params: { count } }, this.clock.now());
    }, wait);
  }

  private pruneSeen(now: number): void {
    if (this.seen.size < 500) return;
    for (const [key, at] of this.seen) if (now - at >= this.dedupeMs) this.seen.delete(key);
  }

  dispose(): void {
    this.summaryTimer?.();
    this.summaryTimer = null;
  }
}
