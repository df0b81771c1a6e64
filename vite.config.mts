// The renderer: two pages (the dashboard window, also served by the browser dashboard at `/`, and
// the tray popover), built into dist/renderer with relative URLs because Electron loads them from
// disk. Both pages run under a strict CSP (`default-src 'self'`), so the built HTML must carry no
// inline script or style.
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), 'renderer');

/**
 * The dev server injects inline scripts (React Fast Refresh) and talks over a WebSocket; relax
 * the pages' CSP for `vite dev` only. Production builds keep the CSP exactly as written.
 */
function devCsp(): Plugin {
  return {
    name: 'vast-tray:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/script-src 'self'/, "script-src 'self' 'unsafe-inline'").replace(/connect-src 'self'/, "connect-src 'self' ws: http://localhost:*"),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir: resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    // The polyfill would be an inline script; Electron's Chromium supports modulepreload anyway.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs into CSS/JS beyond the CSP's img-src; fonts are system fonts.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'),
        popover: resolve(root, 'popover.html'),
      },
      // Readable chunk names: libraries, then the app code both pages share.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/ },
            { name: 'shared', minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
