// Normalized instances from the recorded fixture rows, for unit tests of pure functions.
import fixturePage from '../../main/vast-sim/data/instances.json' with { type: 'json' };
import type { Instance } from '../../preload/models.js';
import { normalizeInstance } from '../../main/vast/normalize.js';

export const FIXTURE_IDS = { running: 24819031, paused: 24820377, scheduling: 24801166, crashed: 24822508 } as const;

export function fixtureInstance(id: number, patch: Partial<Instance> = {}): Instance {
  const row = fixturePage.instances.find((r) => r.id === id);
  const instance = row ? normalizeInstance(row) : null;
  if (!instance) throw new Error(`no fixture instance ${id}`);
  return { ...instance, ...patch };
}

export function fixtureFleet(): Instance[] {
  return Object.values(FIXTURE_IDS).map((id) => fixtureInstance(id));
}
