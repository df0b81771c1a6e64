// Packs the app the way `npm run dist` would — electron-builder, this project's
// electron-builder.yml, target `dir` for Linux — but against a STAND-IN Electron (electron-builder's
// `electronDist` pointed at a folder made here), so nothing is downloaded. Then checks that what
// main/index.ts expects is where it expects it:
//   resources/app.asar                  dist/main/index.cjs, dist/preload/index.cjs, dist/renderer/*.html,
//                                       package.json (main → dist/main/index.cjs), production deps only
//   resources/app.asar.unpacked/…/keytar  keytar's native .node, outside the archive
//   resources/tray/                     every tray icon of main/assets/tray
//   the executable                      the release fuses flipped (the stand-in carries a fuse wire)
// Any download electron-builder attempts is pointed at a dead local address, so it fails at once
// and the report names it instead of hanging or silently passing.
//   node scripts/check-packaging.mjs [--keep] [--config other-builder.yml]     (run `npm run build` first)
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const keep = process.argv.includes('--keep');
const configArg = process.argv.indexOf('--config');
const configFile = resolve(configArg > 0 && process.argv[configArg + 1] ? process.argv[configArg + 1] : join(root, 'electron-builder.yml'));

const results = [];
const pass = (what) => results.push({ ok: true, what });
const fail = (what, why) => results.push({ ok: false, what, why });
const check = (ok, what, why) => (ok ? pass(what) : fail(what, why));

// Any download fails fast against a closed port, with the URL in the error.
const DEAD = 'http://127.0.0.1:9/';
process.env.ELECTRON_MIRROR = DEAD;
process.env.ELECTRON_BUILDER_BINARIES_MIRROR = DEAD;
process.env.ELECTRON_BUILDER_BINARIES_DOWNLOAD_OVERRIDE_URL = DEAD;
process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

// --- 0. What the app is made of must exist before it can be packed -------------------------------
const INPUTS = ['dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/renderer/popover.html'];
for (const input of INPUTS) {
  check(existsSync(join(root, input)), `input ${input} exists`, `missing: run \`npm run build\` first${input.startsWith('dist/renderer') ? ' (the renderer needs vite.config.mts)' : ''}`);
}

// --- 1. The stand-in Electron ---------------------------------------------------------------------
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults, in @electron/fuses' V1 order: RunAsNode, CookieEncryption, NodeOptions,
// NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges, WasmTrapHandlers.
const DEFAULT_WIRE = '101100011';

function makeStandIn(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in for Electron (scripts/check-packaging.mjs): it only carries a fuse wire.\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\necho "stand-in Electron: cannot run the app" >&2\nexit 1\n'),
  ]);
  writeFileSync(join(dir, 'electron'), script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  writeFileSync(join(dir, 'version'), `${electronVersion}\n`);
}

const work = mkdtempSync(join(tmpdir(), 'vast-tray-packaging-'));
const standIn = join(work, 'electron-stand-in');
const output = join(work, 'release');
makeStandIn(standIn);

// --- 2. electron-builder --dir --linux -----------------------------------------------------------
const { Arch, Platform, build } = require('electron-builder');
const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
let built = false;
try {
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', arch),
    publish: 'never',
    // `extends` names the configuration file; the rest is deep-merged over it: only where
    // Electron comes from and where the output goes.
    config: { extends: configFile, electronDist: standIn, electronVersion, directories: { output } },
  });
  built = true;
  pass('electron-builder packed the app (linux, dir) with the stand-in Electron');
} catch (error) {
  const message = error instanceof Error ? error.stack ?? error.message : String(error);
  const download = /127\.0\.0\.1:9|ECONNREFUSED|download/i.test(message);
  fail(
    'electron-builder packed the app (linux, dir) with the stand-in Electron',
    download ? `electron-builder tried to download something, which this check forbids:\n${message}` : message,
  );
}

// --- 3. What landed where -----------------------------------------------------------------------
if (built) {
  const unpacked = readdirSync(output).find((name) => name.startsWith('linux') && name.endsWith('unpacked'));
  const appDir = unpacked ? join(output, unpacked) : null;
  check(appDir !== null, 'an unpacked app folder exists', `no linux*-unpacked folder in ${output}`);
  if (appDir) {
    const resources = join(appDir, 'resources');
    const asarPath = join(resources, 'app.asar');
    check(existsSync(asarPath), 'resources/app.asar exists', 'not found');
    if (existsSync(asarPath)) {
      const asar = require('@electron/asar');
      const entries = new Set(asar.listPackage(asarPath, { isPack: false }).map((p) => p.replaceAll('\\', '/')));
      for (const file of ['package.json', ...INPUTS]) check(entries.has(`/${file}`), `app.asar contains ${file}`, 'not in the archive');
      const packageJson = JSON.parse(asar.extractFile(asarPath, 'package.json').toString('utf8'));
      check(packageJson.main === 'dist/main/index.cjs', 'app.asar package.json "main" is dist/main/index.cjs', `it is ${JSON.stringify(packageJson.main)}`);
      for (const dep of Object.keys(packageJson.dependencies ?? {})) {
        check(entries.has(`/node_modules/${dep}/package.json`), `app.asar contains the dependency ${dep}`, 'missing: the app would fail to start');
      }
      for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', '@playwright/test']) {
        check(![...entries].some((e) => e.startsWith(`/node_modules/${dev}/`)), `app.asar leaves out the dev dependency ${dev}`, 'it is in the archive');
      }
      check(![...entries].some((e) => e.endsWith('.map') && e.startsWith('/dist/')), 'app.asar has no source maps', 'found .map files under dist/');
      check(![...entries].some((e) => /^\/(main|test|renderer|preload|scripts)\//.test(e)), 'app.asar has no sources or tests', 'found source folders');
    }

    const keytarNode = join(resources, 'app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');
    const isElf = existsSync(keytarNode) && readFileSync(keytarNode).subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    check(isElf, "keytar's native module is unpacked: resources/app.asar.unpacked/node_modules/keytar/build/Release/keytar.node", existsSync(keytarNode) ? 'present but not an ELF binary' : 'not found');

    const icons = readdirSync(join(root, 'main', 'assets', 'tray')).filter((f) => /\.(png|ico)$/.test(f)).sort();
    const shipped = existsSync(join(resources, 'tray')) ? readdirSync(join(resources, 'tray')).sort() : [];
    check(icons.length === 15 && JSON.stringify(shipped) === JSON.stringify(icons), `resources/tray holds the ${icons.length} tray icons`, `found [${shipped.join(', ')}]`);

    // The executable is named after the package; the fuses were flipped in it.
    const executable = join(appDir, packageJsonName());
    check(existsSync(executable), `the executable ${relative(output, executable)} exists`, 'not found');
    if (existsSync(executable)) {
      const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
      const wire = await getCurrentFuseWire(executable);
      const state = (option) => String.fromCharCode(wire[option]);
      const wanted = {
        RunAsNode: '0',
        EnableCookieEncryption: '1',
        EnableNodeOptionsEnvironmentVariable: '0',
        EnableNodeCliInspectArguments: '0',
        EnableEmbeddedAsarIntegrityValidation: '1',
        OnlyLoadAppFromAsar: '1',
      };
      for (const [name, value] of Object.entries(wanted)) {
        check(state(FuseV1Options[name]) === value, `fuse ${name} is ${value === '1' ? 'on' : 'off'}`, `it is ${state(FuseV1Options[name])}`);
      }
    }
  }
}

function packageJsonName() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name;
}

// --- Report ---------------------------------------------------------------------------------------
console.log(
  `\ncheck-packaging of ${relative(process.cwd(), configFile) || configFile} (electron-builder ${require('electron-builder/package.json').version}, stand-in Electron ${electronVersion}):`,
);
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.what}${r.ok ? '' : `\n      ${String(r.why).split('\n').join('\n      ')}`}`);
const failed = results.filter((r) => !r.ok);
if (keep) console.log(`\nkept: ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(failed.length ? `\n${failed.length} check(s) failed.` : '\nAll packaging checks passed.');
process.exit(failed.length ? 1 : 0);
