// `npm run bench`: how the core scales with the fleet, measured, not asserted. Figures are medians
// of repeated runs, printed with the machine they ran on and as ratios, because machines are noisy.
//   - normalize: raw Vast rows → Instance (the per-refresh CPU cost)
//   - snapshot: overlay + money for the whole fleet (what every face renders from)
//   - refresh: one full refresh against the simulator over real HTTP (all pages, 25 rows each)
import { cpus, totalmem } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppCore } from '../../main/core/app-core.js';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store.js';
import { normalizeInstances } from '../../main/vast/normalize.js';
import { startSimulator } from '../../main/vast-sim/server.js';
import { benchDashboard } from './dashboard.js';

const SIZES = [10, 100, 1000];
const KEY = 'bench-key-0000';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time(repeats: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const rows: Array<Record<string, string>> = [];
for (const size of SIZES) {
  const sim = await startSimulator({ fleet: `large:${size}`, keys: { [KEY]: ['instance_read', 'instance_write', 'user_read'] } });
  const dataDir = await mkdtemp(join(tmpdir(), 'vast-tray-bench-'));
  const core = await AppCore.create({ dataDir, secrets: { store: new MemorySecretStore(), skipped: [] }, vastBaseUrl: sim.url });
  await core.setKey(KEY);
  await core.fleet.refresh();

  const raw = sim.fleet.rows();
  const normalize = await time(50, () => normalizeInstances(raw));
  const snapshot = await time(50, () => core.fleet.snapshot());
  const refresh = await time(15, () => core.fleet.refresh());
  const pages = Math.ceil(size / 25);
  rows.push({
    instances: String(size),
    'normalize (ms)': normalize.toFixed(3),
    'snapshot (ms)': snapshot.toFixed(3),
    'refresh over HTTP (ms)': refresh.toFixed(1),
    pages: String(pages),
    'refresh per page (ms)': (refresh / pages).toFixed(2),
  });
  await core.dispose();
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.table(rows);
const small = Number(rows[0]?.['refresh over HTTP (ms)']);
const large = Number(rows[rows.length - 1]?.['refresh over HTTP (ms)']);
console.log(`A refresh of ${SIZES[SIZES.length - 1]} instances costs ${(large / small).toFixed(1)}× one of ${SIZES[0]} (${Math.ceil((SIZES[SIZES.length - 1] ?? 0) / 25)} pages vs 1): the cost is the pages, as Vast's 25-row limit dictates.`);

// The UI side: needs the built renderer and Chromium; skipped with a note when either is missing.
const { existsSync } = await import('node:fs');
if (!existsSync('dist/renderer/index.html')) {
  console.log('\nDashboard bench skipped: run `npm run build` first.');
} else if (!existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium')) {
  console.log('\nDashboard bench skipped: no Chromium (sudo apt-get install -y chromium).');
} else {
  const ui = [await benchDashboard(100), await benchDashboard(1000)];
  console.log('\nDashboard in Chromium (time from the action to the table showing its result):');
  console.table(ui);
  const [small, large] = ui;
  console.log(`Sorting 1,000 instances takes ${(Number(large?.['sort (ms, median)']) / Math.max(1, Number(small?.['sort (ms, median)']))).toFixed(1)}× sorting 100; the page keeps about ${large?.['rows in the page']} rows whatever the fleet (virtualized).`);
}
