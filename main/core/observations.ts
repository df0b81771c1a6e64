// What Vast does not tell us but the user wants to know: since when an instance has been paused
// ("paused for 3 days", cost so far) and since when a resume has waited for a GPU. We record the
// moment we first see each state and keep it across restarts.
import { z } from 'zod';
import type { Instance } from '../../preload/models.js';

const ObservationsFileSchema = z.object({
  pausedSince: z.record(z.string(), z.number()),
  waitingSince: z.record(z.string(), z.number()),
});
export type ObservationsFile = z.infer<typeof ObservationsFileSchema>;

export class Observations {
  private readonly pausedSince = new Map<number, number>();
  private readonly waitingSince = new Map<number, number>();

  constructor(private readonly persist: (file: ObservationsFile) => void = () => {}) {}

  /** Restores what a previous run saw; anything that does not parse is ignored. */
  load(value: unknown): void {
    const parsed = ObservationsFileSchema.safeParse(value);
    if (!parsed.success) return;
    for (const [id, at] of Object.entries(parsed.data.pausedSince)) this.pausedSince.set(Number(id), at);
    for (const [id, at] of Object.entries(parsed.data.waitingSince)) this.waitingSince.set(Number(id), at);
  }

  /** For the demo fleet: pretend we saw an instance pause at `at`. */
  seedPaused(id: number, at: number): void {
    this.pausedSince.set(id, at);
  }

  /** Records first sightings for this list and returns it decorated with them. */
  observe(instances: readonly Instance[], now: number): Instance[] {
    let changed = false;
    const present = new Set<number>();
    const out = instances.map((instance) => {
      present.add(instance.id);
      changed = track(this.pausedSince, instance.id, instance.state === 'paused', now) || changed;
      changed = track(this.waitingSince, instance.id, instance.state === 'scheduling', now) || changed;
      return {
        ...instance,
        pausedSince: this.pausedSince.get(instance.id) ?? null,
        waitingSince: this.waitingSince.get(instance.id) ?? null,
      };
    });
    for (const map of [this.pausedSince, this.waitingSince]) {
      for (const id of map.keys()) {
        if (!present.has(id)) {
          map.delete(id);
          changed = true;
        }
      }
    }
    if (changed) this.persist(this.toJSON());
    return out;
  }

  toJSON(): ObservationsFile {
    return {
      pausedSince: Object.fromEntries([...this.pausedSince].map(([id, at]) => [String(id), at])),
      waitingSince: Object.fromEntries([...this.waitingSince].map(([id, at]) => [String(id), at])),
    };
  }
}

function track(map: Map<number, number>, id: number, active: boolean, now: number): boolean {
  if (active && !map.has(id)) {
    map.set(id, now);
    return true;
  }
  if (!active && map.has(id)) {
    map.delete(id);
    return true;
  }
  return false;
}
