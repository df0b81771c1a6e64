// The Electron face, assembled over a started core: IPC serving the commands table, the dashboard
// and popover windows, the tray, OS notifications, sleep/wake, the app menu. main/index.ts owns the
// app's lifecycle (single instance, ready, quit) and calls this once the app is ready.
import type { Rectangle } from 'electron';
import type { DashboardTarget } from '../../preload/contract.js';
import type { CommandHandlers, Platform } from '../commands.js';
import type { AppCore } from '../core/app-core.js';
import { CoreError } from '../core/core-error.js';
import { installAppMenu } from './app-menu.js';
import { DashboardController } from './dashboard.js';
import { openExternalHttps } from './external-links.js';
import { IpcServer, isTrustedSender } from './ipc.js';
import { Notifier } from './notifications.js';
import type { PageSource } from './pages.js';
import { PopoverController } from './popover.js';
import { followPower } from './power.js';
import { TrayController } from './tray.js';
import { OwnWindows, type SecureWindowContext } from './windows.js';

export interface ShellOptions {
  core: AppCore;
  /** Builds the commands table over the platform the shell provides (the composition root adds the local API). */
  createCommands(platform: Platform): CommandHandlers;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  pages: PageSource;
  preload: string;
  trayIconDir: string;
  platform: NodeJS.Platform;
  quit(): void;
}

export interface Shell {
  readonly commands: CommandHandlers;
  readonly windows: OwnWindows;
  readonly hasTray: boolean;
  openDashboard(target?: DashboardTarget): void;
  /** Opens the popover; `pinned` keeps it open when it loses focus (test hook). */
  openPopover(options?: { pinned?: boolean; trayBounds?: Rectangle | null }): void;
  /** From now on windows really close. */
  prepareToQuit(): void;
  dispose(): void;
}

export function startShell(options: ShellOptions): Shell {
  const { core, platform } = options;
  const windows = new OwnWindows();
  const context: SecureWindowContext = { preload: options.preload, pages: options.pages, windows };
  const disposers: Array<() => void> = [];
  let tray: TrayController | null = null;

  installAppMenu(platform);

  const dashboard = new DashboardController({
    context,
    hasTray: () => tray !== null,
    onFirstHide: () => {
      core.notices.publish('window_hidden', { dedupeKey: 'window_hidden' });
    },
    onVisibilityChange: (visible) => core.fleet.setVisible(visible, 'dashboard'),
    onClosedWithoutTray: () => options.quit(),
  });
  const popover = new PopoverController({
    context,
    platform,
    onVisibilityChange: (visible) => core.fleet.setVisible(visible, 'popover'),
  });
  const openDashboard = (target?: DashboardTarget): void => {
    popover.hide();
    dashboard.open(target);
  };

  const commands = options.createCommands({
    openExternal: async (url) => {
      if (!(await openExternalHttps(url))) throw new CoreError('invalid_input', 'Only https:// links open outside the app.');
    },
    openDashboard: async (target) => openDashboard(target),
    setLaunchAtLogin: (enabled) => options.setLaunchAtLogin(enabled),
  });

  // IPC before any window exists: a page must never call a channel nobody serves.
  const ipc = new IpcServer((event) => isTrustedSender(event, windows, options.pages));
  ipc.serveCommands(commands);
  disposers.push(
    () => ipc.dispose(),
    core.fleet.events.on('changed', (snapshot) => ipc.publish('fleetChanged', snapshot)),
    core.fleet.events.on('historyChanged', (history) => ipc.publish('historyChanged', history)),
    core.notices.events.on('notice', (notice) => ipc.publish('notice', notice)),
    core.settings.events.on('changed', ({ settings }) => ipc.publish('settingsChanged', settings)),
  );

  disposers.push(
    new Notifier({ notices: core.notices, settings: () => core.settings.get(), openDashboard, platform }).start(),
    followPower(core.fleet),
  );

  try {
    tray = new TrayController({
      fleet: core.fleet,
      settings: core.settings,
      language: () => core.language(),
      commands,
      iconDir: options.trayIconDir,
      platform,
      openDashboard,
      togglePopover: (bounds) => popover.toggle(bounds),
      quit: () => options.quit(),
    });
  } catch (error) {
    // No tray on this desktop: the dashboard is the app, and closing it quits.
    console.warn('[vast-tray] no system tray here; the dashboard window stays open instead:', error);
    tray = null;
  }

  // No window at start-up, unless the user has to give us a key first (or there is nowhere else to be).
  const key = core.keyStatus();
  if ((!key.stored && !key.demo) || !tray) dashboard.open();

  return {
    commands,
    windows,
    get hasTray() {
      return tray !== null;
    },
    openDashboard,
    openPopover: (popoverOptions = {}) => popover.show(popoverOptions),
    prepareToQuit: () => dashboard.allowClose(),
    dispose: () => {
      for (const dispose of disposers.splice(0)) dispose();
      tray?.destroy();
      tray = null;
      popover.destroy();
    },
  };
}
