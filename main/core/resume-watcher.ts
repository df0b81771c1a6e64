// Follows every instance that waits for a GPU (a queued resume, ours or not): reports "ready" when
// it reaches running, and "still waiting" once after the configured number of minutes.
import type { Instance } from '../../preload/models.js';
import type { Emitter } from './emitter.js';
import type { FleetEvents } from './fleet-events.js';

interface Wait {
  since: number;
  warned: boolean;
}

export class ResumeWatcher {
  private readonly waits = new Map<number, Wait>();

  constructor(private readonly events: Emitter<FleetEvents>) {}

  /** Called after every successful refresh with the fresh instances (no pending overlays). */
  onRefresh(instances: ReadonlyMap<number, Instance>, now: number, stillWaitingMinutes: number, busy: (id: number) => boolean): void {
    for (const instance of instances.values()) {
      if (instance.state === 'scheduling' && !this.waits.has(instance.id)) {
        this.waits.set(instance.id, { since: instance.waitingSince ?? now, warned: false });
      }
    }
    for (const [id, wait] of this.waits) {
      const instance = instances.get(id);
      if (!instance || instance.state === 'paused') {
        this.waits.delete(id);
        continue;
      }
      if (instance.state === 'running') {
        this.waits.delete(id);
        // Our own pending resume reports its own outcome; don't say "ready" twice.
        if (!busy(id)) this.events.emit('resumeReady', { instance, waitedMs: now - wait.since });
        continue;
      }
      const minutes = Math.floor((now - wait.since) / 60_000);
      if (!wait.warned && instance.state === 'scheduling' && minutes >= stillWaitingMinutes) {
        wait.warned = true;
        this.events.emit('stillWaiting', { instance, minutes });
      }
    }
  }

  isWaiting(id: number): boolean {
    return this.waits.has(id);
  }
}
