// How long to wait before the next list call. Vast rate-limits the list endpoint and sends no
// Retry-After, so the cadence is ours to keep polite: fast only while something is moving, slower
// when nobody is looking, and exponential backoff with jitter after failures.
import type { Settings } from '../../preload/models.js';
import { backoffDelay } from '../vast/retry.js';

export interface PollPlanInput {
  refresh: Settings['refresh'];
  /** Consecutive failed refreshes. */
  failures: number;
  rateLimited: boolean;
  /** An action is pending or an instance is between states. */
  hurry: boolean;
  /** A window (or a browser dashboard) is showing. */
  visible: boolean;
  random?: () => number;
}

export const BACKOFF_CAP_MS = 5 * 60_000;

export function nextPollDelay(input: PollPlanInput): number {
  if (input.failures > 0) {
    const baseMs = input.rateLimited ? 10_000 : 5_000;
    return backoffDelay(input.failures - 1, { baseMs, factor: 2, maxMs: BACKOFF_CAP_MS }, input.random);
  }
  const { fastSeconds, normalSeconds, slowSeconds } = input.refresh;
  const seconds = input.hurry ? fastSeconds : input.visible ? normalSeconds : slowSeconds;
  return seconds * 1000;
}
