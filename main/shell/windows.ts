// Every window of the app is made here, by one helper, with the same hardening (design.md):
// context isolation, sandbox, no Node in the page, a strict CSP, no navigation, no window.open,
// no permissions, no downloads, and https:// links handed to the user's browser by main.
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { contentSecurityPolicy, withCsp } from './csp.js';
import { openExternalHttps } from './external-links.js';
import type { PageSource } from './pages.js';

/** The preferences every window gets; callers cannot pass their own. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

/** The only permission our pages may use: writing text to the clipboard (the SSH command's Copy button). */
const ALLOWED_PERMISSIONS = new Set<string>(['clipboard-sanitized-write']);

/** The windows we made, so the IPC guard can tell our pages from anything else. */
export class OwnWindows {
  private readonly windows = new Set<BrowserWindow>();

  add(window: BrowserWindow): void {
    this.windows.add(window);
    window.once('closed', () => this.windows.delete(window));
  }

  /** Whether these web contents belong to one of our live windows. */
  owns(contents: WebContents | null | undefined): boolean {
    if (!contents) return false;
    for (const window of this.windows) if (!window.isDestroyed() && window.webContents === contents) return true;
    return false;
  }

  all(): BrowserWindow[] {
    return [...this.windows].filter((window) => !window.isDestroyed());
  }
}

export interface SecureWindowContext {
  /** The bundled preload script (dist/preload/index.cjs). */
  preload: string;
  pages: PageSource;
  windows: OwnWindows;
}

export type SecureWindowOptions = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/** The one way to make a window. */
export function createSecureWindow(context: SecureWindowContext, options: SecureWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: context.preload },
  });
  hardenWebContents(window.webContents);
  hardenSession(window.webContents.session, context);
  context.windows.add(window);
  return window;
}

/** No new windows, no navigation away from our page, no <webview>; https:// links go to the browser. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalHttps(url).catch(logOpenFailure);
    return { action: 'deny' };
  });
  // Fired for navigations the page starts (links, location.href = …), not for our own loadFile /
  // loadURL, nor for in-page hash changes (the dashboard's routes), so denying all is safe.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    void openExternalHttps(event.url).catch(logOpenFailure);
  });
  // Sub-frames too (there are none in our pages; an injected one must not go anywhere).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const hardenedSessions = new WeakSet<Session>();

/** Once per session: deny permissions, refuse downloads, send the CSP header. */
export function hardenSession(session: Session, context: Pick<SecureWindowContext, 'pages' | 'windows'>): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && context.windows.owns(contents));
  });
  session.setPermissionCheckHandler((contents, permission) => ALLOWED_PERMISSIONS.has(permission) && context.windows.owns(contents));
  session.on('will-download', (event) => event.preventDefault());
  const policy = contentSecurityPolicy(context.pages);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, policy) });
  });
}

function logOpenFailure(error: unknown): void {
  console.warn('[vast-tray] could not open a link in the browser:', error instanceof Error ? error.message : error);
}
