// Launching the real app for the _electron suite: which binary, a fresh data folder per launch,
// the simulator as Vast (VAST_URL), and the test hooks (VAST_TRAY_TEST_HOOKS=1: the popover can be
// opened without a tray click, and secrets stay in memory, away from the developer's keychain).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { TEST_HOOKS_GLOBAL, type TestHooks } from '../../main/shell/test-hooks.js';

export const APP_ROOT = resolve(import.meta.dirname, '../..');

/** The Electron executable, or why this machine has none. */
export function findElectron(): { path: string; missing: null } | { path: null; missing: string } {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    if (typeof path === 'string' && existsSync(path)) return { path, missing: null };
    return { path: null, missing: `the Electron binary is not at ${String(path)}` };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { path: null, missing: `the Electron binary is not installed (${why}); npm install does not download it when ELECTRON_SKIP_BINARY_DOWNLOAD is set` };
  }
}

/** What `npm run build` must have produced for the app to start; null when all is there. */
export function missingBuild(): string | null {
  const needed = ['dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/renderer/popover.html'];
  const missing = needed.filter((file) => !existsSync(join(APP_ROOT, file)));
  return missing.length ? `run \`npm run build\` first; missing: ${missing.join(', ')}` : null;
}

export interface RunningApp {
  app: ElectronApplication;
  close(): Promise<void>;
}

export async function launchApp(options: { executablePath: string; vastUrl: string; demo?: boolean }): Promise<RunningApp> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'vast-tray-electron-'));
  const args = [APP_ROOT, `--user-data-dir=${userDataDir}`, '--lang=en-US'];
  if (options.demo) args.push('--demo');
  // Chromium refuses to run as root with its sandbox (CI containers); our pages stay sandboxed by Electron.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await electron.launch({
    executablePath: options.executablePath,
    args,
    env: { ...process.env, VAST_URL: options.vastUrl, VAST_TRAY_TEST_HOOKS: '1', LANG: 'en_US.UTF-8', ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });
  return {
    app,
    close: async () => {
      await app.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until main has started (the hooks exist), then opens the popover and returns its page. */
export async function openPopover(app: ElectronApplication): Promise<Page> {
  await expect.poll(() => app.evaluate((_electron, name) => name in globalThis, TEST_HOOKS_GLOBAL)).toBe(true);
  await app.evaluate((_electron, name) => {
    (globalThis as unknown as Record<string, TestHooks>)[name]!.openPopover();
  }, TEST_HOOKS_GLOBAL);
  await expect.poll(() => app.windows().some((page) => page.url().endsWith('/popover.html'))).toBe(true);
  const popover = app.windows().find((page) => page.url().endsWith('/popover.html'))!;
  await popover.waitForLoadState('domcontentloaded');
  return popover;
}
