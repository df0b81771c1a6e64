// "Try the demo": the Vast simulator, started in-process on a free loopback port with the demo
// fleet, sped up a little so a resume visibly moves. Only the composition roots (Electron's
// main/index.ts and browser mode) wire it in; the core knows it only as a DemoSource.
import type { DemoSource } from './core/app-core.js';
import { startSimulator, type RunningSimulator } from './vast-sim/server.js';
import { ScaledClock } from './vast-sim/sim-clock.js';

export const DEMO_KEY = 'demo-key';
const DAY = 86_400_000;

export function createDemoSource(options: { speed?: number } = {}): DemoSource & { readonly simulator: RunningSimulator | null } {
  let simulator: RunningSimulator | null = null;
  return {
    get simulator() {
      return simulator;
    },
    async start() {
      if (!simulator) {
        const clock = new ScaledClock(options.speed ?? 2);
        simulator = await startSimulator({ clock, fleet: 'demo', keys: { [DEMO_KEY]: ['instance_read', 'instance_write', 'user_read'] } });
      }
      const now = Date.now();
      return {
        baseUrl: simulator.url,
        apiKey: DEMO_KEY,
        // Vast does not say when an instance paused; for the demo, pretend we saw it.
        pausedSince: { 24820377: now - 3 * DAY, 24790042: now - 12 * DAY },
      };
    },
    async stop() {
      const running = simulator;
      simulator = null;
      await running?.close();
    },
  };
}
