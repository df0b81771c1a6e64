// What a paused disk costs, for the details panel. The same rules as main/core/money.ts (which the
// renderer may not import): prices are $ per hour, Vast's `storage_cost` is $/GB/month, and Vast's
// month is 720 hours.
import type { Instance } from '../../../preload/models';

export const HOURS_PER_MONTH = 720;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** What the disk has cost since the core saw the instance pause. */
export function costWhilePaused(instance: Instance, now: number): number | null {
  if (instance.state !== 'paused' || instance.pausedSince === null || instance.price.storagePerHour === null) return null;
  return (instance.price.storagePerHour * Math.max(0, now - instance.pausedSince)) / MS_PER_HOUR;
}

/** Storage per month: disk size × $/GB/month when both are known, else the hourly price × 720. */
export function storagePerMonth(instance: Instance): number | null {
  const { sizeGb } = instance.disk;
  const { storagePerGbMonth, storagePerHour } = instance.price;
  if (sizeGb !== null && storagePerGbMonth !== null) return sizeGb * storagePerGbMonth;
  return storagePerHour === null ? null : storagePerHour * HOURS_PER_MONTH;
}

/** Storage per hour: the listed price, else derived from the monthly one. */
export function storagePerHour(instance: Instance): number | null {
  if (instance.price.storagePerHour !== null) return instance.price.storagePerHour;
  const monthly = storagePerMonth(instance);
  return monthly === null ? null : monthly / HOURS_PER_MONTH;
}

/**
 * Once an instance has been paused for `thresholdDays`: what destroying it (after taking a
 * snapshot) would save each month. Null while the hint does not apply.
 */
export function destroySavingPerMonth(instance: Instance, now: number, thresholdDays: number): number | null {
  if (instance.state !== 'paused' || instance.pausedSince === null) return null;
  if (now - instance.pausedSince < thresholdDays * MS_PER_DAY) return null;
  const monthly = storagePerMonth(instance);
  return monthly !== null && monthly > 0 ? monthly : null;
}

export function daysSince(epochMs: number, now: number): number {
  return Math.floor(Math.max(0, now - epochMs) / MS_PER_DAY);
}
