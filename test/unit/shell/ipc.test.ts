// The IPC wrapper: a foreign sender and bad arguments are refused before the core sees them;
// answers are result objects, never thrown errors; events reach only the pages that subscribed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, COMMAND_NAMES, EVENTS, type ActionOutcome, type CommandName } from '../../../preload/contract.js';
import { createCommands, type CommandHandlers } from '../../../main/commands.js';
import type { AppCore } from '../../../main/core/app-core.js';
import { CoreError } from '../../../main/core/core-error.js';
import { SUBSCRIBE_CHANNEL } from '../../../preload/contract.js';
import { IpcServer, isTrustedSender } from '../../../main/shell/ipc.js';
import { pageSource, type PageSource } from '../../../main/shell/pages.js';
import { OwnWindows, createSecureWindow } from '../../../main/shell/windows.js';
import {
  FakeFrame,
  FakeWebContents,
  fake,
  ipcEvent,
  ipcMain,
  resetFakeElectron,
  type FakeBrowserWindow,
} from '../../support/fake-electron.js';
import { snapshotOf } from './snapshot-fixtures.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const RENDERER = '/opt/vast-tray/dist/renderer';
const DASHBOARD_URL = `file://${RENDERER}/index.html`;

let pages: PageSource;
let windows: OwnWindows;
let server: IpcServer;

/** One of our windows, showing `url`. */
function ourWindow(url = DASHBOARD_URL): FakeBrowserWindow {
  const window = createSecureWindow({ preload: '/p.cjs', pages, windows }, {}) as unknown as FakeBrowserWindow;
  window.webContents.mainFrame.url = url;
  return window;
}

function stubHandlers(): CommandHandlers & Record<CommandName, ReturnType<typeof vi.fn>> {
  const table: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const name of COMMAND_NAMES) table[name] = vi.fn(async () => ({ ok: true, data: `${name} ran` }));
  return table as CommandHandlers & Record<CommandName, ReturnType<typeof vi.fn>>;
}

beforeEach(() => {
  resetFakeElectron();
  // Refusals are logged; keep the test output for real failures.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  pages = pageSource({ rendererDir: RENDERER, isPackaged: true });
  windows = new OwnWindows();
  server = new IpcServer((event) => isTrustedSender(event, windows, pages));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('isTrustedSender', () => {
  it('trusts the top frame of our window on our page, with any hash', () => {
    const window = ourWindow(`${DASHBOARD_URL}#instance/5`);
    expect(isTrustedSender(ipcEvent(window.webContents), windows, pages)).toBe(true);
    window.webContents.mainFrame.url = `file://${RENDERER}/popover.html`;
    expect(isTrustedSender(ipcEvent(window.webContents), windows, pages)).toBe(true);
  });

  it('refuses web contents that are not one of our windows', () => {
    const stranger = new FakeWebContents(fake.session);
    stranger.mainFrame.url = DASHBOARD_URL;
    expect(isTrustedSender(ipcEvent(stranger), windows, pages)).toBe(false);
  });

  it('refuses a sub-frame, a destroyed frame and a foreign URL in our window', () => {
    const window = ourWindow();
    const child = new FakeFrame(DASHBOARD_URL, window.webContents.mainFrame);
    expect(isTrustedSender(ipcEvent(window.webContents, child), windows, pages)).toBe(false);
    expect(isTrustedSender(ipcEvent(window.webContents, null), windows, pages)).toBe(false);
    for (const url of [
      'https://evil.example/index.html',
      'file:///tmp/index.html',
      `file://${RENDERER}/other.html`,
      `file://${RENDERER}/../renderer-evil/index.html`,
      `file://${RENDERER}/%2Findex.html`,
      `file://remote-host${RENDERER}/index.html`,
      'about:blank',
      '',
    ]) {
      window.webContents.mainFrame.url = url;
      expect(isTrustedSender(ipcEvent(window.webContents), windows, pages), url).toBe(false);
    }
  });

  it('refuses a window once it has closed', () => {
    const window = ourWindow();
    window.destroy();
    expect(isTrustedSender(ipcEvent(window.webContents), windows, pages)).toBe(false);
  });

  it('in development, trusts the dev server pages only', () => {
    const dev = pageSource({ rendererDir: RENDERER, devServerUrl: 'http://localhost:5173/', isPackaged: false });
    const window = ourWindow('http://localhost:5173/popover.html');
    expect(isTrustedSender(ipcEvent(window.webContents), windows, dev)).toBe(true);
    window.webContents.mainFrame.url = 'http://localhost:5174/popover.html';
    expect(isTrustedSender(ipcEvent(window.webContents), windows, dev)).toBe(false);
    window.webContents.mainFrame.url = DASHBOARD_URL;
    expect(isTrustedSender(ipcEvent(window.webContents), windows, dev)).toBe(false);
  });
});

describe('serving the commands table', () => {
  it('serves every command of the contract on its channel', () => {
    server.serveCommands(stubHandlers());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map((name) => COMMANDS[name].channel).sort());
  });

  it('answers a trusted call with the handler’s result', async () => {
    const handlers = stubHandlers();
    server.serveCommands(handlers);
    const window = ourWindow();
    await expect(ipcMain.invoke('vast:instances:pause', ipcEvent(window.webContents), 24819031)).resolves.toEqual({
      ok: true,
      data: 'pauseInstance ran',
    });
    expect(handlers.pauseInstance).toHaveBeenCalledWith(24819031);
  });

  it('refuses a foreign sender with a result, and the handler never runs', async () => {
    const handlers = stubHandlers();
    server.serveCommands(handlers);
    const stranger = new FakeWebContents(fake.session);
    stranger.mainFrame.url = DASHBOARD_URL;
    const window = ourWindow();
    const iframe = new FakeFrame(DASHBOARD_URL, window.webContents.mainFrame);
    for (const event of [ipcEvent(stranger), ipcEvent(window.webContents, iframe)]) {
      await expect(ipcMain.invoke('vast:instances:pause', event, 24819031)).resolves.toEqual({
        ok: false,
        code: 'forbidden',
        message: expect.any(String) as string,
      });
      await expect(ipcMain.invoke('vast:key:set', event, 'a-valid-looking-key-123')).resolves.toMatchObject({ ok: false, code: 'forbidden' });
    }
    for (const name of COMMAND_NAMES) expect(handlers[name]).not.toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('refused vast:instances:pause'));
  });

  it('refuses bad arguments with invalid_input, and the handler never runs', async () => {
    const handlers = stubHandlers();
    server.serveCommands(handlers);
    const event = ipcEvent(ourWindow().webContents);
    const bad: Array<[string, unknown[]]> = [
      ['vast:instances:pause', ['24819031']],
      ['vast:instances:pause', [-1]],
      ['vast:instances:pause', [1.5]],
      ['vast:instances:pause', []],
      ['vast:instances:pause', [1, 2]],
      ['vast:instances:destroy', [{ id: 1 }]],
      ['vast:instances:label', [{ id: 1, label: 'x'.repeat(2000) }]],
      ['vast:settings:update', [{ launchAtLogin: 'yes' }]],
      ['vast:settings:update', [{ unknownSetting: true }]],
      ['vast:shell:open-external', ['http://example.com/']],
      ['vast:shell:open-external', ['javascript:alert(1)']],
      ['vast:fleet:get', ['unexpected']],
      ['vast:key:set', ['short']],
    ];
    for (const [channel, args] of bad) {
      const result = await ipcMain.invoke(channel, event, ...args);
      expect(result, `${channel} ${JSON.stringify(args)}`).toMatchObject({ ok: false, code: 'invalid_input' });
    }
    for (const name of COMMAND_NAMES) expect(handlers[name]).not.toHaveBeenCalled();
  });

  it('never throws to the renderer: a failing handler becomes a result object', async () => {
    const handlers = stubHandlers();
    handlers.refresh.mockRejectedValueOnce(new Error('socket hang up at /home/ada/secret'));
    handlers.getAccount.mockRejectedValueOnce(new CoreError('network', 'Vast cannot be reached.'));
    server.serveCommands(handlers);
    const event = ipcEvent(ourWindow().webContents);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(ipcMain.invoke('vast:fleet:refresh', event)).resolves.toEqual({
      ok: false,
      code: 'internal',
      message: 'Something unexpected went wrong. Please try again.',
    });
    await expect(ipcMain.invoke('vast:account:get', event)).resolves.toEqual({ ok: false, code: 'network', message: 'Vast cannot be reached.' });
    quiet.mockRestore();
  });

  it('answers with a result even when the guard itself fails', async () => {
    const throwing = new IpcServer(() => {
      throw new Error('frame went away');
    });
    const handlers = stubHandlers();
    throwing.handle('vast:test:guard', COMMANDS.getSnapshot.input, (input) => handlers.getSnapshot(input));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(ipcMain.invoke('vast:test:guard', ipcEvent(ourWindow().webContents))).resolves.toMatchObject({ ok: false, code: 'internal' });
    expect(handlers.getSnapshot).not.toHaveBeenCalled();
  });

  it('over the real commands table, the core is never reached by a refused call', async () => {
    const outcome: ActionOutcome = { actionId: 'a1', instanceId: 24819031, kind: 'pause', status: 'done', code: null, message: 'Instance 24819031 paused' };
    const fleet = { pause: vi.fn(async () => outcome), resume: vi.fn(), snapshot: vi.fn(() => snapshotOf()) };
    const core = { fleet } as unknown as AppCore;
    server.serveCommands(createCommands(core, { openExternal: vi.fn() }));
    const stranger = new FakeWebContents(fake.session);
    stranger.mainFrame.url = DASHBOARD_URL;
    const ours = ipcEvent(ourWindow().webContents);

    await expect(ipcMain.invoke('vast:instances:pause', ipcEvent(stranger), 24819031)).resolves.toMatchObject({ code: 'forbidden' });
    await expect(ipcMain.invoke('vast:instances:pause', ours, { id: 24819031 })).resolves.toMatchObject({ code: 'invalid_input' });
    expect(fleet.pause).not.toHaveBeenCalled();
    await expect(ipcMain.invoke('vast:instances:pause', ours, 24819031)).resolves.toEqual({ ok: true, data: outcome });
    expect(fleet.pause).toHaveBeenCalledExactlyOnceWith(24819031);
  });

  it('dispose removes every handler', () => {
    server.serveCommands(stubHandlers());
    server.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listenerCount(SUBSCRIBE_CHANNEL)).toBe(0);
  });
});

describe('events', () => {
  const subscribe = (window: FakeBrowserWindow, event: string, subscribed = true) =>
    ipcMain.emit(SUBSCRIBE_CHANNEL, ipcEvent(window.webContents), { event, subscribed });

  it('go only to the pages that subscribed, on the contract’s channel', () => {
    const a = ourWindow();
    const b = ourWindow();
    subscribe(a, 'fleetChanged');
    subscribe(b, 'notice');
    const snapshot = snapshotOf();
    server.publish('fleetChanged', snapshot);
    expect(a.webContents.sent).toEqual([{ channel: EVENTS.fleetChanged.channel, payload: snapshot }]);
    expect(b.webContents.sent).toEqual([]);
  });

  it('stop after unsubscribing, after a new document loads, and for closed windows', () => {
    const a = ourWindow();
    subscribe(a, 'fleetChanged');
    subscribe(a, 'fleetChanged', false);
    server.publish('fleetChanged', snapshotOf());
    expect(a.webContents.sent).toHaveLength(0);

    subscribe(a, 'settingsChanged');
    a.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(server.subscriptions(a.webContents as never).has('settingsChanged')).toBe(true);
    a.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(server.subscriptions(a.webContents as never).size).toBe(0);

    subscribe(a, 'notice');
    a.destroy();
    expect(() => server.publish('notice', { id: 'n', kind: 'paused', title: 't', body: 'b', instanceId: null, severity: 'info', dedupeKey: 'k', at: 0 })).not.toThrow();
    expect(a.webContents.sent).toHaveLength(0);
  });

  it('ignores subscriptions from foreign senders and malformed ones', () => {
    const stranger = new FakeWebContents(fake.session);
    stranger.mainFrame.url = DASHBOARD_URL;
    ipcMain.emit(SUBSCRIBE_CHANNEL, ipcEvent(stranger), { event: 'fleetChanged', subscribed: true });
    const ours = ourWindow();
    subscribe(ours, 'everything');
    ipcMain.emit(SUBSCRIBE_CHANNEL, ipcEvent(ours.webContents), { event: 'notice', subscribed: true, extra: 1 });
    ipcMain.emit(SUBSCRIBE_CHANNEL, ipcEvent(ours.webContents), 'fleetChanged');
    server.publish('fleetChanged', snapshotOf());
    expect(stranger.sent).toHaveLength(0);
    expect(ours.webContents.sent).toHaveLength(0);
  });
});
