// A test-only door for the Playwright _electron suite (test/electron/): with
// VAST_TRAY_TEST_HOOKS=1, in an unpackaged app only, main puts these functions on globalThis so a
// test can open the popover (there is no tray icon to click in a test run) via electronApp.evaluate.
// In that mode main/index.ts also keeps secrets in memory, away from the user's real keychain.
import type { DashboardTarget } from '../../preload/contract.js';

export const TEST_HOOKS_GLOBAL = '__vastTrayTest';

export interface TestHooks {
  /** Opens the popover, pinned (it stays open without focus). */
  openPopover(): void;
  openDashboard(target?: DashboardTarget): void;
}

/** Never in a packaged app, whatever the environment says. */
export function testHooksWanted(env: NodeJS.ProcessEnv, isPackaged: boolean): boolean {
  return !isPackaged && env['VAST_TRAY_TEST_HOOKS'] === '1';
}

export function installTestHooks(hooks: TestHooks): void {
  (globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL] = hooks;
  console.log('[vast-tray] test hooks installed');
}
