// Instances, snapshots and settings for the renderer's tests, shaped by the contract's schemas.
import type { FleetSnapshot, Instance, KeyStatus, Settings } from '../../../preload/models';
import { DEFAULT_SETTINGS, FleetSnapshotSchema, InstanceSchema, SettingsSchema } from '../../../preload/models';

export const NOW = Date.now();
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let nextId = 30_000_000;

export function instance(patch: Partial<Instance> = {}): Instance {
  const id = patch.id ?? nextId++;
  const base: Instance = {
    id,
    name: patch.label ?? 'RTX 4090 × 2',
    label: null,
    state: 'running',
    vast: { actual: 'running', intended: 'running', cur: 'running', next: null },
    gpu: { name: 'RTX 4090', count: 2, utilPercent: 87, temperatureC: 64, memoryMb: 24564 },
    price: { runningPerHour: 0.74, storagePerHour: 0.0278, storagePerGbMonth: 0.2, burnPerHour: 0.74 },
    startedAt: NOW - 5 * HOUR,
    endsAt: null,
    uptimeMinutes: 312,
    pausedSince: null,
    waitingSince: null,
    ssh: { host: 'ssh4.vast.ai', port: 40022 },
    publicIp: '203.0.113.7',
    ports: [{ container: '22/tcp', hostIp: '203.0.113.7', hostPort: 40022 }],
    image: 'pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime',
    statusMessage: 'success, running pytorch/pytorch',
    disk: { sizeGb: 100, usedGb: 42.5, utilFraction: 0.425 },
    location: 'Norway, NO',
    pending: null,
  };
  return InstanceSchema.parse({ ...base, ...patch });
}

export function running(patch: Partial<Instance> = {}): Instance {
  return instance(patch);
}

export function paused(patch: Partial<Instance> = {}): Instance {
  return instance({
    state: 'paused',
    vast: { actual: 'stopped', intended: 'stopped', cur: 'stopped', next: null },
    price: { runningPerHour: 0.74, storagePerHour: 0.0278, storagePerGbMonth: 0.2, burnPerHour: 0.0278 },
    uptimeMinutes: null,
    pausedSince: NOW - 3 * DAY,
    gpu: { name: 'RTX 4090', count: 2, utilPercent: null, temperatureC: null, memoryMb: 24564 },
    ...patch,
  });
}

export function snapshot(instances: Instance[], patch: Partial<FleetSnapshot> = {}): FleetSnapshot {
  const burn = instances.reduce((sum, i) => sum + i.price.burnPerHour, 0);
  const credit = 42.17;
  return FleetSnapshotSchema.parse({
    instances,
    account: { credit, email: 'ada@example.com', username: 'ada' },
    connection: { status: 'ok', message: null, since: NOW - HOUR, nextRetryAt: null },
    money: {
      burnPerHour: burn,
      runningPerHour: burn,
      storagePerHour: 0,
      credit,
      runwayHours: burn > 0 ? credit / burn : null,
      counts: { total: instances.length, running: 0, paused: 0, attention: 0, busy: 0 },
    },
    updatedAt: NOW,
    demo: false,
    ...patch,
  });
}

export function settings(patch: Partial<Settings> = {}): Settings {
  return SettingsSchema.parse({ ...structuredClone(DEFAULT_SETTINGS), ...patch });
}

export const STORED_KEY: KeyStatus = { stored: true, last4: 'a1b2', backend: 'keychain', demo: false };
export const NO_KEY: KeyStatus = { stored: false, last4: null, backend: 'keychain', demo: false };
