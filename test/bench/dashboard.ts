// The dashboard with 1,000 instances in Chromium: time from a click or a keystroke to the table
// showing the result (sort, filter, scroll to the end), median of repeated runs. Needs the built
// renderer (`npm run build`) and Debian's Chromium. Run by `npm run bench`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { createCommands, type CommandHandlers } from '../../main/commands.js';
import { AppCore } from '../../main/core/app-core.js';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store.js';
import { LocalApi } from '../../main/server/local-api.js';
import { startSimulator } from '../../main/vast-sim/server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';

const KEY = 'bench-ui-key-0000';
const TOKEN = 'bench-local-token-0123456789';
const REPEATS = 7;

/**
 * Click the price header; resolve when the first visible row has changed. A string, not a function:
 * tsx adds helpers to compiled functions that do not exist in the page.
 */
const SORT_AND_WAIT = `(async () => {
  const header = [...document.querySelectorAll('th button')].find((b) => b.textContent.includes('$/h'));
  const first = () => document.querySelector('tr[data-instance]')?.getAttribute('data-instance');
  const before = first();
  const start = performance.now();
  header.click();
  while (first() === before) await new Promise((r) => requestAnimationFrame(r));
  return performance.now() - start;
})()`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchDashboard(count = 1000): Promise<Record<string, string>> {
  const sim = await startSimulator({ fleet: `large:${count}`, keys: { [KEY]: ['instance_read', 'instance_write', 'user_read'] } });
  const dataDir = await mkdtemp(join(tmpdir(), 'vast-tray-bench-ui-'));
  const secrets = new MemorySecretStore();
  await secrets.set('local-api-token', TOKEN);
  const core = await AppCore.create({ dataDir, secrets: { store: secrets, skipped: [] }, vastBaseUrl: sim.url });
  await core.setKey(KEY);
  await core.fleet.refresh();
  let commands: CommandHandlers | null = null;
  const api = new LocalApi({ core, commands: () => commands!, staticDir: resolve('dist/renderer'), alwaysOn: true });
  commands = createCommands(core, { openExternal: async () => {}, localApi: api });
  const url = await api.start(0);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.request.post(`${url}/api/auth/login`, { data: { token: TOKEN } });
    const loadStart = Date.now();
    await page.goto(`${url}/`);
    await page.getByText(`${count} of ${count} instances`).waitFor();
    const firstLoad = Date.now() - loadStart;

    const sort: number[] = [];
    const filter: number[] = [];
    const scroll: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      // Click a column header; wait for the first visible row to change.
      sort.push(await page.evaluate<number>(SORT_AND_WAIT));
      const box = page.getByRole('searchbox');
      let start = Date.now();
      await box.fill(String(30_000_002 + i * 7)); // one instance id
      await page.getByText(`1 of ${count} instances`).waitFor();
      filter.push(Date.now() - start);
      await box.fill('');
      await page.getByText(`${count} of ${count} instances`).waitFor();
      start = Date.now();
      await page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.locator('tr[data-instance]').last().waitFor();
      scroll.push(Date.now() - start);
      await page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, 0));
    }
    const rows = await page.locator('tr[data-instance]').count();
    return {
      instances: String(count),
      'first load (ms)': String(firstLoad),
      'sort (ms, median)': median(sort).toFixed(0),
      'filter (ms, median)': median(filter).toFixed(0),
      'scroll to end (ms, median)': median(scroll).toFixed(0),
      'rows in the page': String(rows),
    };
  } finally {
    await browser.close();
    await api.stop();
    await core.dispose();
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
