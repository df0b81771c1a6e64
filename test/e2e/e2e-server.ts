// The e2e stack, started by Playwright's webServer: the Vast simulator (fast timings, demo fleet)
// and Vast Tray in browser mode pointed at it, with a fresh data folder and in-memory secrets so a
// developer's real keychain is never touched. Beside them, a tiny test-only control server hands
// out one-time login links. Ctrl-C / SIGTERM stops everything.
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCommands, type CommandHandlers } from '../../main/commands.js';
import { AppCore } from '../../main/core/app-core.js';
import { createDemoSource } from '../../main/demo-source.js';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store.js';
import { LocalApi } from '../../main/server/local-api.js';
import { startSimulator } from '../../main/vast-sim/server.js';
import { ScaledClock } from '../../main/vast-sim/sim-clock.js';
import { APP_PORT, CONTROL_PORT, GOOD_KEY, LOCAL_TOKEN, SIM_PORT } from './e2e-env.js';

const sim = await startSimulator({
  port: SIM_PORT,
  fleet: 'demo',
  clock: new ScaledClock(1),
  keys: { [GOOD_KEY]: ['instance_read', 'instance_write', 'user_read'] },
  timings: { pauseMs: 1_500, loadMs: 2_500, rebootMs: 2_000 },
});

const dataDir = await mkdtemp(join(tmpdir(), 'vast-tray-e2e-'));
const secrets = new MemorySecretStore();
await secrets.set('local-api-token', LOCAL_TOKEN);
const core = await AppCore.create({ dataDir, secrets: { store: secrets, skipped: [] }, vastBaseUrl: sim.url, demo: createDemoSource({ speed: 4 }) });
await core.settings.update({ refresh: { fastSeconds: 2, normalSeconds: 5, slowSeconds: 15 } });
await core.setKey(GOOD_KEY);

let commands: CommandHandlers | null = null;
const localApi = new LocalApi({ core, commands: () => commands!, staticDir: resolve('dist/renderer'), alwaysOn: true });
commands = createCommands(core, { openExternal: async () => {}, localApi });
await core.start();
const url = await localApi.start(APP_PORT);

const control = createServer((request, response) => {
  if (request.url === '/one-time-link') {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(localApi.oneTimeLoginUrl());
    return;
  }
  response.writeHead(404);
  response.end();
});
await new Promise<void>((done) => control.listen(CONTROL_PORT, '127.0.0.1', done));

console.log(`e2e: app ${url}, simulator ${sim.url}, control http://127.0.0.1:${CONTROL_PORT}`);

const stop = (): void => {
  void Promise.allSettled([localApi.stop(), core.dispose(), sim.close(), new Promise((done) => control.close(done))])
    .then(() => rm(dataDir, { recursive: true, force: true }))
    .then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
