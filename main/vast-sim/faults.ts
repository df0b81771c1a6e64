// Fault injection for the simulator: tests switch on latency, error statuses, dropped connections
// and malformed JSON, for some requests or all, to see the app keep its promises under each.
import { z } from 'zod';

export const FaultRuleSchema = z.object({
  kind: z.enum(['status', 'drop', 'malformed', 'latency']),
  /** For `status`: 429 answers in plain text as Vast does, anything else as a JSON error. */
  status: z.number().int().min(400).max(599).optional(),
  /** For `latency` (and added before any other kind): real milliseconds before answering. */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  method: z.enum(['GET', 'PUT', 'POST', 'DELETE']).optional(),
  /** Applies to paths that start with this, e.g. `/api/v1/instances/`. */
  pathPrefix: z.string().optional(),
  /** How many requests it applies to; absent means until cleared. */
  times: z.number().int().min(1).optional(),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY }));
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.filter((r) => r.remaining > 0).map((r) => ({ ...r.rule }));
  }

  /** The first rule that applies to this request, used up by one. Control routes are never faulted. */
  take(method: string, path: string): FaultRule | null {
    if (path.startsWith('/__sim/')) return null;
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method && rule.method !== method) continue;
      if (rule.pathPrefix && !path.startsWith(rule.pathPrefix)) continue;
      active.remaining -= 1;
      return rule;
    }
    return null;
  }
}
