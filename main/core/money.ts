// What things cost. Pure functions over normalized instances; all prices are in $ and per hour
// unless a name says otherwise. Vast's `storage_cost` is $/GB/month, and Vast's month is 720 h.
import type { Account, FleetMoney, Instance } from '../../preload/models.js';
import { holdsGpu } from '../vast/normalize.js';

export const HOURS_PER_MONTH = 720;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** States that need the user: something is wrong or stuck. */
const ATTENTION = new Set<Instance['state']>(['crashed', 'offline', 'unknown', 'scheduling']);
/** States where our action, or Vast, is in the middle of something. */
const BUSY = new Set<Instance['state']>(['starting', 'pausing', 'resuming', 'rebooting']);

export function fleetMoney(instances: readonly Instance[], account: Account | null): FleetMoney {
  let runningPerHour = 0;
  let storagePerHour = 0;
  const counts = { total: instances.length, running: 0, paused: 0, attention: 0, busy: 0 };
  for (const instance of instances) {
    const burn = instance.price.burnPerHour;
    if (holdsGpu(instance.state)) runningPerHour += burn;
    else storagePerHour += burn;
    if (instance.state === 'running' || instance.state === 'frozen') counts.running += 1;
    else if (instance.state === 'paused') counts.paused += 1;
    else if (ATTENTION.has(instance.state)) counts.attention += 1;
    else if (BUSY.has(instance.state)) counts.busy += 1;
  }
  const burnPerHour = runningPerHour + storagePerHour;
  const credit = account?.credit ?? null;
  return {
    burnPerHour: roundCents(burnPerHour),
    runningPerHour: roundCents(runningPerHour),
    storagePerHour: roundCents(storagePerHour),
    credit,
    runwayHours: runwayHours(credit, burnPerHour),
    counts,
  };
}

/** Hours until the credit runs out at this burn; null when unknown or nothing burns. */
export function runwayHours(credit: number | null, burnPerHour: number): number | null {
  if (credit === null || !(burnPerHour > 0)) return null;
  return Math.max(0, credit) / burnPerHour;
}

/** What the disk has cost since we saw the instance pause. */
export function costWhilePaused(instance: Instance, now: number): number | null {
  if (instance.state !== 'paused' || instance.pausedSince === null || instance.price.storagePerHour === null) return null;
  return (instance.price.storagePerHour * Math.max(0, now - instance.pausedSince)) / MS_PER_HOUR;
}

/** A paused instance still pays for its disk: this much a day. */
export function storagePerDay(instance: Instance): number | null {
  return instance.price.storagePerHour === null ? null : instance.price.storagePerHour * 24;
}

/** Storage $/month: disk size × $/GB/month when both are known, else the hourly price × 720. */
export function storagePerMonth(instance: Instance): number | null {
  const { sizeGb } = instance.disk;
  const { storagePerGbMonth, storagePerHour } = instance.price;
  if (sizeGb !== null && storagePerGbMonth !== null) return sizeGb * storagePerGbMonth;
  return storagePerHour === null ? null : storagePerHour * HOURS_PER_MONTH;
}

/**
 * For an instance paused longer than `thresholdDays`: what destroying it (after a snapshot) would
 * save a month. Null while the hint does not apply.
 */
export function destroySavingPerMonth(instance: Instance, now: number, thresholdDays: number): number | null {
  if (instance.state !== 'paused' || instance.pausedSince === null) return null;
  if (now - instance.pausedSince < thresholdDays * MS_PER_DAY) return null;
  const monthly = storagePerMonth(instance);
  return monthly !== null && monthly > 0 ? monthly : null;
}

/** Sums are shown to the cent or finer; keep 6 decimals so sub-cent storage prices survive. */
function roundCents(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
