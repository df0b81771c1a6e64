// Builds everything the app runs from dist/:
//   dist/main/index.cjs     Electron's main process (main/index.ts), node_modules left external
//   dist/main/browser.cjs   browser mode (main/browser-mode.ts)
//   dist/preload/index.cjs  the preload bridge, one self-contained file (sandboxed preloads cannot
//                           require local files)
//   dist/renderer/          the React UI (Vite): index.html (dashboard) and popover.html
// Usage: node scripts/build.mjs [--node-only | --renderer-only]
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const args = new Set(process.argv.slice(2));
const nodeSide = !args.has('--renderer-only');
const renderer = !args.has('--node-only');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

if (nodeSide) {
  await rm('dist/main', { recursive: true, force: true });
  await rm('dist/preload', { recursive: true, force: true });
  const entries = [['main/browser-mode.ts', 'dist/main/browser.cjs']];
  if (existsSync('main/index.ts')) entries.push(['main/index.ts', 'dist/main/index.cjs']);
  for (const [entry, outfile] of entries) {
    // Packages stay in node_modules (electron-builder ships them; keytar is native and must).
    await build({ ...common, entryPoints: [entry], outfile, packages: 'external', external: ['electron'] });
  }
  if (existsSync('preload/index.ts')) {
    await build({ ...common, platform: 'browser', target: 'chrome130', entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
  }
}

if (renderer) {
  if (!existsSync('vite.config.mts')) {
    console.warn('build: no vite.config.mts yet, skipping the renderer.');
  } else {
    const { build: viteBuild } = await import('vite');
    await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
  }
}
console.log('build: done');
