// The dashboard window: a normal window (the full table, details, settings, onboarding). Closing
// it hides it — the app lives in the tray — and the first time, a notice says so. Where there is
// no tray, closing it quits. "Open on instance 123" loads the page on `#instance/123`, only when
// it is not already there (the page keeps its place otherwise).
import type { BrowserWindow } from 'electron';
import { dashboardHash, type DashboardTarget } from '../../preload/contract.js';
import { APP_NAME } from '../app-info.js';
import { loadPage } from './pages.js';
import { createSecureWindow, type SecureWindowContext } from './windows.js';

export interface DashboardOptions {
  context: SecureWindowContext;
  /** Whether a tray icon exists to bring the window back. */
  hasTray(): boolean;
  /** The window was closed to the tray for the first time this run. */
  onFirstHide(): void;
  onVisibilityChange(visible: boolean): void;
  /** Closed where there is no tray: the app should quit. */
  onClosedWithoutTray(): void;
}

export class DashboardController {
  private window: BrowserWindow | null = null;
  private hiddenOnce = false;
  private quitting = false;

  constructor(private readonly options: DashboardOptions) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Shows the dashboard, on `target` when given. */
  open(target?: DashboardTarget): void {
    const hash = dashboardHash(target);
    const existing = this.current;
    if (!existing) {
      const window = this.create();
      this.load(window, hash);
      return;
    }
    if (hash && currentHash(existing) !== hash) this.load(existing, hash);
    if (existing.isMinimized()) existing.restore();
    existing.show();
    existing.focus();
  }

  /** From now on closing really closes (the app is quitting). */
  allowClose(): void {
    this.quitting = true;
  }

  private create(): BrowserWindow {
    const window = createSecureWindow(this.options.context, {
      width: 1180,
      height: 760,
      minWidth: 720,
      minHeight: 480,
      title: APP_NAME,
      show: false,
      autoHideMenuBar: true,
    });
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('close', (event) => {
      if (this.quitting || !this.options.hasTray()) return;
      event.preventDefault();
      window.hide();
      if (!this.hiddenOnce) {
        this.hiddenOnce = true;
        this.options.onFirstHide();
      }
    });
    window.on('show', () => this.options.onVisibilityChange(true));
    window.on('restore', () => this.options.onVisibilityChange(true));
    window.on('hide', () => this.options.onVisibilityChange(false));
    window.on('minimize', () => this.options.onVisibilityChange(false));
    window.on('closed', () => {
      this.window = null;
      this.options.onVisibilityChange(false);
      if (!this.quitting && !this.options.hasTray()) this.options.onClosedWithoutTray();
    });
    this.window = window;
    return window;
  }

  private load(window: BrowserWindow, hash: string): void {
    loadPage(window, this.options.context.pages, 'dashboard', hash).catch((error: unknown) => {
      // A second load interrupting the first rejects the first (ERR_ABORTED): nothing to report.
      if (!isAborted(error)) console.error('[vast-tray] the dashboard page did not load:', error);
    });
  }
}

function currentHash(window: BrowserWindow): string {
  try {
    return new URL(window.webContents.getURL()).hash;
  } catch {
    return '';
  }
}

function isAborted(error: unknown): boolean {
  return error instanceof Error && /ERR_ABORTED/.test(error.message);
}
