// The tray popover: a small frameless window next to the tray icon (360×480), shown by a left
// click on macOS and Windows, hidden when it loses focus. Placement is a pure function: from the
// tray's bounds when the OS gives them, else near the pointer, else in the work area's corner.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { APP_NAME } from '../app-info.js';
import { loadPage } from './pages.js';
import { createSecureWindow, type SecureWindowContext } from './windows.js';

export interface Point {
  x: number;
  y: number;
}

export const POPOVER_SIZE = { width: 360, height: 480 } as const;
/** Clicking the tray icon blurs the popover just before the click arrives: wait a moment before hiding. */
export const BLUR_HIDE_MS = 150;
/** A click this soon after a blur hid the popover was the click that blurred it: it means "close". */
export const REOPEN_GUARD_MS = 300;
const GAP = 4;

export interface PlacementInput {
  /** `tray.getBounds()`: empty (all zero) on Linux and sometimes elsewhere. */
  trayBounds: Rectangle | null;
  size: { width: number; height: number };
  /** The work area of the display the tray (or the pointer) is on. */
  workArea: Rectangle;
  cursor: Point | null;
  platform: NodeJS.Platform;
}

export function hasArea(bounds: Rectangle | null | undefined): bounds is Rectangle {
  return !!bounds && bounds.width > 0 && bounds.height > 0;
}

/** Where the popover's top-left corner goes: whole pixels, inside the work area. */
export function popoverPosition({ trayBounds, size, workArea: area, cursor, platform }: PlacementInput): Point {
  const { width, height } = size;
  const right = area.x + area.width;
  const bottom = area.y + area.height;
  let x: number;
  let y: number;
  if (hasArea(trayBounds)) {
    const cx = trayBounds.x + trayBounds.width / 2;
    const cy = trayBounds.y + trayBounds.height / 2;
    // The tray sits in a bar outside the work area; which side tells where to open.
    if (cy <= area.y) [x, y] = [cx - width / 2, area.y + GAP]; // top: macOS menu bar, GNOME top bar
    else if (cy >= bottom) [x, y] = [cx - width / 2, bottom - height - GAP]; // bottom taskbar
    else if (cx <= area.x) [x, y] = [area.x + GAP, cy - height / 2]; // taskbar on the left
    else if (cx >= right) [x, y] = [right - width - GAP, cy - height / 2]; // taskbar on the right
    else {
      // Inside the work area (auto-hidden taskbar, overflow flyout): below or above the icon.
      x = cx - width / 2;
      y = cy < area.y + area.height / 2 ? trayBounds.y + trayBounds.height + GAP : trayBounds.y - height - GAP;
    }
  } else if (cursor) {
    // The pointer was just on the icon: open beside it, towards the middle of the screen.
    x = cursor.x - width / 2;
    y = cursor.y < area.y + area.height / 2 ? cursor.y + GAP : cursor.y - height - GAP;
  } else {
    // Nothing to go by: the corner where trays live (top right on macOS, bottom right elsewhere).
    x = right - width - GAP;
    y = platform === 'darwin' ? area.y + GAP : bottom - height - GAP;
  }
  return { x: Math.round(clamp(x, area.x, right - width)), y: Math.round(clamp(y, area.y, bottom - height)) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

export interface PopoverOptions {
  context: SecureWindowContext;
  platform: NodeJS.Platform;
  onVisibilityChange(visible: boolean): void;
  now?: () => number;
}

export class PopoverController {
  private window: BrowserWindow | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private hiddenByBlurAt = Number.NEGATIVE_INFINITY;
  private pinned = false;
  private readonly now: () => number;

  constructor(private readonly options: PopoverOptions) {
    this.now = options.now ?? Date.now;
  }

  get visible(): boolean {
    return !!this.window && !this.window.isDestroyed() && this.window.isVisible();
  }

  /** The tray icon was clicked. */
  toggle(trayBounds?: Rectangle | null): void {
    if (this.visible) {
      this.hide();
      return;
    }
    if (this.now() - this.hiddenByBlurAt < REOPEN_GUARD_MS) return;
    this.show({ trayBounds: trayBounds ?? null });
  }

  /** `pinned`: stays open when it loses focus (the test hook uses it; a test runner has no focus to give). */
  show(options: { trayBounds?: Rectangle | null; pinned?: boolean } = {}): void {
    const window = this.ensureWindow();
    this.cancelHide();
    this.pinned = options.pinned ?? false;
    const trayBounds = hasArea(options.trayBounds) ? options.trayBounds : null;
    const cursor = screen.getCursorScreenPoint();
    const display = trayBounds ? screen.getDisplayMatching(trayBounds) : screen.getDisplayNearestPoint(cursor);
    const { x, y } = popoverPosition({
      trayBounds,
      size: POPOVER_SIZE,
      workArea: display.workArea,
      cursor,
      platform: this.options.platform,
    });
    window.setBounds({ x, y, ...POPOVER_SIZE });
    window.show();
    window.focus();
  }

  hide(): void {
    this.cancelHide();
    if (this.visible) this.window?.hide();
  }

  destroy(): void {
    this.cancelHide();
    if (this.window && !this.window.isDestroyed()) this.window.destroy();
    this.window = null;
  }

  private ensureWindow(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const window = createSecureWindow(this.options.context, {
      ...POPOVER_SIZE,
      title: APP_NAME,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
    });
    window.on('blur', () => this.scheduleHide());
    window.on('focus', () => this.cancelHide());
    window.on('show', () => this.options.onVisibilityChange(true));
    window.on('hide', () => this.options.onVisibilityChange(false));
    window.on('closed', () => {
      this.cancelHide();
      this.window = null;
      this.options.onVisibilityChange(false);
    });
    // Escape closes it, like a menu.
    window.webContents.on('before-input-event', (event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') {
        event.preventDefault();
        this.hide();
      }
    });
    loadPage(window, this.options.context.pages, 'popover').catch((error: unknown) => {
      console.error('[vast-tray] the popover page did not load:', error);
    });
    this.window = window;
    return window;
  }

  private scheduleHide(): void {
    if (this.pinned || this.hideTimer) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = null;
      if (!this.visible) return;
      this.hiddenByBlurAt = this.now();
      this.window?.hide();
    }, BLUR_HIDE_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }
}
