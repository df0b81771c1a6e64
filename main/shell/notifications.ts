// The core's notices as OS notifications: one Notification per notice (the NoticePolicy has
// already deduplicated, rate-limited and applied the per-kind toggles); the master switch in
// Settings silences them all (the dashboard still lists them). A click opens the dashboard on the
// notice's instance.
import { Notification } from 'electron';
import type { DashboardTarget } from '../../preload/contract.js';
import type { Notice, Settings } from '../../preload/models.js';
import type { Emitter } from '../core/emitter.js';
import type { NoticeEvents } from '../core/notice-policy.js';

export interface NotifierOptions {
  notices: { events: Emitter<NoticeEvents> };
  settings: () => Settings;
  openDashboard(target: DashboardTarget): void;
  platform: NodeJS.Platform;
}

/** Notifications still on screen; without a reference, a shown notification can be garbage collected and its click lost. */
const MAX_LIVE = 20;

export class Notifier {
  private readonly live = new Set<Notification>();

  constructor(private readonly options: NotifierOptions) {}

  /** Starts presenting notices; returns the function that stops. */
  start(): () => void {
    return this.options.notices.events.on('notice', (notice) => {
      this.present(notice);
    });
  }

  /** Shows one notice; null when the OS cannot, or the user switched notifications off. */
  present(notice: Notice): Notification | null {
    if (!this.options.settings().notifications.enabled) return null;
    if (!Notification.isSupported()) return null;
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      // Linux only: errors stay until the user sees them.
      ...(this.options.platform === 'linux' ? { urgency: notice.severity === 'error' ? 'critical' : 'normal' } : {}),
    });
    const forget = (): void => {
      this.live.delete(notification);
    };
    notification.on('click', () => {
      forget();
      this.options.openDashboard(notice.instanceId !== null ? { instanceId: notice.instanceId } : undefined);
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    this.live.add(notification);
    if (this.live.size > MAX_LIVE) {
      const oldest = this.live.values().next().value;
      if (oldest) this.live.delete(oldest);
    }
    notification.show();
    return notification;
  }
}
