// Electron's main process: the composition root. One instance at a time (a second launch opens
// the dashboard), the data folder, the secret store chain (keychain → safeStorage → memory), the
// core, the commands table with the local API, then the shell (tray, windows, IPC, notifications).
// No window at start-up unless the user has to enter a key first. Quitting disposes everything.
//
// Command line: --demo (the built-in simulated fleet), --user-data-dir=DIR (another data folder).
// Development only (unpackaged): VAST_URL (another Vast, e.g. the simulator), VITE_DEV_SERVER_URL
// (load the UI from Vite), VAST_TRAY_TEST_HOOKS=1 (see shell/test-hooks.ts).
import { join, resolve } from 'node:path';
import { app, dialog, safeStorage } from 'electron';
import { APP_ID } from './app-info.js';
import { createCommands, type CommandHandlers } from './commands.js';
import { AppCore } from './core/app-core.js';
import { createDemoSource } from './demo-source.js';
import { KeytarSecretStore, loadKeytar } from './secrets/keytar-secret-store.js';
import { MemorySecretStore } from './secrets/memory-secret-store.js';
import { SafeStorageSecretStore } from './secrets/safe-storage-secret-store.js';
import { createSecretStore } from './secrets/secret-store.js';
import { LocalApi } from './server/local-api.js';
import { startShell, type Shell } from './shell/app-shell.js';
import { setLaunchAtLogin } from './shell/login-items.js';
import { pageSource } from './shell/pages.js';
import { installTestHooks, testHooksWanted } from './shell/test-hooks.js';

/** `--name=value` or `--name value`. */
function argValue(name: string, argv: readonly string[] = process.argv): string | null {
  for (const [index, arg] of argv.entries()) {
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    if (arg === name) return argv[index + 1] ?? null;
  }
  return null;
}

const userDataDir = argValue('--user-data-dir');
if (userDataDir) app.setPath('userData', resolve(userDataDir));
if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // notifications are attributed to it
// Every renderer sandboxed, whatever a window's options say (windows.ts sets it too).
app.enableSandbox();

let shell: Shell | null = null;
let dashboardAsked = false;
let shutdown: Promise<void> | null = null;
let shutdownDone = false;
let dispose: () => Promise<void> = async () => undefined;

if (!app.requestSingleInstanceLock()) {
  // Another Vast Tray runs: it gets our 'second-instance' and shows its dashboard.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (shell) shell.openDashboard();
    else dashboardAsked = true;
  });
  // macOS: a click on the app in Finder or the Dock while it runs.
  app.on('activate', () => shell?.openDashboard());
  // The tray keeps the app alive with no window open (and where there is no tray, the shell quits).
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => shell?.prepareToQuit());
  app.on('will-quit', (event) => {
    if (shutdownDone) return;
    event.preventDefault();
    shutdown ??= dispose()
      .catch((error: unknown) => console.error('[vast-tray] shutdown:', error))
      .finally(() => {
        shutdownDone = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[vast-tray] could not start:', error);
      dialog.showErrorBox('Vast Tray could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide(); // a tray app (LSUIElement in the packaged app)
  const dataDir = app.getPath('userData');
  const appPath = app.getAppPath();
  const rendererDir = join(appPath, 'dist', 'renderer');

  // Under the test hooks the app must not touch the user's real keychain (the key is filed under
  // one service name for every data folder): secrets stay in memory for the run.
  const isolated = testHooksWanted(process.env, app.isPackaged);
  const secrets = await createSecretStore(
    isolated
      ? [new MemorySecretStore()]
      : [new KeytarSecretStore(await loadKeytar()), new SafeStorageSecretStore(safeStorage, dataDir), new MemorySecretStore()],
  );
  // Where Vast is can change only in development: the key must not follow a stray variable.
  const vastUrl = app.isPackaged ? undefined : process.env['VAST_URL'];
  const core = await AppCore.create({
    dataDir,
    secrets,
    demo: createDemoSource(),
    osLocales: () => app.getPreferredSystemLanguages(),
    ...(vastUrl ? { vastBaseUrl: vastUrl } : {}),
  });

  let commands: CommandHandlers | null = null;
  const localApi = new LocalApi({
    core,
    commands: () => {
      if (!commands) throw new Error('the commands table is not built yet');
      return commands;
    },
    staticDir: rendererDir,
  });

  await core.start({ demo: process.argv.includes('--demo') });

  const started = startShell({
    core,
    createCommands: (platform) => (commands = createCommands(core, { ...platform, localApi })),
    setLaunchAtLogin: (enabled) => setLaunchAtLogin(enabled),
    pages: pageSource({ rendererDir, devServerUrl: process.env['VITE_DEV_SERVER_URL'], isPackaged: app.isPackaged }),
    preload: join(appPath, 'dist', 'preload', 'index.cjs'),
    trayIconDir: app.isPackaged ? join(process.resourcesPath, 'tray') : join(appPath, 'main', 'assets', 'tray'),
    platform: process.platform,
    quit: () => app.quit(),
  });
  shell = started;
  const stopFollowing = localApi.followSettings();
  dispose = async () => {
    started.dispose();
    stopFollowing();
    await Promise.allSettled([localApi.stop(), core.dispose()]);
  };

  // The app may have moved (a new AppImage, another install folder): point the login item at this copy.
  if (core.settings.get().launchAtLogin) {
    setLaunchAtLogin(true).catch((error: unknown) => console.warn('[vast-tray] could not refresh launch at login:', error));
  }
  if (isolated) installTestHooks({ openPopover: () => started.openPopover({ pinned: true }), openDashboard: (target) => started.openDashboard(target) });
  if (dashboardAsked) started.openDashboard();
}
