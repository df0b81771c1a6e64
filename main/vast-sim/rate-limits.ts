// Vast rate-limits per endpoint and per identity, "enforced as a minimum interval between
// requests", and answers 429 in plain text with no Retry-After. The thresholds are the PREVIEW
// spec's `x-rateLimit` values, read as requests per second.
import { z } from 'zod';

export const ENDPOINTS = ['list', 'show', 'put', 'bulk_put', 'delete', 'reboot', 'snapshot', 'user'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const VAST_THRESHOLDS: Record<Endpoint, number> = {
  list: 1,
  show: 2,
  put: 1,
  bulk_put: 4,
  delete: 3,
  reboot: 1,
  snapshot: 1,
  user: 2,
};

export const RateLimitConfigSchema = z.object({
  enabled: z.boolean(),
  /** Requests per second allowed per endpoint and key; absent endpoints use Vast's values. */
  thresholds: z.record(z.enum(ENDPOINTS), z.number().positive()).optional(),
});
export type RateLimitConfig = z.infer<typeof RateLimitConfigSchema>;

export class RateLimiter {
  private enabled = false;
  private thresholds: Record<Endpoint, number> = { ...VAST_THRESHOLDS };
  private readonly last = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  configure(config: RateLimitConfig): void {
    this.enabled = config.enabled;
    this.thresholds = { ...VAST_THRESHOLDS, ...config.thresholds };
    this.last.clear();
  }

  get config(): RateLimitConfig {
    return { enabled: this.enabled, thresholds: { ...this.thresholds } };
  }

  /** Returns the threshold that was exceeded, or null when the request may go ahead. */
  check(endpoint: Endpoint, identity: string): number | null {
    if (!this.enabled) return null;
    const threshold = this.thresholds[endpoint];
    const key = `${endpoint}\u0000${identity}`;
    const now = this.now();
    const previous = this.last.get(key);
    if (previous !== undefined && now - previous < 1000 / threshold) return threshold;
    this.last.set(key, now);
    return null;
  }
}
