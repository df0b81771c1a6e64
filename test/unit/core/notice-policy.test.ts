import { describe, expect, it } from 'vitest';
import type { ActionOutcome, ActionRecord, FleetSnapshot, Language, Notice, Settings } from '../../../preload/models.js';
import { Emitter } from '../../../main/core/emitter.js';
import type { FleetEvents } from '../../../main/core/fleet-events.js';
import { NoticePolicy } from '../../../main/core/notice-policy.js';
import { DEFAULT_SETTINGS } from '../../../main/core/settings-store.js';
import { ManualClock } from '../../support/manual-clock.js';
import { FIXTURE_IDS, fixtureInstance } from '../../support/instances.js';

function setup(patch: Partial<Settings> = {}, language: Language = 'en') {
  const clock = new ManualClock();
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), ...patch };
  const policy = new NoticePolicy({ clock, settings: () => settings, language: () => language });
  const events = new Emitter<FleetEvents>();
  const busy = new Set<number>();
  policy.attach({ events, isBusy: (id) => busy.has(id) });
  const notices: Notice[] = [];
  policy.events.on('notice', (n) => notices.push(n));
  return { clock, settings, policy, events, notices, busy };
}

function finished(kind: ActionRecord['kind'], status: ActionOutcome['status'], actionId = 'a1', message = 'ok') {
  const instance = fixtureInstance(FIXTURE_IDS.paused, { state: status === 'done' && kind === 'pause' ? 'paused' : 'running' });
  const record: ActionRecord = {
    actionId,
    instanceId: instance.id,
    instanceName: instance.name,
    kind,
    status,
    code: status === 'failed' ? 'network' : null,
    message,
    requestedAt: 0,
    finishedAt: 1,
  };
  const outcome: ActionOutcome = { actionId, instanceId: instance.id, kind, status, code: record.code, message };
  return { record, outcome, instance };
}

function snapshotWith(credit: number, burn: number): FleetSnapshot {
  return {
    instances: [],
    account: { credit, email: null, username: null },
    connection: { status: 'ok', message: null, since: 0, nextRetryAt: null },
    money: { burnPerHour: burn, runningPerHour: burn, storagePerHour: 0, credit, runwayHours: burn > 0 ? credit / burn : null, counts: { total: 0, running: 0, paused: 0, attention: 0, busy: 0 } },
    updatedAt: 0,
    demo: false,
  };
}

describe('NoticePolicy', () => {
  it('turns action outcomes into paused, ready, queued and failed notices', () => {
    const { events, notices } = setup();
    events.emit('actionFinished', finished('pause', 'done', 'a1'));
    events.emit('actionFinished', finished('resume', 'done', 'a2'));
    events.emit('actionFinished', finished('resume', 'queued', 'a3'));
    events.emit('actionFinished', finished('reboot', 'failed', 'a4', 'Could not reach Vast (ECONNRESET).'));
    expect(notices.map((n) => n.kind)).toEqual(['paused', 'ready', 'queued', 'action_failed']);
    expect(notices[0]).toMatchObject({ title: 'sd-xl-batch paused', severity: 'success', instanceId: FIXTURE_IDS.paused });
    expect(notices[0]?.body).toContain('$0.80 a day');
    expect(notices[3]).toMatchObject({ title: 'Could not reboot sd-xl-batch', body: 'Could not reach Vast (ECONNRESET).', severity: 'error' });
  });

  it('gives one notice when the same event arrives twice', () => {
    const { events, notices } = setup();
    const event = finished('pause', 'done', 'same');
    events.emit('actionFinished', event);
    events.emit('actionFinished', event);
    const crash = { instance: fixtureInstance(FIXTURE_IDS.crashed), from: 'running' as const, to: 'crashed' as const };
    events.emit('stateChanged', crash);
    events.emit('stateChanged', crash);
    expect(notices.map((n) => n.kind)).toEqual(['paused', 'crashed']);
  });

  it('reports crashes and hosts going offline, but not state changes our own action will report', () => {
    const { events, notices, busy } = setup();
    events.emit('stateChanged', { instance: fixtureInstance(FIXTURE_IDS.crashed), from: 'running', to: 'crashed' });
    events.emit('stateChanged', { instance: fixtureInstance(FIXTURE_IDS.running, { state: 'offline' }), from: 'running', to: 'offline' });
    busy.add(FIXTURE_IDS.paused);
    events.emit('stateChanged', { instance: fixtureInstance(FIXTURE_IDS.paused), from: 'pausing', to: 'paused' });
    expect(notices.map((n) => n.kind)).toEqual(['crashed', 'host_offline']);
    expect(notices[0]?.body).toContain('OOMKilled');
  });

  it('says a rejected key once per rejection', () => {
    const { events, notices } = setup();
    const connection = { status: 'auth_failed' as const, message: 'x', since: 5, nextRetryAt: null };
    const previous = { ...connection, status: 'ok' as const };
    events.emit('connectionChanged', { connection, previous });
    events.emit('connectionChanged', { connection, previous });
    expect(notices.filter((n) => n.kind === 'key_rejected')).toHaveLength(1);
  });

  it('warns about low credit and short runway once, and again only after the money recovered', () => {
    const { events, notices } = setup({ lowCreditDollars: 5, lowRunwayHours: 12 });
    events.emit('changed', snapshotWith(20, 1)); // fine
    events.emit('changed', snapshotWith(10, 1)); // runway 10 h < 12 h
    events.emit('changed', snapshotWith(9, 1));
    events.emit('changed', snapshotWith(4, 1)); // low credit
    events.emit('changed', snapshotWith(3.9, 1));
    expect(notices.map((n) => n.kind)).toEqual(['low_runway', 'low_credit']);
    expect(notices[0]?.title).toBe('≈ 10h of credit left');
    events.emit('changed', snapshotWith(50, 1)); // topped up: re-armed
    events.emit('changed', snapshotWith(2, 1));
    expect(notices.map((n) => n.kind)).toEqual(['low_runway', 'low_credit', 'low_credit', 'low_runway']);
  });

  it('respects the notification toggles', () => {
    const { events, notices, settings } = setup();
    settings.notifications.kinds.paused = false;
    events.emit('actionFinished', finished('pause', 'done', 'p'));
    events.emit('actionFinished', finished('resume', 'done', 'r'));
    settings.notifications.enabled = false;
    events.emit('actionFinished', finished('reboot', 'failed', 'f'));
    expect(notices.map((n) => n.kind)).toEqual(['ready']);
  });

  it('rate-limits: five a minute, the rest summed up in one notice', async () => {
    const { events, notices, clock } = setup();
    for (let i = 0; i < 9; i += 1) events.emit('actionFinished', finished('reboot', 'failed', `f${i}`));
    expect(notices).toHaveLength(5);
    await clock.advance(60_000);
    expect(notices).toHaveLength(6);
    expect(notices[5]).toMatchObject({ kind: 'more', title: '4 more updates' });
  });

  it('speaks Brazilian Portuguese when that is the language', () => {
    const { events, notices } = setup({}, 'pt-BR');
    events.emit('actionFinished', finished('pause', 'done'));
    expect(notices[0]?.title).toBe('sd-xl-batch pausada');
    expect(notices[0]?.body).toMatch(/US\$\s0,80 por dia/);
  });
});
