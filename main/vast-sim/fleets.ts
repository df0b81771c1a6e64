// Fleets the simulator can start with: the demo fleet (the recorded fixtures plus a few more, so
// every display state is on screen), an empty account, and large generated fleets for paging
// tests and benchmarks.
import fixturePage from './data/instances.json' with { type: 'json' };
import fixtureUser from './data/user.json' with { type: 'json' };
import type { RawRow, SimInstanceSeed } from './fleet-model.js';

/** The fixtures' timestamps were recorded around this moment (2026-12-03T12:13:20Z), in epoch seconds. */
const FIXTURE_NOW_S = 1_796_300_000;

export type FleetName = 'demo' | 'empty' | `large:${number}`;

export function parseFleetName(text: string): FleetName | null {
  if (text === 'demo' || text === 'empty') return text;
  const match = /^large:(\d{1,6})$/.exec(text);
  return match ? `large:${Number(match[1])}` : null;
}

export function fleetSeeds(name: FleetName, nowMs: number): SimInstanceSeed[] {
  if (name === 'demo') return demoFleet(nowMs);
  if (name === 'empty') return [];
  return largeFleet(Number(name.slice('large:'.length)), nowMs);
}

export function userRow(): RawRow {
  return { ...fixtureUser };
}

export function fixtureRows(nowMs: number): RawRow[] {
  return fixturePage.instances.map((row) => rebase(row as RawRow, nowMs));
}

/** Moves a recorded row's dates so that it looks as old now as it did when it was recorded. */
export function rebase(row: RawRow, nowMs: number): RawRow {
  const shift = nowMs / 1000 - FIXTURE_NOW_S;
  const out: RawRow = structuredClone(row);
  for (const key of ['start_date', 'end_date'] as const) {
    const value = out[key];
    if (typeof value === 'number') out[key] = value + shift;
  }
  if (typeof out['start_date'] === 'number') out['duration'] = nowMs / 1000 - out['start_date'];
  return out;
}

/**
 * Seven instances: running, paused (GPU free), scheduling (GPU taken; freed after 3 simulated
 * minutes so the demo shows a queued resume becoming ready), crashed, host offline, another
 * running one, and one paused for 12 days (the "destroy after a snapshot" hint).
 */
export function demoFleet(nowMs: number): SimInstanceSeed[] {
  const [running, paused, scheduling, crashed] = fixtureRows(nowMs) as [RawRow, RawRow, RawRow, RawRow];
  const offline: RawRow = {
    ...running,
    id: 24825590,
    label: 'whisper-api',
    machine_id: 50231,
    host_id: 77012,
    actual_status: 'offline',
    status_msg: 'Host is not responding',
    gpu_name: 'RTX 3080',
    num_gpus: 1,
    dph_base: 0.12,
    dph_total: 0.125556,
    storage_cost: 0.1,
    disk_space: 50,
    storage_total_cost: 0.006944,
    ssh_host: 'ssh5.vast.ai',
    ssh_port: 25590,
    geolocation: 'Ontario, CA',
    start_date: nowMs / 1000 - 3 * 86_400,
    uptime_mins: 1_200,
  };
  const secondRunning: RawRow = {
    ...running,
    id: 24826114,
    label: null,
    machine_id: 50877,
    num_gpus: 4,
    gpu_name: 'RTX 4090',
    dph_base: 1.6,
    dph_total: 1.627778,
    storage_cost: 0.2,
    disk_space: 100,
    storage_total_cost: 0.027778,
    ssh_host: 'ssh6.vast.ai',
    ssh_port: 26114,
    image_uuid: 'vastai/pytorch:2.5.1-cuda-12.4',
    start_date: nowMs / 1000 - 7_200,
    uptime_mins: 118,
    geolocation: 'Nevada, US',
  };
  const longPaused: RawRow = {
    ...paused,
    id: 24790042,
    label: 'old-finetune',
    gpu_name: 'A100 SXM4',
    num_gpus: 1,
    dph_base: 0.9,
    dph_total: 0.95,
    storage_cost: 0.3,
    disk_space: 120,
    storage_total_cost: 0.05,
    ssh_port: 20042,
    start_date: nowMs / 1000 - 20 * 86_400,
    end_date: nowMs / 1000 + 40 * 86_400,
    status_msg: 'Stopped by user',
  };
  return [
    { row: running },
    { row: paused },
    { row: scheduling, gpuTaken: true, gpuFreeAfterMs: 3 * 60_000 },
    { row: crashed },
    { row: offline },
    { row: secondRunning },
    { row: longPaused },
  ];
}

const GPU_MODELS: ReadonlyArray<{ name: string; price: number }> = [
  { name: 'RTX 4090', price: 0.4 },
  { name: 'RTX 3090', price: 0.22 },
  { name: 'RTX A6000', price: 0.55 },
  { name: 'A100 SXM4', price: 0.95 },
  { name: 'H100 SXM', price: 2.35 },
  { name: 'L40S', price: 0.8 },
];

/** `count` instances with ids 30000001…, most running or paused, a few in every other state. */
export function largeFleet(count: number, nowMs: number): SimInstanceSeed[] {
  const [template] = fixtureRows(nowMs) as [RawRow];
  const seeds: SimInstanceSeed[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = 30_000_001 + i;
    const gpu = GPU_MODELS[i % GPU_MODELS.length] ?? { name: 'RTX 4090', price: 0.4 };
    const gpus = 1 + (i % 4 === 3 ? 3 : i % 3 === 2 ? 1 : 0);
    const disk = 20 + (i % 10) * 10;
    const storageCost = 0.1 + (i % 3) * 0.05;
    const storageTotal = round6((disk * storageCost) / 720);
    const kind = i % 20;
    const status =
      kind < 11 ? ['running', 'running', 'running'] : kind < 17 ? ['stopped', 'stopped', 'stopped'] : kind === 17 ? ['stopped', 'running', 'stopped'] : kind === 18 ? ['exited', 'running', 'running'] : ['loading', 'running', 'running'];
    const [actual, intended, cur] = status as [string, string, string];
    seeds.push({
      row: {
        ...template,
        id,
        label: i % 5 === 0 ? null : `job-${String(i + 1).padStart(4, '0')}`,
        machine_id: 60_000 + (i % 900),
        gpu_name: gpu.name,
        num_gpus: gpus,
        dph_base: round6(gpu.price * gpus),
        dph_total: round6(gpu.price * gpus + storageTotal),
        storage_cost: storageCost,
        disk_space: disk,
        storage_total_cost: storageTotal,
        actual_status: actual,
        intended_status: intended,
        cur_state: cur,
        next_state: intended,
        status_msg: actual === 'exited' ? 'container exited with code 1' : actual === 'stopped' ? 'Stopped by user' : 'success',
        ssh_port: 20_000 + (i % 40_000),
        start_date: nowMs / 1000 - (i % 30) * 86_400 - 3_600,
        uptime_mins: actual === 'running' ? 30 + (i % 600) : null,
      },
      gpuTaken: kind === 17,
    });
  }
  return seeds;
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
