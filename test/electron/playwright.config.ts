// The Electron suite: the real app (dist/, built by `npm run build`) launched by Playwright's
// _electron against the Vast simulator. It needs the Electron binary, which `npm install` fetches
// unless ELECTRON_SKIP_BINARY_DOWNLOAD is set; without it every test is skipped, with the reason.
// On a Linux machine without a display, run it under a virtual one: xvfb-run npm run test:electron
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // One app at a time: each test starts its own Electron, with its own data folder.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env['CI'],
  // The JSON report is what `npm test` counts when the Electron binary is there.
  reporter: [['list'], ['json', { outputFile: '../../test-results/electron-report.json' }]],
  outputDir: '../../test-results/electron',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
