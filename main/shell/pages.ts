// Where our two pages come from — the built files (file://) or, in development, the Vite dev
// server — and the one question the IPC guard asks: "is this URL one of our pages?".
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type PageName = 'dashboard' | 'popover';

const FILES: Record<PageName, string> = { dashboard: 'index.html', popover: 'popover.html' };

export type PageSource =
  | { kind: 'files'; dir: string }
  /** `base` is the dev server URL without a trailing slash; `origin` is its scheme://host:port. */
  | { kind: 'dev-server'; base: string; origin: string };

export interface PageSourceOptions {
  /** The built renderer: `<app>/dist/renderer`. */
  rendererDir: string;
  /** `VITE_DEV_SERVER_URL`, when set. */
  devServerUrl?: string | undefined;
  isPackaged: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server is honoured only in an unpackaged app and only on a loopback http:// URL: a
 * stray environment variable must never make the installed app load a page from the network,
 * which would then hold the keys to the bridge.
 */
export function pageSource(options: PageSourceOptions): PageSource {
  if (!options.isPackaged && options.devServerUrl) {
    const url = parseLoopbackUrl(options.devServerUrl);
    if (url) return { kind: 'dev-server', base: url.href.replace(/\/+$/, ''), origin: url.origin };
    console.warn('[vast-tray] ignoring VITE_DEV_SERVER_URL: only http://localhost or 127.0.0.1 is allowed.');
  }
  return { kind: 'files', dir: options.rendererDir };
}

function parseLoopbackUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) return null;
    url.search = '';
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/** A page's full URL, with `hash` ("#instance/1" or "") appended. */
export function pageUrl(source: PageSource, page: PageName, hash = ''): string {
  const base = source.kind === 'files' ? pathToFileURL(pagePath(source, page)).href : `${source.base}/${FILES[page]}`;
  return `${base}${hash}`;
}

/** The built file of a page (file source only). */
export function pagePath(source: Extract<PageSource, { kind: 'files' }>, page: PageName): string {
  return join(source.dir, FILES[page]);
}

/** Which of our pages `url` is, ignoring its hash and query; null for anything else. */
export function ownPage(source: PageSource, url: string): PageName | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  parsed.hash = '';
  parsed.search = '';
  for (const page of Object.keys(FILES) as PageName[]) {
    if (source.kind === 'files') {
      if (parsed.protocol !== 'file:' || parsed.host !== '') continue;
      // Compare paths, not strings: file URLs may differ in percent-encoding.
      if (filePath(parsed) === pagePath(source, page)) return page;
    } else if (parsed.href === pageUrl(source, page)) {
      return page;
    }
  }
  return null;
}

/** The path of a file: URL; null for one no file can have (e.g. an encoded "/"). */
function filePath(url: URL): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

/** Minimal view of a window for loading pages: what BrowserWindow offers. */
export interface PageLoader {
  loadFile(filePath: string, options?: { hash?: string }): Promise<void>;
  loadURL(url: string): Promise<void>;
}

/** Loads one of our pages, on `hash` ("#settings", "" for none). */
export function loadPage(window: PageLoader, source: PageSource, page: PageName, hash = ''): Promise<void> {
  if (source.kind === 'files') {
    const bare = hash.replace(/^#/, '');
    return bare ? window.loadFile(pagePath(source, page), { hash: bare }) : window.loadFile(pagePath(source, page));
  }
  return window.loadURL(pageUrl(source, page, hash));
}
