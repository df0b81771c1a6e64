// Browser mode: the core and the local server without Electron, for machines where the Electron
// window cannot run (no binary, no display) and for people who prefer a browser tab. `npm start`
// falls back to it; `npm run demo` runs it on the built-in simulated fleet.
//   node dist/main/browser.cjs [--demo] [--port 8766] [--data-dir DIR] [--static-dir DIR]
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCommands, type CommandHandlers } from './commands.js';
import { AppCore } from './core/app-core.js';
import { CoreError } from './core/core-error.js';
import { createDemoSource } from './demo-source.js';
import { defaultDataDir } from './data-dir.js';
import { KeytarSecretStore, loadKeytar } from './secrets/keytar-secret-store.js';
import { MemorySecretStore } from './secrets/memory-secret-store.js';
import { createSecretStore } from './secrets/secret-store.js';
import { LocalApi } from './server/local-api.js';

const USAGE = 'Usage: npm start -- --browser [--demo] [--port 8766] [--data-dir DIR]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const staticDir = resolve(values['static-dir'] ?? join(dirname(process.argv[1] ?? '.'), '..', 'renderer'));
  const keytar = await loadKeytar();
  const secrets = await createSecretStore([new KeytarSecretStore(keytar), new MemorySecretStore()]);
  const demo = createDemoSource();
  const core = await AppCore.create({
    dataDir,
    secrets,
    demo,
    ...(process.env['VAST_URL'] ? { vastBaseUrl: process.env['VAST_URL'] } : {}),
  });

  let commands: CommandHandlers | null = null;
  const localApi = new LocalApi({ core, commands: () => commands!, staticDir, alwaysOn: true });
  commands = createCommands(core, {
    openExternal: async () => {
      // The page opens links itself in browser mode; there is no window of ours to open one from.
      throw new CoreError('unavailable', 'Open the link from the page.');
    },
    localApi,
  });

  await core.start({ demo: values.demo });
  const port = values.port === undefined ? core.settings.get().localApi.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number\n${USAGE}`);
  const url = await localApi.start(port);

  console.log(`Vast Tray${values.demo ? ' (demo: a simulated fleet, no Vast account needed)' : ''} is running in browser mode.`);
  console.log(`  Dashboard:       ${url}/`);
  console.log(`  Log in (once):   ${localApi.oneTimeLoginUrl()}`);
  console.log(`  Scripts:         the API token is in Settings → Local API. Secrets: ${secrets.store.backend}.`);
  console.log('  Ctrl-C stops it.');

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([localApi.stop(), core.dispose()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
