// The real Electron app on the Vast simulator: with no key it opens onboarding; on the demo fleet
// the popover shows the instances and pauses one; the page sees window.vast and nothing of Node.
// Skipped, with the reason, where Electron's binary is missing.
import { expect, test } from '@playwright/test';
import { COMMAND_NAMES, EVENT_NAMES, subscriptionName } from '../../preload/contract.js';
import { startSimulator, type RunningSimulator } from '../../main/vast-sim/server.js';
import { findElectron, launchApp, missingBuild, openPopover, type RunningApp } from './electron-app.js';

const electronBinary = findElectron();
const build = missingBuild();
test.skip(electronBinary.missing !== null, electronBinary.missing ?? '');

const RUNNING_ID = 24819031; // train-llama-ft in the demo fleet
const DEMO_FLEET_SIZE = 7;

let sim: RunningSimulator;
let running: RunningApp | null = null;

test.beforeAll(async () => {
  expect(build, build ?? '').toBeNull();
  sim = await startSimulator({ fleet: 'demo', keys: { 'electron-suite-key-0001': ['instance_read', 'instance_write', 'user_read'] } });
});

test.afterAll(async () => {
  await sim?.close();
});

test.afterEach(async () => {
  await running?.close();
  running = null;
});

function launch(demo = false): Promise<RunningApp> {
  return launchApp({ executablePath: electronBinary.path!, vastUrl: sim.url, demo });
}

test('with no key, the app opens the dashboard on onboarding', async () => {
  running = await launch();
  const page = await running.app.firstWindow();
  await expect(page).toHaveURL(/\/index\.html$/);
  await expect(page.locator('main.onboarding')).toBeVisible();
  await expect(page.locator('input[type="password"]')).toBeVisible();
  // Only the dashboard: no popover until the tray asks for it.
  expect(running.app.windows()).toHaveLength(1);
});

test('on the demo fleet, no window opens by itself, and the popover shows the fleet', async () => {
  running = await launch(true);
  const popover = await openPopover(running.app);
  await expect(popover.locator('.prow')).toHaveCount(DEMO_FLEET_SIZE);
  await expect(popover.locator(`[data-instance="${RUNNING_ID}"] .badge`)).toHaveAttribute('data-state', 'running');
  expect(running.app.windows().map((page) => new URL(page.url()).pathname.split('/').pop())).toEqual(['popover.html']);
});

test('pausing from the popover pauses the instance', async () => {
  running = await launch(true);
  const popover = await openPopover(running.app);
  const row = popover.locator(`[data-instance="${RUNNING_ID}"]`);
  await expect(row.locator('.badge')).toHaveAttribute('data-state', 'running');
  await row.locator('button.prow-button').click();
  await expect(row.locator('.badge')).toHaveAttribute('data-state', /^(pausing|paused)$/);
  await expect(row.locator('.badge')).toHaveAttribute('data-state', 'paused', { timeout: 90_000 });
  await expect(row.locator('button.prow-button')).toBeEnabled();
});

test('the page gets window.vast, exactly, and nothing of Node; window.open is refused', async () => {
  running = await launch(true);
  const popover = await openPopover(running.app);
  const seen = await popover.evaluate(() => ({
    vast: Object.keys((window as unknown as { vast: object }).vast).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    opened: window.open('https://example.com/') === null,
  }));
  expect(seen).toEqual({
    vast: [...COMMAND_NAMES, ...EVENT_NAMES.map(subscriptionName)].sort(),
    require: 'undefined',
    process: 'undefined',
    opened: true,
  });
  expect(running.app.windows()).toHaveLength(1);
});
