// What the simulator's routes and its control API share.
import type { FaultInjector } from './faults.js';
import type { SimClock, SimFleet } from './fleet-model.js';
import type { RateLimiter } from './rate-limits.js';

export type Scope = 'instance_read' | 'instance_write' | 'user_read';
export const ALL_SCOPES: readonly Scope[] = ['instance_read', 'instance_write', 'user_read'];

export interface RecordedRequest {
  /** Simulated time. */
  at: number;
  method: string;
  path: string;
  query: string;
  body: unknown;
  /** 0 when the connection was dropped on purpose. */
  status: number;
}

export interface SimulatorState {
  readonly fleet: SimFleet;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  readonly keys: Map<string, Set<Scope>>;
  readonly requests: RecordedRequest[];
  readonly clock: SimClock;
}
