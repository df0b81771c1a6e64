// `npm start`: builds, then runs the Electron app. Where Electron's binary is missing and cannot be
// downloaded (or there is no display), says so in one line and starts browser mode instead: the
// same core and the local server, with a one-time login link.
//   npm start                     the app (Electron, else the browser dashboard)
//   npm start -- --browser        browser mode, even where Electron could run
//   npm run demo                  the same on the built-in simulated fleet (no Vast account)
//   npm start -- --browser --port 9000
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passThrough = args.filter((a) => a !== '--browser');
const require = createRequire(import.meta.url);
const FAILURE_MARK = join('node_modules', '.cache', 'vast-tray', 'electron-download-failed');

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Fetches Electron's binary on first use (npm install skipped it); remembers a failure for an hour. */
function downloadElectron() {
  if (existsSync(FAILURE_MARK) && Date.now() - statSync(FAILURE_MARK).mtimeMs < 3_600_000) {
    return { ok: false, reason: readFileSync(FAILURE_MARK, 'utf8').trim() || 'an earlier download failed' };
  }
  console.log("Downloading Electron's binary (first start only)…");
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join('node_modules', 'electron', 'install.js')], { env, encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0 && electronBinary()) return { ok: true };
  const text = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const reason = (/(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|ECONNRESET)[^\n]*/.exec(text)?.[0] ?? (result.error ? result.error.message : 'no network access to GitHub')).slice(0, 120);
  mkdirSync(join('node_modules', '.cache', 'vast-tray'), { recursive: true });
  writeFileSync(FAILURE_MARK, reason);
  return { ok: false, reason };
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
}

function browserMode(why) {
  if (why) console.log(why);
  run(process.execPath, [join('dist', 'main', 'browser.cjs'), ...passThrough]);
}

const build = spawnSync(process.execPath, [join('scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (forceBrowser) {
  browserMode();
} else {
  let binary = electronBinary();
  let reason = '';
  if (!binary) {
    const download = downloadElectron();
    binary = download.ok ? electronBinary() : null;
    reason = download.reason ?? '';
  }
  if (!binary) {
    browserMode(`Electron's binary is not installed and could not be downloaded (${reason}): starting the browser dashboard instead.`);
  } else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    browserMode('No display for the Electron window here (DISPLAY is not set): starting the browser dashboard instead.');
  } else {
    run(binary, ['.', ...passThrough]);
  }
}
