// Starts the Vast simulator for a test file on a free loopback port, and builds clients for it.
import { afterAll, beforeAll } from 'vitest';
import { VastClient, type VastClientOptions } from '../../main/vast/client.js';
import { fleetSeeds, type FleetName } from '../../main/vast-sim/fleets.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../main/vast-sim/server.js';

export const TEST_KEY = 'test-key-0123456789abcdef';

/** A client that never really waits between retries; the delays it asked for are recorded. */
export function fastClient(sim: RunningSimulator, options: VastClientOptions = {}): { client: VastClient; delays: number[] } {
  const delays: number[] = [];
  const client = new VastClient({
    baseUrl: sim.url,
    apiKey: TEST_KEY,
    timeoutMs: 5_000,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...options,
  });
  return { client, delays };
}

/** One simulator for the whole file; `current()` returns it once `beforeAll` has run. */
export function useSimulator(options: SimulatorOptions = {}): () => RunningSimulator {
  let sim: RunningSimulator | null = null;
  beforeAll(async () => {
    sim = await startSimulator({ keys: { [TEST_KEY]: ['instance_read', 'instance_write', 'user_read'] }, ...options });
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => {
    if (!sim) throw new Error('simulator not started');
    return sim;
  };
}

/** Back to the demo fleet, no faults, no rate limits, an empty request log, the test key only. */
export function resetSimulator(sim: RunningSimulator, fleet: FleetName = 'demo'): void {
  sim.fleet.seed(fleetSeeds(fleet, sim.clock.now()), 42.1735);
  sim.faults.clear();
  sim.limiter.configure({ enabled: false });
  sim.requests.length = 0;
  sim.keys.clear();
  sim.keys.set(TEST_KEY, new Set(['instance_read', 'instance_write', 'user_read']));
}
