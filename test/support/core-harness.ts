// The core against the Vast simulator over real HTTP, both on one manual clock. Tests drive time
// with `runUntil` / `advance`, which wait for real I/O to finish between clock steps: no sleeps.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionOutcome, Notice } from '../../preload/models.js';
import { AppCore, type AppCoreOptions } from '../../main/core/app-core.js';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store.js';
import type { FleetName } from '../../main/vast-sim/fleets.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../main/vast-sim/server.js';
import { ManualClock, turn } from './manual-clock.js';
import { TEST_KEY } from './sim.js';

export interface Harness {
  clock: ManualClock;
  sim: RunningSimulator;
  core: AppCore;
  dataDir: string;
  notices: Notice[];
  /** Lets in-flight HTTP finish: returns once nothing has been on the wire for a few loop turns. */
  settle(): Promise<void>;
  /** Advances the clock by `ms` in steps, settling I/O after each. */
  advance(ms: number, stepMs?: number): Promise<void>;
  /** Advances the clock step by step until `predicate` holds (or fails after `maxMs` of fake time). */
  runUntil(predicate: () => boolean, options?: { maxMs?: number; stepMs?: number; what?: string }): Promise<void>;
  /** Starts an action and records its outcome when it comes. */
  track(promise: Promise<ActionOutcome>): { readonly outcome: ActionOutcome | undefined; readonly count: number };
  close(): Promise<void>;
}

export interface HarnessOptions {
  fleet?: FleetName;
  sim?: Partial<SimulatorOptions>;
  core?: Partial<AppCoreOptions>;
  /** Store the test key and start polling (default true). */
  start?: boolean;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = new ManualClock();
  const sim = await startSimulator({
    clock,
    fleet: options.fleet ?? 'demo',
    keys: { [TEST_KEY]: ['instance_read', 'instance_write', 'user_read'] },
    ...options.sim,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'vast-tray-core-'));
  const core = await AppCore.create({
    dataDir,
    secrets: { store: new MemorySecretStore(), skipped: [] },
    clock,
    vastBaseUrl: sim.url,
    random: () => 0.5,
    osLocales: () => ['en-US'],
    clientTimeoutMs: 5_000,
    ...options.core,
  });
  const notices: Notice[] = [];
  core.notices.events.on('notice', (notice) => notices.push(notice));

  const settle = async (): Promise<void> => {
    let quiet = 0;
    for (let i = 0; i < 10_000 && quiet < 3; i += 1) {
      await turn();
      if (core.requestsInFlight === 0) quiet += 1;
      else {
        quiet = 0;
        await core.whenIdle();
      }
    }
  };

  const advance = async (ms: number, stepMs = 500): Promise<void> => {
    for (let done = 0; done < ms; done += stepMs) {
      await clock.advance(Math.min(stepMs, ms - done));
      await settle();
    }
  };

  const runUntil: Harness['runUntil'] = async (predicate, { maxMs = 15 * 60_000, stepMs = 500, what = 'condition' } = {}) => {
    const start = clock.now();
    await settle();
    while (!predicate()) {
      if (clock.now() - start > maxMs) throw new Error(`Timed out after ${maxMs} ms of fake time waiting for ${what}`);
      await clock.advance(stepMs);
      await settle();
    }
  };

  const track: Harness['track'] = (promise) => {
    const state = { outcome: undefined as ActionOutcome | undefined, count: 0 };
    void promise.then((outcome) => {
      state.outcome = outcome;
      state.count += 1;
    });
    return state;
  };

  const harness: Harness = {
    clock,
    sim,
    core,
    dataDir,
    notices,
    settle,
    advance,
    runUntil,
    track,
    close: async () => {
      await core.dispose();
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };

  if (options.start !== false) {
    const setting = core.setKey(TEST_KEY);
    await settle();
    await setting;
    await core.start();
    await runUntil(() => core.fleet.snapshot().connection.status === 'ok', { what: 'the first refresh' });
    // Tests count the requests the running app sends, not those of the key check and first load.
    sim.requests.length = 0;
  }
  return harness;
}
