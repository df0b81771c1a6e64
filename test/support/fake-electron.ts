// A fake `electron` module for unit tests of main/shell and preload (Electron's binary cannot run
// here). Test files install it with
//   vi.mock('electron', () => import('../../support/fake-electron'))
// and import it too, to look inside: which windows were created with which options, what the
// tray shows, which notifications were shown. `resetFakeElectron()` between tests.
// It models only what the shell uses, with Electron's observable behaviour (events, defaults).
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { vi } from 'vitest';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

let nextId = 1;

/** A preventable event, as Electron passes to 'will-navigate', 'close', … */
export function preventable<T extends object>(fields: T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeFrame {
  readonly frameTreeNodeId = nextId++;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  /** Test helper: what a permission request is answered. */
  requestPermission(contents: unknown, permission: string): boolean | undefined {
    let answer: boolean | undefined;
    this.permissionRequestHandler?.(contents, permission, (granted) => {
      answer = granted;
    });
    return answer;
  }
  /** Test helper: the headers a response ends up with. */
  respond(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | undefined {
    let result: Record<string, string[]> | undefined;
    this.headersListener?.({ url, responseHeaders }, (response) => {
      result = response.responseHeaders;
    });
    return result;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame('');
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  private destroyed = false;

  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Test helper: the page navigates itself (a link, location.href = …); says whether it was stopped. */
  navigate(url: string): boolean {
    const event = preventable({ url, isMainFrame: true });
    this.emit('will-navigate', event);
    const frameEvent = preventable({ url, isMainFrame: true });
    this.emit('will-frame-navigate', frameEvent);
    return event.defaultPrevented;
  }
  /** Test helper: a sub-frame navigates; says whether it was stopped. */
  navigateSubframe(url: string): boolean {
    const event = preventable({ url, isMainFrame: false });
    this.emit('will-frame-navigate', event);
    return event.defaultPrevented;
  }
  /** Test helper: the page calls window.open(url). */
  open(url: string): { action: 'allow' | 'deny' } | null {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : null;
  }
}

export type Load = { kind: 'file'; path: string; hash: string | null } | { kind: 'url'; url: string };

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  readonly loads: Load[] = [];
  bounds: Rect;
  private visible = false;
  private minimized = false;
  private destroyed = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.webContents = new FakeWebContents(fake.session);
    this.bounds = { x: 0, y: 0, width: Number(options['width'] ?? 800), height: Number(options['height'] ?? 600) };
    FakeBrowserWindow.instances.push(this);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
  async loadFile(path: string, options?: { hash?: string }): Promise<void> {
    this.loads.push({ kind: 'file', path, hash: options?.hash ?? null });
    this.webContents.mainFrame.url = pathToFileURL(path).href + (options?.hash ? `#${options.hash}` : '');
  }
  async loadURL(url: string): Promise<void> {
    this.loads.push({ kind: 'url', url });
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.minimized = false;
    if (this.visible) return;
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.emit('hide');
  }
  focus(): void {
    this.emit('focus');
  }
  /** Test helper: the window loses focus. */
  blur(): void {
    this.emit('blur');
  }
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  isVisible(): boolean {
    return this.visible && !this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  getBounds(): Rect {
    return this.bounds;
  }
  /** Like the user clicking the close button: 'close' can be prevented, else the window goes. */
  close(): void {
    const event = preventable({});
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }
}

export class FakeImage {
  constructor(readonly path: string) {}
  /** Like nativeImage: a missing or unreadable file gives an empty image. */
  isEmpty(): boolean {
    return !existsSync(this.path);
  }
}

export class FakeMenu {
  constructor(readonly template: unknown[]) {}
  static buildFromTemplate(template: unknown[]): FakeMenu {
    return new FakeMenu(template);
  }
  static setApplicationMenu = vi.fn<(menu: FakeMenu | null) => void>();
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  /** Test switch: a desktop without a tray (the constructor throws). */
  static unavailable = false;
  tooltip = '';
  title = '';
  contextMenu: FakeMenu | null = null;
  setContextMenuCalls = 0;
  readonly poppedUp: FakeMenu[] = [];
  bounds: Rect = { x: 0, y: 0, width: 0, height: 0 };
  destroyed = false;

  constructor(public image: FakeImage) {
    super();
    if (FakeTray.unavailable) throw new Error('no status area on this desktop');
    FakeTray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu): void {
    this.contextMenu = menu;
    this.setContextMenuCalls += 1;
  }
  popUpContextMenu(menu: FakeMenu): void {
    this.poppedUp.push(menu);
  }
  getBounds(): Rect {
    return this.bounds;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = 0;
  constructor(readonly options: { title: string; body: string; urgency?: string }) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown += 1;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    // Electron throws on a second handler for a channel; so do we.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke(channel, ...args) would get, from `event`'s sender. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(async () => ({ ok: true, data: null }));
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
}

const DEFAULT_DISPLAY = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 };

/** Everything tests reset: the current default session, the display, the cursor. */
export const fake = {
  session: new FakeSession(),
  display: DEFAULT_DISPLAY,
  cursor: { x: 1800, y: 1060 },
};

export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Menu = FakeMenu;
export const Notification = FakeNotification;
export const nativeImage = { createFromPath: (path: string) => new FakeImage(path) };
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};
export const session = {
  get defaultSession(): FakeSession {
    return fake.session;
  },
};
export const shell = { openExternal: vi.fn<(url: string) => Promise<void>>(async () => undefined) };
export const dialog = {
  showMessageBox: vi.fn<(options: Record<string, unknown>) => Promise<{ response: number; checkboxChecked: boolean }>>(async () => ({
    response: 1,
    checkboxChecked: false,
  })),
  showErrorBox: vi.fn(),
};
export const screen = {
  getCursorScreenPoint: () => fake.cursor,
  getDisplayMatching: vi.fn((_rect: Rect) => fake.display),
  getDisplayNearestPoint: vi.fn((_point: { x: number; y: number }) => fake.display),
  getPrimaryDisplay: () => fake.display,
};
export const powerMonitor = new EventEmitter();
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  appPath: '/opt/vast-tray',
  paths: new Map<string, string>([['userData', '/tmp/vast-tray-fake']]),
  getAppPath: () => app.appPath,
  getPath: (name: string) => app.paths.get(name) ?? `/tmp/vast-tray-fake/${name}`,
  setPath: vi.fn((name: string, path: string) => {
    app.paths.set(name, path);
  }),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: () => Promise.resolve(),
  enableSandbox: vi.fn(),
  setAppUserModelId: vi.fn(),
  getPreferredSystemLanguages: () => ['en-US'],
  setLoginItemSettings: vi.fn<(settings: Record<string, unknown>) => void>(),
  quit: vi.fn(),
  exit: vi.fn(),
  dock: undefined,
});
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: (text: string) => Buffer.from(text),
  decryptString: (data: Buffer) => data.toString(),
};

export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeTray.unavailable = false;
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  FakeMenu.setApplicationMenu.mockReset();
  fake.session = new FakeSession();
  fake.display = DEFAULT_DISPLAY;
  fake.cursor = { x: 1800, y: 1060 };
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoke.mockClear();
  ipcRenderer.send.mockClear();
  contextBridge.exposed.clear();
  shell.openExternal.mockClear();
  dialog.showMessageBox.mockReset();
  dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
  screen.getDisplayMatching.mockClear();
  screen.getDisplayNearestPoint.mockClear();
  powerMonitor.removeAllListeners();
  app.removeAllListeners();
  app.isPackaged = false;
  app.appPath = '/opt/vast-tray';
  app.paths = new Map([['userData', '/tmp/vast-tray-fake']]);
  app.setPath.mockClear();
  app.requestSingleInstanceLock.mockReset();
  app.requestSingleInstanceLock.mockReturnValue(true);
  app.enableSandbox.mockClear();
  app.setLoginItemSettings.mockClear();
  app.quit.mockClear();
  app.exit.mockClear();
}

/**
 * An IPC event as Electron builds it: the sending web contents and frame. Typed as Electron's own
 * event so it can be handed to the shell's functions; it carries only `sender` and `senderFrame`.
 */
export function ipcEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame): IpcMainInvokeEvent & IpcMainEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent & IpcMainEvent;
}
