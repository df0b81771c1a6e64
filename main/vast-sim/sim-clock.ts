// Clocks the simulator can run on. Tests share one manual clock between the app's core and the
// simulator, so advancing it moves both; the demo runs on a sped-up wall clock.
import type { SimClock } from './fleet-model.js';

export interface AdvanceableClock extends SimClock {
  advance(ms: number): unknown;
}

export function isAdvanceable(clock: SimClock): clock is AdvanceableClock {
  return typeof (clock as Partial<AdvanceableClock>).advance === 'function';
}

/** Wall-clock time, `speed` times faster from the moment it was created. */
export class ScaledClock implements SimClock {
  private readonly startReal = Date.now();
  constructor(private readonly speed = 1) {}
  now(): number {
    return this.startReal + (Date.now() - this.startReal) * this.speed;
  }
}

/** A clock that moves only when told to; `/__sim/advance` drives it when the simulator runs alone. */
export class SteppedClock implements AdvanceableClock {
  constructor(private current = Date.now()) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
