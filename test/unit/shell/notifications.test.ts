// A core notice becomes exactly one OS notification, whose click opens the dashboard on that
// instance. Uses the real NoticePolicy, so deduplication and the per-kind toggles are the core's.
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { DashboardTarget } from '../../../preload/contract.js';
import type { Notice, Settings } from '../../../preload/models.js';
import { systemClock } from '../../../main/core/clock.js';
import { NoticePolicy } from '../../../main/core/notice-policy.js';
import { DEFAULT_SETTINGS } from '../../../main/core/settings-store.js';
import { Notifier } from '../../../main/shell/notifications.js';
import { FakeNotification, resetFakeElectron } from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

let settings: Settings;
let policy: NoticePolicy;
let openDashboard: Mock<(target: DashboardTarget) => void>;

function start(platform: NodeJS.Platform = 'darwin'): () => void {
  return new Notifier({ notices: policy, settings: () => settings, openDashboard, platform }).start();
}

beforeEach(() => {
  resetFakeElectron();
  settings = structuredClone(DEFAULT_SETTINGS);
  policy = new NoticePolicy({ clock: systemClock, settings: () => settings, language: () => 'en' });
  openDashboard = vi.fn<(target: DashboardTarget) => void>();
});

describe('Notifier', () => {
  it('shows one notification per notice; a click opens the dashboard on that instance', () => {
    start();
    const notice = policy.publish('crashed', {
      instanceId: 24822508,
      severity: 'error',
      dedupeKey: 'crashed:24822508',
      params: { name: 'h100-eval', reason: 'CUDA error.', perHour: '$2.42/h' },
    });
    expect(notice).not.toBeNull();
    expect(FakeNotification.instances).toHaveLength(1);
    const [shown] = FakeNotification.instances;
    expect(shown!.shown).toBe(1);
    expect(shown!.options).toEqual({ title: notice!.title, body: notice!.body });
    expect(shown!.options.title).toContain('h100-eval');

    shown!.emit('click');
    expect(openDashboard).toHaveBeenCalledExactlyOnceWith({ instanceId: 24822508 });
  });

  it('the same event twice is still one notification (the policy deduplicates)', () => {
    start();
    policy.publish('paused', { instanceId: 1, dedupeKey: 'paused:a1', params: { name: 'x', perDay: '$0.80' } });
    policy.publish('paused', { instanceId: 1, dedupeKey: 'paused:a1', params: { name: 'x', perDay: '$0.80' } });
    expect(FakeNotification.instances).toHaveLength(1);
  });

  it('a notice about no instance opens the dashboard as it is', () => {
    start();
    policy.publish('window_hidden', { dedupeKey: 'window_hidden' });
    expect(FakeNotification.instances[0]!.options.title).toBe('Vast Tray is still running');
    FakeNotification.instances[0]!.emit('click');
    expect(openDashboard).toHaveBeenCalledExactlyOnceWith(undefined);
  });

  it('respects the settings: a kind switched off, or notifications off altogether', () => {
    start();
    settings.notifications.kinds.paused = false;
    policy.publish('paused', { instanceId: 1, dedupeKey: 'p1', params: { name: 'x', perDay: '$1' } });
    expect(FakeNotification.instances).toHaveLength(0);

    settings.notifications.enabled = false;
    // Kinds without a toggle pass the policy (the dashboard lists them); the OS stays quiet.
    policy.publish('settings_reset', { dedupeKey: 'reset:1' });
    expect(policy.recent()).toHaveLength(1);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('shows nothing where the OS cannot show notifications', () => {
    FakeNotification.supported = false;
    start();
    policy.publish('key_rejected', { severity: 'error', dedupeKey: 'k' });
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('on Linux, errors are critical (they stay until seen)', () => {
    start('linux');
    policy.publish('key_rejected', { severity: 'error', dedupeKey: 'k' });
    policy.publish('window_hidden', { dedupeKey: 'w' });
    expect(FakeNotification.instances.map((n) => n.options.urgency)).toEqual(['critical', 'normal']);
  });

  it('stops when asked', () => {
    const stop = start();
    stop();
    const notice: Notice | null = policy.publish('key_rejected', { severity: 'error', dedupeKey: 'k' });
    expect(notice).not.toBeNull();
    expect(FakeNotification.instances).toHaveLength(0);
  });
});
