// The tray icon: its look, tooltip and (macOS) title follow the fleet; its menu is rebuilt from
// the pure buildTrayMenu() whenever what it shows changes, and set again (Linux only picks up a
// new menu through setContextMenu). A left click opens the popover on macOS and Windows; on
// Linux a click may never arrive, so everything is in the menu.
import { join } from 'node:path';
import { Menu, Tray, dialog, nativeImage, type NativeImage, type Rectangle } from 'electron';
import type { DashboardTarget } from '../../preload/contract.js';
import type { FleetSnapshot, Language, Settings } from '../../preload/models.js';
import type { CommandHandlers } from '../commands.js';
import type { Emitter } from '../core/emitter.js';
import type { FleetEvents } from '../core/fleet-events.js';
import { translator } from '../core/i18n.js';
import type { SettingsEvents } from '../core/settings-store.js';
import { buildTrayMenu, type TrayAction } from './tray-menu.js';
import { trayLook, trayTitle, trayTooltip, type TrayLook } from './tray-look.js';

export interface TrayOptions {
  fleet: { events: Emitter<FleetEvents>; snapshot(): FleetSnapshot };
  settings: { events: Emitter<SettingsEvents>; get(): Settings };
  language: () => Language;
  commands: Pick<CommandHandlers, 'pauseInstance' | 'resumeInstance' | 'pauseInstances' | 'refresh'>;
  /** main/assets/tray in development, resources/tray when packaged. */
  iconDir: string;
  platform: NodeJS.Platform;
  openDashboard(target?: DashboardTarget): void;
  togglePopover(trayBounds: Rectangle): void;
  quit(): void;
  now?: () => number;
}

/** The icon file for a look: template images on macOS, ICO on Windows, PNG on Linux. */
export function trayIconFile(look: TrayLook, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `${look}Template.png`;
  if (platform === 'win32') return `${look}.ico`;
  return `${look}.png`;
}

export class TrayController {
  private readonly tray: Tray;
  private readonly pending = new Set<number>();
  private readonly offs: Array<() => void> = [];
  private readonly images = new Map<TrayLook, NativeImage>();
  private menu: Menu | null = null;
  private menuKey = '';
  private look: TrayLook | null = null;
  private tooltip = '';
  private title = '';
  private destroyed = false;

  constructor(private readonly options: TrayOptions) {
    this.tray = new Tray(this.image('idle'));
    const { platform } = options;
    if (platform === 'darwin') {
      // With a context menu set, macOS opens it on any click: keep it for the right click only.
      this.tray.on('click', (_event, bounds) => options.togglePopover(bounds));
      this.tray.on('right-click', () => {
        if (this.menu) this.tray.popUpContextMenu(this.menu);
      });
    } else if (platform === 'win32') {
      this.tray.on('click', (_event, bounds) => options.togglePopover(bounds));
      this.tray.on('double-click', () => options.openDashboard());
    }
    this.offs.push(
      options.fleet.events.on('changed', () => this.update()),
      options.settings.events.on('changed', () => this.update()),
    );
    this.update();
  }

  /** Brings icon, tooltip, title and menu in line with the fleet; touches only what changed. */
  update(): void {
    if (this.destroyed) return;
    const snapshot = this.options.fleet.snapshot();
    const settings = this.options.settings.get();
    const language = this.options.language();
    const { t } = translator(language);
    const now = (this.options.now ?? Date.now)();

    const look = trayLook(snapshot, settings, now);
    if (look !== this.look) {
      this.look = look;
      this.tray.setImage(this.image(look));
    }
    const tooltip = trayTooltip(snapshot, t, language);
    if (tooltip !== this.tooltip) {
      this.tooltip = tooltip;
      this.tray.setToolTip(tooltip);
    }
    if (this.options.platform === 'darwin') {
      const title = trayTitle(snapshot, language);
      if (title !== this.title) {
        this.title = title;
        // Monospaced digits: the menu bar does not jiggle as the burn changes.
        this.tray.setTitle(title, { fontType: 'monospacedDigit' });
      }
    }

    const template = buildTrayMenu(snapshot, this.pending, t, language, { dispatch: (action) => void this.run(action) });
    // Functions do not serialize: the key is what the user sees (labels, ids, enabled states).
    const key = JSON.stringify(template);
    if (key === this.menuKey) return;
    this.menuKey = key;
    this.menu = Menu.buildFromTemplate(template);
    if (this.options.platform !== 'darwin') this.tray.setContextMenu(this.menu);
  }

  destroy(): void {
    this.destroyed = true;
    for (const off of this.offs) off();
    this.tray.destroy();
  }

  /** Carries out a menu click. Actions go through the commands table, like any other face's. */
  async run(action: TrayAction): Promise<void> {
    switch (action.type) {
      case 'pause':
      case 'resume':
        await this.withPending([action.id], () =>
          action.type === 'pause' ? this.options.commands.pauseInstance(action.id) : this.options.commands.resumeInstance(action.id),
        );
        return;
      case 'pauseAll':
        if (action.ids.length === 0 || !(await this.confirmPauseAll(action.ids.length))) return;
        await this.withPending(action.ids, () => this.options.commands.pauseInstances(action.ids));
        return;
      case 'openDashboard':
        this.options.openDashboard(action.target);
        return;
      case 'refresh':
        await this.options.commands.refresh(undefined);
        return;
      case 'quit':
        this.options.quit();
        return;
    }
  }

  /** "Pause 3 running instances?" — Pause is not the default button: Enter must not pause a fleet. */
  private async confirmPauseAll(count: number): Promise<boolean> {
    const { t } = translator(this.options.language());
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: t('tray.pauseAll'),
      message: t('tray.pauseAllConfirm', { count }),
      detail: t('tray.pauseAllDetail'),
      buttons: [t('tray.pauseAllButton', { count }), t('tray.cancel')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  }

  /** Greys the instances' items out until the action has an outcome (which the notices report). */
  private async withPending(ids: readonly number[], action: () => Promise<unknown>): Promise<void> {
    for (const id of ids) this.pending.add(id);
    this.update();
    try {
      await action();
    } finally {
      for (const id of ids) this.pending.delete(id);
      this.update();
    }
  }

  private image(look: TrayLook): NativeImage {
    let image = this.images.get(look);
    if (!image) {
      const file = join(this.options.iconDir, trayIconFile(look, this.options.platform));
      image = nativeImage.createFromPath(file);
      if (image.isEmpty()) console.warn(`[vast-tray] tray icon missing or unreadable: ${file}`);
      this.images.set(look, image);
    }
    return image;
  }
}
