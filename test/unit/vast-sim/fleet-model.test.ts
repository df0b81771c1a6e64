import { describe, expect, it } from 'vitest';
import { SimFleet, gpuUtil } from '../../../main/vast-sim/fleet-model.js';
import { demoFleet, largeFleet, userRow } from '../../../main/vast-sim/fleets.js';
import { SteppedClock } from '../../../main/vast-sim/sim-clock.js';
import { displayStateOf } from '../../../main/vast/normalize.js';

const RUNNING = 24819031;
const PAUSED = 24820377;
const SCHEDULING = 24801166;
const CRASHED = 24822508;

function setup(credit = 42.1735) {
  const clock = new SteppedClock(Date.UTC(2026, 11, 3, 12));
  const fleet = new SimFleet(clock, userRow(), { credit, timings: { pauseMs: 4_000, loadMs: 12_000, rebootMs: 8_000 } });
  fleet.seed(demoFleet(clock.now()));
  const state = (id: number) => {
    const row = fleet.row(id);
    return row ? displayStateOf(row['actual_status'] as string, row['intended_status'] as string, row['cur_state'] as string) : null;
  };
  return { clock, fleet, state };
}

describe('the demo fleet', () => {
  it('covers running, paused, scheduling, crashed and offline', () => {
    const { fleet } = setup();
    const states = new Set(
      fleet.rows().map((row) => displayStateOf(row['actual_status'] as string, row['intended_status'] as string, row['cur_state'] as string)),
    );
    expect(fleet.size).toBeGreaterThanOrEqual(5);
    for (const s of ['running', 'paused', 'scheduling', 'crashed', 'offline']) expect(states).toContain(s);
  });

  it('rebases recorded dates so a row is as old now as when it was recorded', () => {
    const { clock, fleet } = setup();
    const row = fleet.row(RUNNING);
    expect(row?.['duration']).toBeCloseTo(18_600, -1);
    expect((row?.['start_date'] as number) * 1000).toBeLessThan(clock.now());
  });
});

describe('state transitions on the simulated clock', () => {
  it('pause: running until the delay passes, then stopped', () => {
    const { clock, fleet, state } = setup();
    fleet.pause(RUNNING);
    expect(state(RUNNING)).toBe('pausing');
    clock.advance(3_999);
    expect(state(RUNNING)).toBe('pausing');
    clock.advance(1);
    expect(state(RUNNING)).toBe('paused');
    expect(fleet.row(RUNNING)?.['ports']).toBeNull();
    expect(fleet.row(RUNNING)?.['uptime_mins']).toBeNull();
  });

  it('resume with a free GPU: loading, then running', () => {
    const { clock, fleet, state } = setup();
    expect(fleet.resume(PAUSED)).toBe('started');
    expect(state(PAUSED)).toBe('starting');
    clock.advance(12_000);
    expect(state(PAUSED)).toBe('running');
    expect(fleet.row(PAUSED)?.['uptime_mins']).toBe(0);
  });

  it('resume with the GPU taken is queued until the GPU is freed', () => {
    const { clock, fleet, state } = setup();
    fleet.takeGpu(PAUSED);
    expect(fleet.resume(PAUSED)).toBe('queued');
    clock.advance(60 * 60_000);
    expect(state(PAUSED)).toBe('scheduling');
    fleet.freeGpu(PAUSED);
    expect(state(PAUSED)).toBe('starting');
    clock.advance(12_000);
    expect(state(PAUSED)).toBe('running');
  });

  it('the demo scheduling instance gets its GPU after three simulated minutes', () => {
    const { clock, state } = setup();
    expect(state(SCHEDULING)).toBe('scheduling');
    clock.advance(3 * 60_000);
    expect(state(SCHEDULING)).toBe('starting');
    clock.advance(12_000);
    expect(state(SCHEDULING)).toBe('running');
  });

  it('pausing a queued resume cancels it', () => {
    const { fleet, state } = setup();
    fleet.pause(SCHEDULING);
    expect(state(SCHEDULING)).toBe('paused');
  });

  it('reboot: running → rebooting → running; refused when not started', () => {
    const { clock, fleet, state } = setup();
    expect(fleet.reboot(PAUSED)).toBe('not_started');
    expect(fleet.reboot(RUNNING)).toBe('ok');
    expect(state(RUNNING)).toBe('rebooting');
    clock.advance(8_000);
    expect(state(RUNNING)).toBe('running');
  });

  it('reboot fixes a crashed container', () => {
    const { clock, fleet, state } = setup();
    expect(fleet.reboot(CRASHED)).toBe('ok');
    clock.advance(8_000);
    expect(state(CRASHED)).toBe('running');
  });

  it('label, destroy and snapshot', () => {
    const { fleet } = setup();
    fleet.setLabel(RUNNING, 'renamed');
    expect(fleet.row(RUNNING)?.['label']).toBe('renamed');
    fleet.setLabel(RUNNING, '');
    expect(fleet.row(RUNNING)?.['label']).toBeNull();
    expect(fleet.takeSnapshot(RUNNING, 'ada/snap', 'docker.io')).toBe(true);
    expect(fleet.destroy(RUNNING)).toBe(true);
    expect(fleet.row(RUNNING)).toBeNull();
    expect(fleet.destroy(RUNNING)).toBe(false);
  });

  it('gpu_util moves over time', () => {
    const samples = Array.from({ length: 10 }, (_, i) => gpuUtil(RUNNING, i * 60_000));
    expect(new Set(samples).size).toBeGreaterThan(3);
    for (const s of samples) expect(s).toBeGreaterThanOrEqual(0);
  });
});

describe('credit', () => {
  it('drains at the running price for running instances and the storage price for paused ones', () => {
    const { clock, fleet } = setup(1000);
    fleet.takeGpu(SCHEDULING); // keep the queued resume waiting all hour
    const burn = fleet.rows().reduce((sum, row) => {
      const holdsGpu = row['cur_state'] === 'running' && ['running', 'exited', 'offline'].includes(row['actual_status'] as string);
      return sum + ((holdsGpu ? row['dph_total'] : row['storage_total_cost']) as number);
    }, 0);
    clock.advance(3_600_000);
    expect(fleet.getCredit()).toBeCloseTo(1000 - burn, 3);
  });

  it('at zero credit every instance stops, and storage keeps billing', () => {
    const { clock, fleet, state } = setup(0.5);
    clock.advance(4 * 3_600_000);
    for (const row of fleet.rows()) expect(row['intended_status']).toBe('stopped');
    expect(state(RUNNING)).toBe('paused');
    expect(fleet.getCredit()).toBeLessThan(0);
    expect(fleet.resume(RUNNING)).toBe('no_credit');
  });
});

describe('largeFleet', () => {
  it('generates unique ids and a mix of states', () => {
    const seeds = largeFleet(1000, Date.now());
    expect(new Set(seeds.map((s) => s.row['id'])).size).toBe(1000);
    const states = new Set(seeds.map((s) => s.row['actual_status']));
    expect(states).toEqual(new Set(['running', 'stopped', 'exited', 'loading']));
  });
});
