// E2E in Debian's Chromium (no browser download): the browser dashboard served by Vast Tray in
// browser mode, on the Vast simulator. Playwright starts the servers and stops them afterwards.
import { defineConfig } from '@playwright/test';
import { APP_URL } from './test/e2e/e2e-env';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/support/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // One app, one simulator: the specs share them, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node scripts/build.mjs --renderer-only && tsx test/e2e/e2e-server.ts',
    url: `${APP_URL}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
