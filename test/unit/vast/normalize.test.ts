import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InstanceSchema } from '../../../preload/models.js';
import { displayStateOf, normalizeInstance, normalizeInstances } from '../../../main/vast/normalize.js';
import fixturePage from '../../../main/vast-sim/data/instances.json' with { type: 'json' };

const rows = fixturePage.instances as Array<Record<string, unknown>>;
const byId = (id: number) => {
  const row = rows.find((r) => r['id'] === id);
  if (!row) throw new Error(`no fixture ${id}`);
  return normalizeInstance(row);
};

describe('normalizeInstance on the recorded rows', () => {
  it('reads a running instance', () => {
    const instance = byId(24819031);
    expect(instance).toMatchObject({
      id: 24819031,
      name: 'train-llama-ft',
      state: 'running',
      gpu: { name: 'RTX 4090', count: 1, utilPercent: 87 },
      price: { runningPerHour: 0.408333, storagePerHour: 0.008333, storagePerGbMonth: 0.15, burnPerHour: 0.408333 },
      uptimeMinutes: 295.4,
      ssh: { host: 'ssh4.vast.ai', port: 39030 },
      image: 'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-devel',
      disk: { sizeGb: 40, usedGb: 18.4, utilFraction: 0.46 },
    });
    expect(instance?.ports).toEqual([
      { container: '22/tcp', hostIp: '0.0.0.0', hostPort: 40112 },
      { container: '8080/tcp', hostIp: '0.0.0.0', hostPort: 40115 },
    ]);
    expect(instance?.startedAt).toBe(1796281400 * 1000);
  });

  it('bills a paused instance at its storage price, not dph_total', () => {
    const instance = byId(24820377);
    expect(instance?.state).toBe('paused');
    expect(instance?.price.burnPerHour).toBe(0.033333);
    expect(instance?.price.runningPerHour).toBe(1.883333);
    expect(instance?.disk.usedGb).toBeNull(); // -1 means unknown
    expect(instance?.uptimeMinutes).toBeNull();
  });

  it('names an unlabeled instance "GPU × n" and sees a queued resume as scheduling', () => {
    const instance = byId(24801166);
    expect(instance?.name).toBe('RTX 3090 × 1');
    expect(instance?.label).toBeNull();
    expect(instance?.state).toBe('scheduling');
    expect(instance?.price.burnPerHour).toBe(0.004444);
  });

  it('sees an exited container with intended running as crashed, still billed in full', () => {
    const instance = byId(24822508);
    expect(instance?.state).toBe('crashed');
    expect(instance?.statusMessage).toContain('OOMKilled');
    expect(instance?.price.burnPerHour).toBe(2.419444);
  });
});

describe('displayStateOf covers every display state', () => {
  it.each([
    ['running', 'running', 'running', 'running'],
    ['running', 'stopped', 'running', 'pausing'],
    ['loading', 'running', 'running', 'starting'],
    ['created', 'running', 'running', 'starting'],
    [null, 'running', 'running', 'starting'],
    ['stopped', 'running', 'stopped', 'scheduling'],
    ['exited', 'running', 'stopped', 'scheduling'],
    ['stopped', 'stopped', 'stopped', 'paused'],
    ['exited', 'running', 'running', 'crashed'],
    ['rebooting', 'running', 'running', 'rebooting'],
    ['frozen', 'frozen', 'running', 'frozen'],
    ['offline', 'running', 'running', 'offline'],
    ['unknown', 'running', 'running', 'offline'],
    ['teleporting', 'stopped', 'stopped', 'unknown'],
    [null, null, null, 'unknown'],
  ] as const)('actual %s, intended %s, cur %s → %s', (actual, intended, cur, expected) => {
    expect(displayStateOf(actual, intended, cur)).toBe(expected);
  });
});

describe('normalizeInstance never trusts its input', () => {
  it('reads numbers sent as strings and ignores nonsense', () => {
    const instance = normalizeInstance({
      id: '42',
      actual_status: 'RUNNING ',
      intended_status: 'running',
      num_gpus: '2',
      gpu_name: '  ',
      dph_total: '0.5',
      storage_total_cost: 'free',
      gpu_util: 250,
      ssh_port: 'abc',
      ports: 'nope',
      start_date: -5,
    });
    expect(instance).toMatchObject({
      id: 42,
      state: 'running',
      name: 'GPU × 2',
      gpu: { count: 2, name: null, utilPercent: 100 },
      price: { runningPerHour: 0.5, storagePerHour: null, burnPerHour: 0.5 },
      ssh: null,
      ports: [],
      startedAt: null,
    });
  });

  it('drops rows without a usable id and duplicates', () => {
    const list = normalizeInstances([{ id: null }, { id: -3 }, { id: 1.5 }, { id: 7 }, { id: 7 }, {}]);
    expect(list.map((i) => i.id)).toEqual([7]);
  });

  it('accepts the array form of ports from the component schema', () => {
    expect(normalizeInstance({ id: 1, ports: [22, 8080] })?.ports.map((p) => p.container)).toEqual(['22/tcp', '8080/tcp']);
  });

  it('never throws and always yields a valid Instance or null, for any JSON (property)', () => {
    const value = fc.jsonValue();
    const rowLike = fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.double()),
        actual_status: fc.oneof(fc.constantFrom('running', 'stopped', 'exited', 'loading', 'offline', 'frozen'), value),
        intended_status: fc.oneof(fc.constantFrom('running', 'stopped'), value),
        cur_state: fc.oneof(fc.constantFrom('running', 'stopped', 'unloaded'), value),
        label: value,
        num_gpus: value,
        gpu_name: value,
        gpu_util: value,
        dph_total: value,
        storage_total_cost: value,
        storage_cost: value,
        start_date: value,
        ports: value,
        ssh_host: value,
        ssh_port: value,
        disk_space: value,
        disk_usage: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(rowLike, fc.dictionary(fc.string(), value)), (row) => {
        const instance = normalizeInstance(row);
        if (instance !== null) expect(InstanceSchema.safeParse(instance).success).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
