// The shell assembled over a real core talking to the Vast simulator (manual clock), with the
// fake electron: no window at start-up unless onboarding is needed; the tray and IPC drive the
// real commands table; notices become notifications that open the dashboard on their instance.
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, COMMANDS, EVENTS } from '../../../preload/contract.js';
import { createCommands } from '../../../main/commands.js';
import { startShell, type Shell } from '../../../main/shell/app-shell.js';
import { SUBSCRIBE_CHANNEL } from '../../../preload/contract.js';
import { pageSource } from '../../../main/shell/pages.js';
import { createHarness, type Harness } from '../../support/core-harness.js';
import { FIXTURE_IDS } from '../../support/instances.js';
import {
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  ipcEvent,
  ipcMain,
  resetFakeElectron,
  type FakeMenu,
} from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const RENDERER = '/opt/vast-tray/dist/renderer';
let harness: Harness;
let shell: Shell;
const quit = vi.fn();

function start(platform: NodeJS.Platform = 'linux'): Shell {
  shell = startShell({
    core: harness.core,
    createCommands: (platform) => createCommands(harness.core, platform),
    setLaunchAtLogin: async () => undefined,
    pages: pageSource({ rendererDir: RENDERER, isPackaged: true }),
    preload: '/opt/vast-tray/dist/preload/index.cjs',
    trayIconDir: join(import.meta.dirname, '../../../main/assets/tray'),
    platform,
    quit,
  });
  return shell;
}

function menuItem(menu: FakeMenu | null, id: string): MenuItemConstructorOptions {
  const all = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
  const found = all((menu?.template ?? []) as MenuItemConstructorOptions[]).find((item) => item.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

beforeEach(() => {
  resetFakeElectron();
  quit.mockClear();
});

afterEach(async () => {
  shell?.dispose();
  await harness?.close();
});

describe('start-up', () => {
  it('with no key: serves IPC, then opens the dashboard for onboarding', async () => {
    harness = await createHarness({ start: false });
    await harness.core.start();
    let handlersAtFirstWindow = -1;
    const spy = vi.spyOn(FakeBrowserWindow.prototype, 'loadFile').mockImplementation(async function (this: FakeBrowserWindow, path: string) {
      handlersAtFirstWindow = handlersAtFirstWindow < 0 ? ipcMain.handlers.size : handlersAtFirstWindow;
      this.webContents.mainFrame.url = `file://${path}`;
    });
    start();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.webContents.getURL()).toBe(`file://${RENDERER}/index.html`);
    expect(handlersAtFirstWindow).toBe(COMMAND_NAMES.length);
    spy.mockRestore();
  });

  it('with a key: no window, just the tray, which shows the fleet', async () => {
    harness = await createHarness();
    start();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    const [tray] = FakeTray.instances;
    expect(tray!.tooltip).toMatch(/^2 running · 2 paused · \$[\d.]+\/h · \$42\.17 credit \(≈ \d+h\)$/);
    expect(tray!.image.path.endsWith('attention.png')).toBe(true); // the demo fleet has a crashed instance
  });

  it('where there is no tray: the dashboard is the app, and closing it quits', async () => {
    harness = await createHarness();
    FakeTray.unavailable = true;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    start();
    expect(shell.hasTray).toBe(false);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    FakeBrowserWindow.instances[0]!.close();
    expect(quit).toHaveBeenCalledTimes(1);
    vi.mocked(console.warn).mockRestore();
  });
});

describe('faces over the real commands table', () => {
  it('pausing from the tray menu pauses the instance on (simulated) Vast', async () => {
    harness = await createHarness();
    start();
    const id = FIXTURE_IDS.running;
    (menuItem(FakeTray.instances[0]!.contextMenu, `pause:${id}`).click as () => void)();
    await harness.runUntil(() => harness.core.fleet.instance(id)?.state === 'paused', { what: 'the pause' });
    expect(menuItem(FakeTray.instances[0]!.contextMenu, `resume:${id}`).enabled).toBe(true);
    expect(harness.sim.requests.filter((r) => r.method === 'PUT' && r.path.includes(String(id)))).toHaveLength(1);
  });

  it('a page of ours pauses over IPC and receives the fleet events it subscribed to', async () => {
    harness = await createHarness();
    start();
    shell.openDashboard();
    const dashboard = FakeBrowserWindow.instances[0]!;
    const event = ipcEvent(dashboard.webContents);
    ipcMain.emit(SUBSCRIBE_CHANNEL, event, { event: 'fleetChanged', subscribed: true });

    const pausing = ipcMain.invoke(COMMANDS.pauseInstance.channel, event, FIXTURE_IDS.running);
    await harness.runUntil(() => harness.core.fleet.instance(FIXTURE_IDS.running)?.state === 'paused', { what: 'the pause' });
    await expect(pausing).resolves.toMatchObject({ ok: true, data: { status: 'done', kind: 'pause', instanceId: FIXTURE_IDS.running } });
    const pushed = dashboard.webContents.sent.filter((m) => m.channel === EVENTS.fleetChanged.channel);
    expect(pushed.length).toBeGreaterThan(0);
    expect(dashboard.webContents.sent.every((m) => m.channel === EVENTS.fleetChanged.channel)).toBe(true);
  });
});

describe('notifications', () => {
  it('a core notice becomes one notification; its click opens the dashboard on the instance', async () => {
    harness = await createHarness();
    start();
    const id = FIXTURE_IDS.running;
    harness.core.notices.publish('host_offline', { instanceId: id, severity: 'error', dedupeKey: `offline:${id}`, params: { name: 'train-llama-ft' } });
    const shown = FakeNotification.instances.filter((n) => n.options.title.includes('train-llama-ft'));
    expect(shown).toHaveLength(1);
    shown[0]!.emit('click');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.loads).toEqual([{ kind: 'file', path: `${RENDERER}/index.html`, hash: `instance/${id}` }]);
  });

  it('closing the dashboard the first time says the app keeps running in the tray', async () => {
    harness = await createHarness();
    start();
    shell.openDashboard();
    const window = FakeBrowserWindow.instances[0]!;
    window.emit('ready-to-show');
    window.close();
    window.show();
    window.close();
    const hidden = FakeNotification.instances.filter((n) => n.options.title === 'Vast Tray is still running');
    expect(hidden).toHaveLength(1);
    expect(window.isDestroyed()).toBe(false);
  });
});

describe('dispose', () => {
  it('removes the IPC handlers and the tray icon', async () => {
    harness = await createHarness();
    start();
    shell.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(FakeTray.instances[0]!.destroyed).toBe(true);
  });
});
