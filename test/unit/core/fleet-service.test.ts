// The fleet against the simulator over real HTTP, on a manual clock shared by both.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/core-harness.js';
import { TEST_KEY } from '../../support/sim.js';

const RUNNING = 24819031;
const PAUSED = 24820377;
const SCHEDULING = 24801166;

let h: Harness;
afterEach(async () => {
  await h.close();
});

const state = (id: number) => h.core.fleet.snapshot().instances.find((i) => i.id === id)?.state;
const puts = (id: number) => h.sim.requests.filter((r) => r.method === 'PUT' && r.path === `/api/v0/instances/${id}/`).length;
const lists = () => h.sim.requests.filter((r) => r.path === '/api/v1/instances/').length;

describe('snapshot', () => {
  it('loads the fleet, the account and the money on the first refresh', async () => {
    h = await createHarness();
    const snapshot = h.core.fleet.snapshot();
    expect(snapshot.instances).toHaveLength(7);
    expect(snapshot.connection.status).toBe('ok');
    expect(snapshot.account?.credit).toBeCloseTo(42.17, 1);
    expect(snapshot.money.burnPerHour).toBeGreaterThan(0);
    expect(snapshot.money.runwayHours).toBeCloseTo((snapshot.account?.credit ?? 0) / snapshot.money.burnPerHour, 5);
    expect(state(SCHEDULING)).toBe('scheduling');
  });

  it('pages through 60+ instances with one list call per page, never one call per instance', async () => {
    h = await createHarness({ fleet: 'large:65' });
    expect(h.core.fleet.snapshot().instances).toHaveLength(65);
    await h.core.fleet.refresh();
    expect(lists()).toBe(3);
    expect(h.sim.requests.filter((r) => r.path.startsWith('/api/v0/instances/')).length).toBe(0);
  });
});

describe('pause', () => {
  it('goes from running to paused: pending at once, done when Vast reports stopped', async () => {
    h = await createHarness();
    const action = h.track(h.core.fleet.pause(RUNNING));
    expect(state(RUNNING)).toBe('pausing');
    expect(h.core.fleet.snapshot().instances.find((i) => i.id === RUNNING)?.pending?.kind).toBe('pause');
    await h.runUntil(() => action.outcome !== undefined, { what: 'the pause outcome' });
    expect(action.outcome).toMatchObject({ status: 'done', message: `Instance ${RUNNING} paused`, code: null });
    expect(state(RUNNING)).toBe('paused');
    expect(h.core.fleet.snapshot().instances.find((i) => i.id === RUNNING)?.pausedSince).toEqual(expect.any(Number));
    expect(h.notices.map((n) => n.kind)).toContain('paused');
    expect(h.core.getHistory()[0]).toMatchObject({ instanceId: RUNNING, kind: 'pause', status: 'done' });
  });

  it('two quick clicks send one request and share one outcome', async () => {
    h = await createHarness();
    const first = h.track(h.core.fleet.pause(RUNNING));
    const second = h.track(h.core.fleet.pause(RUNNING));
    await h.runUntil(() => first.outcome !== undefined && second.outcome !== undefined);
    expect(puts(RUNNING)).toBe(1);
    expect(second.outcome?.actionId).toBe(first.outcome?.actionId);
    expect(h.core.getHistory().filter((r) => r.instanceId === RUNNING)).toHaveLength(1);
  });

  it('a different action while one is pending is refused as busy, not sent', async () => {
    h = await createHarness();
    const pause = h.track(h.core.fleet.pause(RUNNING));
    const reboot = await h.core.fleet.reboot(RUNNING);
    expect(reboot).toMatchObject({ status: 'failed', code: 'busy' });
    await h.runUntil(() => pause.outcome !== undefined);
    expect(h.sim.requests.some((r) => r.path.startsWith('/api/v0/instances/reboot/'))).toBe(false);
  });

  it('a 429 storm backs off and recovers without losing the action', async () => {
    h = await createHarness();
    h.sim.faults.set([{ kind: 'status', status: 429, times: 12 }]);
    const action = h.track(h.core.fleet.pause(RUNNING));
    await h.runUntil(() => h.core.fleet.snapshot().connection.status === 'rate_limited' || action.outcome !== undefined);
    await h.runUntil(() => action.outcome !== undefined, { what: 'the pause outcome' });
    expect(action.outcome?.status).toBe('done');
    expect(puts(RUNNING)).toBeGreaterThanOrEqual(2);
    expect(h.sim.requests.filter((r) => r.status === 429).length).toBe(12);
    expect(h.sim.requests.filter((r) => r.method === 'PUT' && r.status === 200)).toHaveLength(1);
    await h.runUntil(() => h.core.fleet.snapshot().connection.status === 'ok');
  });

  it('the network dropping mid-action ends in a reported failure, not silence', async () => {
    h = await createHarness();
    const action = h.track(h.core.fleet.pause(RUNNING));
    await h.runUntil(() => puts(RUNNING) === 1);
    h.sim.faults.set([{ kind: 'drop' }]);
    await h.runUntil(() => action.outcome !== undefined, { what: 'the pause outcome' });
    expect(action.outcome).toMatchObject({ status: 'failed', code: 'network' });
    expect(action.outcome?.message).toMatch(/Lost contact with Vast/);
    expect(h.core.fleet.snapshot().connection.status).toBe('offline');
    expect(h.notices.find((n) => n.kind === 'action_failed')?.body).toMatch(/Lost contact/);
    h.sim.faults.clear();
    await h.runUntil(() => h.core.fleet.snapshot().connection.status === 'ok', { what: 'recovery' });
  });

  it('a request refused outright fails at once with Vast’s reason', async () => {
    h = await createHarness();
    h.sim.faults.set([{ kind: 'status', status: 500, method: 'PUT' }]);
    const outcome = await h.core.fleet.pause(RUNNING);
    expect(outcome).toMatchObject({ status: 'failed', code: 'server' });
  });
});

describe('resume', () => {
  it('a resume with a free GPU: resuming, then done when running, with a "ready" notice', async () => {
    h = await createHarness();
    const action = h.track(h.core.fleet.resume(PAUSED));
    expect(state(PAUSED)).toBe('resuming');
    await h.runUntil(() => action.outcome !== undefined);
    expect(action.outcome).toMatchObject({ status: 'done', message: `Instance ${PAUSED} resumed` });
    expect(state(PAUSED)).toBe('running');
    expect(h.notices.filter((n) => n.kind === 'ready')).toHaveLength(1);
  });

  it('a resume that is queued ends as queued, then becomes ready when the GPU frees up', async () => {
    h = await createHarness();
    h.sim.fleet.takeGpu(PAUSED);
    const action = h.track(h.core.fleet.resume(PAUSED));
    await h.runUntil(() => action.outcome !== undefined);
    expect(action.outcome).toMatchObject({ status: 'queued', message: `Instance ${PAUSED} queued: waiting for a GPU` });
    await h.runUntil(() => state(PAUSED) === 'scheduling');
    expect(h.notices.map((n) => n.kind)).toContain('queued');

    await h.advance(11 * 60_000, 5_000);
    const stillWaiting = h.notices.filter((n) => n.kind === 'still_waiting' && n.instanceId === PAUSED);
    expect(stillWaiting).toHaveLength(1);
    expect(stillWaiting[0]?.title).toContain('still waiting');

    h.sim.fleet.freeGpu(PAUSED);
    await h.runUntil(() => state(PAUSED) === 'running', { what: 'the queued resume to run' });
    await h.settle();
    const about = (kind: string) => h.notices.filter((n) => n.kind === kind && n.instanceId === PAUSED);
    expect(about('ready')).toHaveLength(1);
    expect(about('still_waiting')).toHaveLength(1);
  });
});

describe('other actions', () => {
  it('reboot, label, and destroy only with the id typed back', async () => {
    h = await createHarness();
    const reboot = h.track(h.core.fleet.reboot(RUNNING));
    await h.runUntil(() => reboot.outcome !== undefined);
    expect(reboot.outcome?.status).toBe('done');

    expect(await h.core.fleet.label(RUNNING, 'renamed')).toMatchObject({ status: 'done' });
    expect(h.core.fleet.instance(RUNNING)?.name).toBe('renamed');

    const refused = await h.core.fleet.destroy(PAUSED, '2482037');
    expect(refused).toMatchObject({ status: 'failed', code: 'confirmation_required' });
    expect(h.sim.fleet.has(PAUSED)).toBe(true);
    const destroyed = await h.core.fleet.destroy(PAUSED, String(PAUSED));
    expect(destroyed.status).toBe('done');
    expect(h.core.fleet.instance(PAUSED)).toBeUndefined();
    expect(h.sim.fleet.has(PAUSED)).toBe(false);
  });

  it('bulk pause: one request per 64 ids, each instance its own outcome', async () => {
    h = await createHarness({ fleet: 'large:80' });
    const running = h.core.fleet.snapshot().instances.filter((i) => i.state === 'running').map((i) => i.id);
    const bulk = h.core.fleet.pauseMany(running);
    let outcomes: Array<{ status: string }> | undefined;
    void bulk.then((o) => (outcomes = o));
    await h.runUntil(() => outcomes !== undefined);
    expect(outcomes).toHaveLength(running.length);
    expect(outcomes?.every((o) => o.status === 'done')).toBe(true);
    expect(h.sim.requests.filter((r) => r.method === 'PUT' && r.path === '/api/v0/instances/')).toHaveLength(1);
  });
});

describe('connection', () => {
  it('a revoked key stops polling and raises "key rejected"', async () => {
    h = await createHarness();
    h.sim.keys.delete(TEST_KEY);
    await h.core.fleet.refresh();
    expect(h.core.fleet.snapshot().connection.status).toBe('auth_failed');
    expect(h.notices.filter((n) => n.kind === 'key_rejected')).toHaveLength(1);
    const before = h.sim.requests.length;
    await h.advance(10 * 60_000, 10_000);
    expect(h.sim.requests.length).toBe(before);
  });

  it('polls fast while something moves, normally while visible, slowly from the tray', async () => {
    h = await createHarness({ fleet: 'empty' });
    const countOver = async (ms: number) => {
      const before = lists();
      await h.advance(ms, 1_000);
      return lists() - before;
    };
    expect(await countOver(120_000)).toBe(2); // slow: every 60 s
    h.core.fleet.setVisible(true);
    expect(await countOver(120_000)).toBeGreaterThanOrEqual(8); // normal: every 15 s
  });

  it('backs off on failures with growing delays, and refreshes at once on wake', async () => {
    h = await createHarness({ fleet: 'empty' });
    const delays: number[] = [];
    h.core.fleet.events.on('changed', ({ connection }) => {
      if (connection.status !== 'offline' || connection.nextRetryAt === null) return;
      const delay = connection.nextRetryAt - h.clock.now();
      if (delays[delays.length - 1] !== delay) delays.push(delay);
    });
    const statuses: string[] = [];
    h.core.fleet.events.on('connectionChanged', ({ connection }) => statuses.push(connection.status));
    h.sim.faults.set([{ kind: 'status', status: 503 }]);
    void h.core.fleet.refresh();
    await h.advance(3 * 60_000, 250);
    // Retries keep saying why they failed; they do not flicker back to "connecting".
    expect(statuses).toEqual(['offline']);
    // 5 s base, doubling, equal jitter (random = 0.5): 3.75 s, 7.5 s, 15 s, 30 s, 60 s…
    expect(delays.slice(0, 4)).toEqual([3_750, 7_500, 15_000, 30_000]);
    h.core.fleet.suspend();
    const before = lists();
    await h.advance(30 * 60_000, 60_000);
    expect(lists()).toBe(before);
    h.sim.faults.clear();
    h.core.fleet.wake();
    await h.settle();
    expect(h.core.fleet.snapshot().connection.status).toBe('ok');
  });

  it('while Vast is unreachable from the start, retries keep saying why instead of flickering to "connecting"', async () => {
    h = await createHarness({ fleet: 'empty', start: false });
    await h.core.setKey(TEST_KEY);
    h.sim.faults.set([{ kind: 'status', status: 503 }]);
    const statuses: string[] = [];
    h.core.fleet.events.on('connectionChanged', ({ connection }) => statuses.push(connection.status));
    await h.core.start();
    await h.advance(2 * 60_000, 250);
    expect(h.sim.requests.filter((r) => r.status === 503).length).toBeGreaterThan(8);
    expect(statuses).toEqual(['offline']);
    h.sim.faults.clear();
    await h.runUntil(() => h.core.fleet.snapshot().connection.status === 'ok');
  });

  it('a refresh during a poll joins it', async () => {
    h = await createHarness({ fleet: 'empty' });
    const before = lists();
    await Promise.all([h.core.fleet.refresh(), h.core.fleet.refresh(), h.core.fleet.refresh()]);
    expect(lists() - before).toBe(1);
  });
});
