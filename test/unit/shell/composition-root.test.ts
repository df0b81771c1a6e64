// main/index.ts itself, under the fake electron, over the real core and the real files of this
// repository (preload path, renderer path, tray icons): it takes the single-instance lock, honours
// --user-data-dir, sandboxes every renderer, starts with the onboarding window when no key is
// stored, serves every command over IPC, shows the dashboard on a second launch, and disposes the
// core before it lets the app quit. (One import per file: index.ts runs when imported.)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../../preload/contract.js';
import { TEST_HOOKS_GLOBAL } from '../../../main/shell/test-hooks.js';
import { FakeBrowserWindow, FakeTray, app, ipcMain, preventable, resetFakeElectron } from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const REPO = resolve(import.meta.dirname, '../../..');
let userData: string;
const argv = process.argv;

beforeAll(async () => {
  resetFakeElectron();
  userData = await mkdtemp(join(tmpdir(), 'vast-tray-root-'));
  app.appPath = REPO;
  process.argv = [...argv, `--user-data-dir=${userData}`];
  // The test hooks keep secrets in memory: this test never touches a real keychain.
  vi.stubEnv('VAST_TRAY_TEST_HOOKS', '1');
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await import('../../../main/index.js');
  await vi.waitFor(() => expect(TEST_HOOKS_GLOBAL in globalThis).toBe(true), { timeout: 10_000 });
});

afterAll(async () => {
  process.argv = argv;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>)[TEST_HOOKS_GLOBAL];
  await rm(userData, { recursive: true, force: true });
});

describe('main/index.ts', () => {
  it('takes the single-instance lock, uses the given data folder and sandboxes every renderer', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it('with no key stored, opens only the dashboard (onboarding), with the repository’s preload and page', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const [dashboard] = FakeBrowserWindow.instances;
    expect(dashboard!.options.webPreferences?.['preload']).toBe(join(REPO, 'dist', 'preload', 'index.cjs'));
    expect(dashboard!.loads).toEqual([{ kind: 'file', path: join(REPO, 'dist', 'renderer', 'index.html'), hash: null }]);
  });

  it('puts the tray icon up from main/assets/tray', () => {
    expect(FakeTray.instances).toHaveLength(1);
    const [tray] = FakeTray.instances;
    expect(tray!.image.path.startsWith(join(REPO, 'main', 'assets', 'tray'))).toBe(true);
    expect(tray!.image.isEmpty()).toBe(false);
    expect(tray!.tooltip).toBe('Vast Tray: no API key');
  });

  it('serves every command over IPC', () => {
    expect(ipcMain.handlers.size).toBe(COMMAND_NAMES.length);
  });

  it('a second launch brings the dashboard back', () => {
    const [dashboard] = FakeBrowserWindow.instances;
    dashboard!.emit('ready-to-show');
    dashboard!.close(); // hides to the tray
    expect(dashboard!.isVisible()).toBe(false);
    app.emit('second-instance');
    expect(dashboard!.isVisible()).toBe(true);
  });

  it('on quit, waits for the core to be disposed, then quits for real', async () => {
    app.emit('before-quit');
    const first = preventable({});
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(ipcMain.handlers.size).toBe(0);
    expect(FakeTray.instances[0]!.destroyed).toBe(true);
    const second = preventable({});
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    // Closing now really closes.
    FakeBrowserWindow.instances[0]!.close();
    expect(FakeBrowserWindow.instances[0]!.isDestroyed()).toBe(true);
  });
});
