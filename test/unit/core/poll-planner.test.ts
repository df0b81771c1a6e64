import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, nextPollDelay } from '../../../main/core/poll-planner.js';

const refresh = { fastSeconds: 3, normalSeconds: 15, slowSeconds: 60 };
const base = { refresh, failures: 0, rateLimited: false, hurry: false, visible: false, random: () => 0.5 };

describe('nextPollDelay', () => {
  it('is fast while something moves, normal while visible, slow from the tray', () => {
    expect(nextPollDelay({ ...base, hurry: true })).toBe(3_000);
    expect(nextPollDelay({ ...base, visible: true })).toBe(15_000);
    expect(nextPollDelay(base)).toBe(60_000);
  });

  it('backs off exponentially after failures, longer for rate limiting, capped', () => {
    const delays = [1, 2, 3, 4].map((failures) => nextPollDelay({ ...base, failures }));
    expect(delays).toEqual([3_750, 7_500, 15_000, 30_000]);
    expect(nextPollDelay({ ...base, failures: 1, rateLimited: true })).toBe(7_500);
    expect(nextPollDelay({ ...base, failures: 40, random: () => 1 })).toBe(BACKOFF_CAP_MS);
  });

  it('spreads retries with jitter', () => {
    const low = nextPollDelay({ ...base, failures: 3, random: () => 0 });
    const high = nextPollDelay({ ...base, failures: 3, random: () => 1 });
    expect(low).toBe(10_000);
    expect(high).toBe(20_000);
  });
});
