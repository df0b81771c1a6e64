// Exponential backoff with jitter. Vast sends no Retry-After header, so the delay is ours to pick.

export interface BackoffPolicy {
  /** Delay before the first retry, in ms. */
  baseMs: number;
  factor: number;
  /** No single delay is longer than this. */
  maxMs: number;
}

/**
 * "Equal jitter": half the exponential delay is fixed, half is random, so retries from many
 * clients spread out without any of them retrying at once.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.max(0, attempt));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

export interface RetryPolicy extends BackoffPolicy {
  /** Total attempts, the first one included. */
  attempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseMs: 250, factor: 2, maxMs: 4_000 };
