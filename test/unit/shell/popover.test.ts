// Popover placement (tray bounds → whole-pixel coordinates inside the work area; empty bounds →
// near the pointer, or the work area's corner) and its lifecycle (hide on blur after a short
// debounce, a tray click while it is open closes it, Escape closes it). Fake timers, no sleeps.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageSource } from '../../../main/shell/pages.js';
import { BLUR_HIDE_MS, POPOVER_SIZE, PopoverController, popoverPosition, type PlacementInput } from '../../../main/shell/popover.js';
import { OwnWindows } from '../../../main/shell/windows.js';
import { FakeBrowserWindow, fake, preventable, resetFakeElectron, screen } from '../../support/fake-electron.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const size = POPOVER_SIZE; // 360 × 480
const macArea = { x: 0, y: 25, width: 1440, height: 875 }; // below a 25 px menu bar
const winArea = { x: 0, y: 0, width: 1920, height: 1040 }; // above a 40 px taskbar

function place(input: Partial<PlacementInput>): { x: number; y: number } {
  return popoverPosition({ trayBounds: null, size, workArea: winArea, cursor: null, platform: 'win32', ...input });
}

function inside(point: { x: number; y: number }, area: typeof winArea): boolean {
  return point.x >= area.x && point.y >= area.y && point.x + size.width <= area.x + area.width && point.y + size.height <= area.y + area.height;
}

describe('popoverPosition', () => {
  it('macOS menu bar: centred under the icon, just below the bar', () => {
    expect(place({ platform: 'darwin', workArea: macArea, trayBounds: { x: 1000, y: 0, width: 24, height: 24 } })).toEqual({ x: 832, y: 29 });
  });

  it('Windows taskbar at the bottom: centred above the icon', () => {
    expect(place({ trayBounds: { x: 1700, y: 1044, width: 32, height: 32 } })).toEqual({ x: 1536, y: 556 });
  });

  it('keeps inside the work area when the icon is near the edge', () => {
    const point = place({ trayBounds: { x: 1900, y: 1044, width: 20, height: 32 } });
    expect(point).toEqual({ x: 1560, y: 556 });
    expect(inside(point, winArea)).toBe(true);
  });

  it('taskbars on the left and on the right', () => {
    const left = { x: 60, y: 0, width: 1860, height: 1080 };
    expect(place({ workArea: left, trayBounds: { x: 14, y: 1000, width: 32, height: 32 } })).toEqual({ x: 64, y: 600 });
    const right = { x: 0, y: 0, width: 1860, height: 1080 };
    expect(place({ workArea: right, trayBounds: { x: 1874, y: 500, width: 32, height: 32 } })).toEqual({ x: 1496, y: 276 });
  });

  it('rounds fractional tray bounds (scaled displays) to whole pixels', () => {
    const point = place({ platform: 'darwin', workArea: macArea, trayBounds: { x: 1000.3, y: 0, width: 23.5, height: 24 } });
    expect(Number.isInteger(point.x) && Number.isInteger(point.y)).toBe(true);
    expect(point).toEqual({ x: 832, y: 29 });
  });

  it('empty bounds (Linux): near the pointer, towards the middle of the screen, inside the work area', () => {
    expect(place({ platform: 'linux', trayBounds: { x: 0, y: 0, width: 0, height: 0 }, cursor: { x: 1850, y: 12 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 } })).toEqual({
      x: 1560,
      y: 32,
    });
    expect(place({ platform: 'linux', cursor: { x: 700.6, y: 1070 } })).toEqual({ x: 521, y: 560 });
  });

  it('nothing to go by: the corner where trays live', () => {
    expect(place({ platform: 'win32' })).toEqual({ x: 1556, y: 556 });
    expect(place({ platform: 'linux' })).toEqual({ x: 1556, y: 556 });
    expect(place({ platform: 'darwin', workArea: macArea })).toEqual({ x: 1076, y: 29 });
  });

  it('a work area smaller than the popover pins it to the top-left corner', () => {
    expect(place({ workArea: { x: 10, y: 20, width: 300, height: 400 }, cursor: { x: 100, y: 100 } })).toEqual({ x: 10, y: 20 });
  });
});

describe('PopoverController', () => {
  let visible: boolean[];
  let clock = 0;
  let popover: PopoverController;

  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
    visible = [];
    clock = 10_000;
    popover = new PopoverController({
      context: { preload: '/p.cjs', pages: pageSource({ rendererDir: '/r', isPackaged: true }), windows: new OwnWindows() },
      platform: 'win32',
      onVisibilityChange: (v) => visible.push(v),
      now: () => clock,
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const window = (): FakeBrowserWindow => FakeBrowserWindow.instances[0]!;

  it('is a frameless, fixed-size window, off the taskbar, loading the popover page', () => {
    popover.show();
    expect(window().options).toMatchObject({ width: 360, height: 480, frame: false, resizable: false, skipTaskbar: true, show: false });
    expect(window().loads).toEqual([{ kind: 'file', path: '/r/popover.html', hash: null }]);
  });

  it('opens where the tray is, on that display', () => {
    const bounds = { x: 1700, y: 1044, width: 32, height: 32 };
    popover.toggle(bounds);
    expect(screen.getDisplayMatching).toHaveBeenCalledWith(bounds);
    expect(window().getBounds()).toEqual({ x: 1536, y: 556, width: 360, height: 480 });
    expect(window().isVisible()).toBe(true);
    expect(visible).toEqual([true]);
  });

  it('with empty tray bounds, opens near the pointer', () => {
    fake.cursor = { x: 900, y: 1030 };
    popover.toggle({ x: 0, y: 0, width: 0, height: 0 });
    expect(screen.getDisplayNearestPoint).toHaveBeenCalledWith({ x: 900, y: 1030 });
    expect(window().getBounds()).toMatchObject({ x: 720, y: 546 });
  });

  it('hides on blur after a short debounce, not at once', () => {
    popover.show();
    window().blur();
    vi.advanceTimersByTime(BLUR_HIDE_MS - 1);
    expect(window().isVisible()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(window().isVisible()).toBe(false);
    expect(visible).toEqual([true, false]);
  });

  it('a blur followed by focus (e.g. a native dialog) keeps it open', () => {
    popover.show();
    window().blur();
    window().focus();
    vi.advanceTimersByTime(BLUR_HIDE_MS * 4);
    expect(window().isVisible()).toBe(true);
  });

  it('a tray click while open closes it, even though the click blurred it first', () => {
    const bounds = { x: 1700, y: 1044, width: 32, height: 32 };
    popover.toggle(bounds);
    window().blur(); // pressing the tray icon takes the focus away…
    popover.toggle(bounds); // …then the click arrives
    expect(window().isVisible()).toBe(false);
    vi.advanceTimersByTime(BLUR_HIDE_MS * 2);
    expect(window().isVisible()).toBe(false);
  });

  it('a slow click whose blur already hid it does not reopen it; a later click does', () => {
    popover.toggle();
    window().blur();
    vi.advanceTimersByTime(BLUR_HIDE_MS);
    expect(window().isVisible()).toBe(false);
    clock += 100;
    popover.toggle();
    expect(window().isVisible()).toBe(false);
    clock += 1_000;
    popover.toggle();
    expect(window().isVisible()).toBe(true);
  });

  it('pinned (the test hook) stays open without focus', () => {
    popover.show({ pinned: true });
    window().blur();
    vi.advanceTimersByTime(BLUR_HIDE_MS * 10);
    expect(window().isVisible()).toBe(true);
  });

  it('Escape closes it', () => {
    popover.show();
    const event = preventable({});
    window().webContents.emit('before-input-event', event, { type: 'keyDown', key: 'Escape' });
    expect(event.defaultPrevented).toBe(true);
    expect(window().isVisible()).toBe(false);
  });

  it('is made once and reused', () => {
    popover.show();
    popover.hide();
    popover.show();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});
