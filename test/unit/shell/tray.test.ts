// The tray controller over the fake electron: icon per look from the real asset files, tooltip,
// macOS title, a menu set again whenever it changes (Linux), clicks per platform, and "Pause all
// running…" only after the user confirms.
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionOutcome, FleetSnapshot, Result, Settings } from '../../../preload/contract.js';
import { Emitter } from '../../../main/core/emitter.js';
import type { FleetEvents } from '../../../main/core/fleet-events.js';
import { DEFAULT_SETTINGS, type SettingsEvents } from '../../../main/core/settings-store.js';
import { TrayController, type TrayOptions } from '../../../main/shell/tray.js';
import { FakeTray, dialog, resetFakeElectron, type FakeMenu } from '../../support/fake-electron.js';
import { FIXTURE_IDS, fixtureInstance } from '../../support/instances.js';
import { snapshotOf } from './snapshot-fixtures.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const ICONS = join(import.meta.dirname, '../../../main/assets/tray');
const { running, paused } = FIXTURE_IDS;

interface Rig {
  tray: FakeTray;
  controller: TrayController;
  options: TrayOptions;
  setFleet(next: FleetSnapshot): void;
  setSettings(next: Settings): void;
  resolvePause(): void;
}

function rig(platform: NodeJS.Platform, initial = snapshotOf([fixtureInstance(paused)])): Rig {
  const fleetEvents = new Emitter<FleetEvents>();
  const settingsEvents = new Emitter<SettingsEvents>();
  let snapshot = initial;
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  let resolvePause: () => void = () => undefined;
  const done = (id: number): Result<ActionOutcome> => ({
    ok: true,
    data: { actionId: 'a', instanceId: id, kind: 'pause', status: 'done', code: null, message: `Instance ${id} paused` },
  });
  const options: TrayOptions = {
    fleet: { events: fleetEvents, snapshot: () => snapshot },
    settings: { events: settingsEvents, get: () => settings },
    language: () => (settings.language === 'pt-BR' ? 'pt-BR' : 'en'),
    commands: {
      pauseInstance: vi.fn((id: unknown) => new Promise<Result<ActionOutcome>>((resolve) => (resolvePause = () => resolve(done(id as number))))),
      resumeInstance: vi.fn(async (id: unknown) => done(id as number)),
      pauseInstances: vi.fn(async () => ({ ok: true as const, data: { outcomes: [] } })),
      refresh: vi.fn(async () => ({ ok: true as const, data: snapshot })),
    },
    iconDir: ICONS,
    platform,
    openDashboard: vi.fn(),
    togglePopover: vi.fn(),
    quit: vi.fn(),
    now: () => 1_800_000_000_000,
  };
  const controller = new TrayController(options);
  return {
    tray: FakeTray.instances[0]!,
    controller,
    options,
    setFleet(next) {
      snapshot = next;
      fleetEvents.emit('changed', next);
    },
    setSettings(next) {
      const previous = settings;
      settings = next;
      settingsEvents.emit('changed', { settings: next, previous });
    },
    resolvePause: () => resolvePause(),
  };
}

function items(menu: FakeMenu | null | undefined): MenuItemConstructorOptions[] {
  const all = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? all(item.submenu) : [])]);
  return all((menu?.template ?? []) as MenuItemConstructorOptions[]);
}

function item(menu: FakeMenu | null | undefined, id: string): MenuItemConstructorOptions {
  const found = items(menu).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('on Linux', () => {
  it('shows the look, the tooltip and the menu; every action is in the menu, no click handler', () => {
    const { tray } = rig('linux');
    expect(tray.image.path).toBe(join(ICONS, 'idle.png'));
    expect(tray.image.isEmpty()).toBe(false);
    expect(tray.tooltip).toBe('0 running · 1 paused · $0.03/h · $42.17 credit (≈ 52d)');
    expect(tray.setContextMenuCalls).toBe(1);
    expect(items(tray.contextMenu).map((i) => i.id).filter(Boolean)).toEqual([
      'summary',
      `instance:${paused}`,
      `resume:${paused}`,
      `details:${paused}`,
      'pause-all',
      'open-dashboard',
      'refresh',
      'settings',
      'quit',
    ]);
    expect(tray.listenerCount('click')).toBe(0);
  });

  it('sets the menu again on every change, and only on a change', () => {
    const r = rig('linux');
    const first = r.tray.contextMenu;
    r.setFleet(snapshotOf([fixtureInstance(paused)]));
    expect(r.tray.setContextMenuCalls).toBe(1);

    r.setFleet(snapshotOf([fixtureInstance(paused), fixtureInstance(running)]));
    expect(r.tray.setContextMenuCalls).toBe(2);
    expect(r.tray.contextMenu).not.toBe(first);
    expect(item(r.tray.contextMenu, `pause:${running}`).label).toBe('Pause');
    expect(r.tray.image.path).toBe(join(ICONS, 'running.png'));

    r.setFleet(snapshotOf([fixtureInstance(paused), fixtureInstance(running), fixtureInstance(FIXTURE_IDS.crashed)]));
    expect(r.tray.setContextMenuCalls).toBe(3);
    expect(r.tray.image.path).toBe(join(ICONS, 'attention.png'));
  });

  it('follows a language change', () => {
    const r = rig('linux');
    r.setSettings({ ...DEFAULT_SETTINGS, language: 'pt-BR' });
    expect(r.tray.setContextMenuCalls).toBe(2);
    expect(item(r.tray.contextMenu, `resume:${paused}`).label).toBe('Retomar');
    expect(r.tray.tooltip).toBe('0 rodando · 1 pausadas · US$\u00a00,03/h · US$\u00a042,17 de crédito (≈ 52 dias)');
  });

  it('pauses from the menu through the commands table, greying the item out until the outcome', async () => {
    const r = rig('linux', snapshotOf([fixtureInstance(running)]));
    const run = vi.spyOn(r.controller, 'run');
    (item(r.tray.contextMenu, `pause:${running}`).click as () => void)();
    expect(run).toHaveBeenCalledWith({ type: 'pause', id: running });
    expect(r.options.commands.pauseInstance).toHaveBeenCalledExactlyOnceWith(running);
    expect(item(r.tray.contextMenu, `pause:${running}`).enabled).toBe(false);
    r.resolvePause();
    await run.mock.results[0]!.value;
    expect(item(r.tray.contextMenu, `pause:${running}`).enabled).toBe(true);
  });
});

describe('on macOS', () => {
  it('uses template images and shows the burn as the title', () => {
    const r = rig('darwin', snapshotOf([fixtureInstance(running)]));
    expect(r.tray.image.path).toBe(join(ICONS, 'runningTemplate.png'));
    expect(r.tray.image.isEmpty()).toBe(false);
    expect(r.tray.title).toBe('$0.41/h');
  });

  it('a left click toggles the popover; the menu comes with the right click only', () => {
    const r = rig('darwin');
    const bounds = { x: 1200, y: 0, width: 22, height: 24 };
    r.tray.emit('click', {}, bounds);
    expect(r.options.togglePopover).toHaveBeenCalledWith(bounds);
    expect(r.tray.setContextMenuCalls).toBe(0);
    r.tray.emit('right-click', {}, bounds);
    expect(r.tray.poppedUp).toHaveLength(1);
    expect(item(r.tray.poppedUp[0], 'quit').label).toBe('Quit Vast Tray');
  });
});

describe('on Windows', () => {
  it('uses ICO files; a left click toggles the popover, a double click opens the dashboard, the menu is on the right click', () => {
    const r = rig('win32');
    expect(r.tray.image.path).toBe(join(ICONS, 'idle.ico'));
    expect(r.tray.image.isEmpty()).toBe(false);
    r.tray.emit('click', {}, { x: 1800, y: 1050, width: 24, height: 24 });
    expect(r.options.togglePopover).toHaveBeenCalledTimes(1);
    r.tray.emit('double-click');
    expect(r.options.openDashboard).toHaveBeenCalledTimes(1);
    expect(r.tray.setContextMenuCalls).toBe(1);
  });
});

describe('Pause all running…', () => {
  const fleet = () => snapshotOf([fixtureInstance(running), fixtureInstance(running, { id: 30000001, name: 'second' }), fixtureInstance(paused)]);

  it('asks first, with Cancel as the default, and does nothing when cancelled', async () => {
    const r = rig('linux', fleet());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    await r.controller.run({ type: 'pauseAll', ids: [running, 30000001] });
    expect(dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({
        message: 'Pause 2 running instances?',
        detail: 'Their GPUs are released and their data is kept. Resuming may have to wait for a GPU.',
        buttons: ['Pause 2', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      }),
    );
    expect(r.options.commands.pauseInstances).not.toHaveBeenCalled();
  });

  it('pauses them all once confirmed', async () => {
    const r = rig('linux', fleet());
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const run = vi.spyOn(r.controller, 'run');
    (item(r.tray.contextMenu, 'pause-all').click as () => void)();
    await run.mock.results[0]!.value;
    expect(r.options.commands.pauseInstances).toHaveBeenCalledExactlyOnceWith([running, 30000001]);
  });

  it('says "instance" for one', async () => {
    const r = rig('linux', snapshotOf([fixtureInstance(running)]));
    await r.controller.run({ type: 'pauseAll', ids: [running] });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Pause 1 running instance?', buttons: ['Pause 1', 'Cancel'] }));
  });
});

describe('the other items', () => {
  it('open the dashboard (on settings or an instance), refresh, and quit', async () => {
    const r = rig('linux', snapshotOf([fixtureInstance(running)]));
    (item(r.tray.contextMenu, 'settings').click as () => void)();
    (item(r.tray.contextMenu, `details:${running}`).click as () => void)();
    (item(r.tray.contextMenu, 'open-dashboard').click as () => void)();
    expect(vi.mocked(r.options.openDashboard).mock.calls).toEqual([[{ view: 'settings' }], [{ instanceId: running }], [undefined]]);
    await r.controller.run({ type: 'refresh' });
    expect(r.options.commands.refresh).toHaveBeenCalledTimes(1);
    (item(r.tray.contextMenu, 'quit').click as () => void)();
    expect(r.options.quit).toHaveBeenCalledTimes(1);
  });

  it('destroy() removes the icon and stops listening', () => {
    const r = rig('linux');
    r.controller.destroy();
    expect(r.tray.destroyed).toBe(true);
    r.setFleet(snapshotOf([fixtureInstance(running)]));
    expect(r.tray.setContextMenuCalls).toBe(1);
  });
});
