// The dashboard window: hides on close while there is a tray (a notice the first time only),
// quits where there is none, reports visibility, and opens on an instance by loading its hash —
// only when the page is not already there.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardController, type DashboardOptions } from '../../../main/shell/dashboard.js';
import { pageSource } from '../../../main/shell/pages.js';
import { OwnWindows } from '../../../main/shell/windows.js';
import { FakeBrowserWindow, resetFakeElectron } from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const FILE = '/opt/vast-tray/dist/renderer/index.html';

function setup(hasTray = true, devServerUrl?: string) {
  const options = {
    context: { preload: '/p.cjs', pages: pageSource({ rendererDir: '/opt/vast-tray/dist/renderer', devServerUrl, isPackaged: false }), windows: new OwnWindows() },
    hasTray: () => hasTray,
    onFirstHide: vi.fn<() => void>(),
    onVisibilityChange: vi.fn<(visible: boolean) => void>(),
    onClosedWithoutTray: vi.fn<() => void>(),
  } satisfies DashboardOptions;
  return { options, dashboard: new DashboardController(options) };
}

const only = (): FakeBrowserWindow => {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
};

beforeEach(() => {
  resetFakeElectron();
});

describe('DashboardController', () => {
  it('is a normal window, shown once the page is ready', () => {
    const { dashboard } = setup();
    dashboard.open();
    const window = only();
    expect(window.options).toMatchObject({ show: false, minWidth: 720 });
    expect(window.options['frame']).toBeUndefined();
    expect(window.isVisible()).toBe(false);
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);
  });

  it('closing hides it while there is a tray; the "still running" notice comes the first time only', () => {
    const { dashboard, options } = setup();
    dashboard.open();
    const window = only();
    window.emit('ready-to-show');
    window.close();
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(options.onFirstHide).toHaveBeenCalledTimes(1);
    dashboard.open();
    window.close();
    expect(options.onFirstHide).toHaveBeenCalledTimes(1);
    expect(options.onClosedWithoutTray).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('where there is no tray, closing closes and asks to quit', () => {
    const { dashboard, options } = setup(false);
    dashboard.open();
    only().close();
    expect(only().isDestroyed()).toBe(true);
    expect(options.onFirstHide).not.toHaveBeenCalled();
    expect(options.onClosedWithoutTray).toHaveBeenCalledTimes(1);
  });

  it('when the app quits, closing really closes', () => {
    const { dashboard, options } = setup();
    dashboard.open();
    dashboard.allowClose();
    only().close();
    expect(only().isDestroyed()).toBe(true);
    expect(options.onClosedWithoutTray).not.toHaveBeenCalled();
  });

  it('reports when it is visible (the core polls faster then)', () => {
    const { dashboard, options } = setup();
    dashboard.open();
    const window = only();
    window.emit('ready-to-show');
    window.minimize();
    window.restore();
    window.close();
    expect(options.onVisibilityChange.mock.calls.map(([v]) => v)).toEqual([true, false, true, false]);
  });

  it('opens on an instance by loading its hash, and does not reload a page already there', () => {
    const { dashboard } = setup();
    dashboard.open({ instanceId: 24819031 });
    const window = only();
    expect(window.loads).toEqual([{ kind: 'file', path: FILE, hash: 'instance/24819031' }]);
    dashboard.open({ instanceId: 24819031 });
    dashboard.open(); // no target: keep the page where the user left it
    expect(window.loads).toHaveLength(1);
    dashboard.open({ view: 'settings' });
    expect(window.loads.at(-1)).toEqual({ kind: 'file', path: FILE, hash: 'settings' });
    // The user moved inside the page (hash routing): we compare with where it really is.
    window.webContents.mainFrame.url = `file://${FILE}#history`;
    dashboard.open({ view: 'settings' });
    expect(window.loads).toHaveLength(3);
    expect(window.isVisible()).toBe(true);
  });

  it('restores a minimized window', () => {
    const { dashboard } = setup();
    dashboard.open();
    const window = only();
    window.emit('ready-to-show');
    window.minimize();
    dashboard.open();
    expect(window.isMinimized()).toBe(false);
    expect(window.isVisible()).toBe(true);
  });

  it('in development, loads from the Vite dev server', () => {
    const { dashboard } = setup(true, 'http://localhost:5173/');
    dashboard.open({ instanceId: 7 });
    expect(only().loads).toEqual([{ kind: 'url', url: 'http://localhost:5173/index.html#instance/7' }]);
  });
});
