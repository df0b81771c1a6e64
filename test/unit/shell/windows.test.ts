// Every window is made by createSecureWindow with the secure preferences; navigation and
// window.open are denied; https:// links (only those) go to the browser; permissions are denied
// but for the clipboard write of our own pages; the CSP header is sent.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fake, resetFakeElectron, shell } from '../../support/fake-electron.js';
import { CSP } from '../../../main/shell/csp.js';
import { pageSource } from '../../../main/shell/pages.js';
import { OwnWindows, SECURE_WEB_PREFERENCES, createSecureWindow, type SecureWindowContext } from '../../../main/shell/windows.js';
import { DashboardController } from '../../../main/shell/dashboard.js';
import { PopoverController } from '../../../main/shell/popover.js';

vi.mock('electron', () => import('../../support/fake-electron.js'));

const PRELOAD = '/opt/vast-tray/dist/preload/index.cjs';
let context: SecureWindowContext;

beforeEach(() => {
  resetFakeElectron();
  context = { preload: PRELOAD, pages: pageSource({ rendererDir: '/opt/vast-tray/dist/renderer', isPackaged: true }), windows: new OwnWindows() };
});

function only(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

describe('createSecureWindow', () => {
  it('creates the window with isolation, sandbox, no Node, and our preload', () => {
    createSecureWindow(context, { width: 300, height: 200 });
    const prefs = only().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: PRELOAD,
    });
  });

  it('ignores webPreferences smuggled in by a caller', () => {
    const sneaky = { width: 1, webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false } };
    // Types forbid it in a literal; a variable gets through the compiler, not through the helper.
    createSecureWindow(context, sneaky);
    expect(only().options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: PRELOAD });
  });

  it('denies window.open, sending https:// links (only) to the browser', () => {
    createSecureWindow(context, {});
    const { webContents } = only();
    expect(webContents.open('https://cloud.vast.ai/account/')).toEqual({ action: 'deny' });
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'vast://x', 'https://user:pw@evil.example/', 'not a url']) {
      expect(webContents.open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://cloud.vast.ai/account/');
  });

  it('denies navigation of the page and of sub-frames; an https:// link opens in the browser instead', () => {
    createSecureWindow(context, {});
    const { webContents } = only();
    expect(webContents.navigate('https://evil.example/phish')).toBe(true);
    expect(webContents.navigate('file:///opt/vast-tray/dist/renderer/index.html')).toBe(true);
    expect(webContents.navigate('http://127.0.0.1:8766/')).toBe(true);
    expect(webContents.navigateSubframe('https://evil.example/frame')).toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://evil.example/phish']]);
  });

  it('refuses <webview> and downloads', () => {
    createSecureWindow(context, {});
    const { webContents } = only();
    const attach = { defaultPrevented: false, preventDefault: vi.fn() };
    webContents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    const download = { preventDefault: vi.fn() };
    fake.session.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('denies permission requests, except a clipboard write from our own window', () => {
    createSecureWindow(context, {});
    const { webContents } = only();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'display-capture']) {
      expect(fake.session.requestPermission(webContents, permission)).toBe(false);
      expect(fake.session.permissionCheckHandler?.(webContents, permission)).toBe(false);
    }
    expect(fake.session.requestPermission(webContents, 'clipboard-sanitized-write')).toBe(true);
    expect(fake.session.requestPermission({ stranger: true }, 'clipboard-sanitized-write')).toBe(false);
  });

  it('sends the strict CSP header, replacing any other policy', () => {
    createSecureWindow(context, {});
    const headers = fake.session.respond('http://127.0.0.1:5173/index.html', {
      'content-security-policy': ["default-src *"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
    expect(CSP).toBe(
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('registers the window as ours until it closes', () => {
    const window = createSecureWindow(context, {});
    expect(context.windows.owns(window.webContents)).toBe(true);
    window.destroy();
    expect(context.windows.owns(window.webContents)).toBe(false);
  });
});

describe('every window of the app goes through the helper', () => {
  it('the dashboard and the popover are created with the secure preferences and load our pages', () => {
    const dashboard = new DashboardController({
      context,
      hasTray: () => true,
      onFirstHide: () => undefined,
      onVisibilityChange: () => undefined,
      onClosedWithoutTray: () => undefined,
    });
    const popover = new PopoverController({ context, platform: 'linux', onVisibilityChange: () => undefined });
    dashboard.open();
    popover.show();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    for (const window of FakeBrowserWindow.instances) {
      expect(window.options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: PRELOAD });
      expect(context.windows.owns(window.webContents as never)).toBe(true);
    }
    expect(FakeBrowserWindow.instances.map((w) => w.loads[0])).toEqual([
      { kind: 'file', path: '/opt/vast-tray/dist/renderer/index.html', hash: null },
      { kind: 'file', path: '/opt/vast-tray/dist/renderer/popover.html', hash: null },
    ]);
  });
});
