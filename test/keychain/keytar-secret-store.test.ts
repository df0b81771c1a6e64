// The OS keychain for real: keytar against gnome-keyring's Secret Service in a throw-away D-Bus
// session (scripts/with-keyring.sh). Run with `npm run test:keychain`.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../main/core/app-core.js';
import { KeytarSecretStore, loadKeytar, type KeytarLike } from '../../main/secrets/keytar-secret-store.js';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store.js';
import { createSecretStore } from '../../main/secrets/secret-store.js';
import { startSimulator, type RunningSimulator } from '../../main/vast-sim/server.js';

const run = promisify(execFile);
const SERVICE = 'Vast Tray test';

let keytar: KeytarLike | null;
beforeAll(async () => {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
    throw new Error('No D-Bus session: run these tests through scripts/with-keyring.sh (npm run test:keychain).');
  }
  keytar = await loadKeytar();
});

async function secretTool(...args: string[]): Promise<string> {
  const { stdout } = await run('secret-tool', args);
  return stdout;
}

describe('KeytarSecretStore against a real Secret Service', () => {
  it('loads the native module and finds the keychain', async () => {
    expect(keytar).not.toBeNull();
    expect(await new KeytarSecretStore(keytar, SERVICE).isAvailable()).toBe(true);
  });

  it('sets, gets, replaces and deletes', async () => {
    const store = new KeytarSecretStore(keytar, SERVICE);
    expect(await store.get('vast-api-key')).toBeNull();
    await store.set('vast-api-key', 'first-key-0001');
    expect(await store.get('vast-api-key')).toBe('first-key-0001');
    await store.set('vast-api-key', 'second-key-0002');
    expect(await store.get('vast-api-key')).toBe('second-key-0002');
    await store.delete('vast-api-key');
    expect(await store.get('vast-api-key')).toBeNull();
    await store.delete('vast-api-key'); // deleting what is not there is fine
  });

  it('files the secret in the Secret Service, where other tools find it', async () => {
    const store = new KeytarSecretStore(keytar, SERVICE);
    await store.set('local-api-token', 'token-seen-by-secret-tool');
    // keytar stores service/account attributes; libsecret's own CLI reads them back.
    expect(await secretTool('lookup', 'service', SERVICE, 'account', 'local-api-token')).toBe('token-seen-by-secret-tool');
    await store.delete('local-api-token');
  });

  it('survives a restart of the store object', async () => {
    await new KeytarSecretStore(keytar, SERVICE).set('vast-api-key', 'survives-restart-9876');
    const fresh = new KeytarSecretStore(await loadKeytar(), SERVICE);
    expect(await fresh.get('vast-api-key')).toBe('survives-restart-9876');
    await fresh.delete('vast-api-key');
  });

  it('is chosen first when it is available', async () => {
    const choice = await createSecretStore([new KeytarSecretStore(keytar, SERVICE), new MemorySecretStore()]);
    expect(choice.store.backend).toBe('keychain');
    expect(choice.skipped).toEqual([]);
  });

  it('falls back past keytar and a basic_text safeStorage to memory when there is no D-Bus session', async () => {
    const { stdout } = await run(join('node_modules', '.bin', 'tsx'), ['test/keychain/fallback-probe.ts'], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    });
    expect(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')).toEqual({
      keytarLoaded: true,
      chosen: 'memory',
      skipped: ['keychain', 'safe-storage'],
    });
  });
});

describe('the API key through the core, with the real keychain', () => {
  let sim: RunningSimulator;
  let dataDir: string;
  beforeAll(async () => {
    sim = await startSimulator({ fleet: 'demo', keys: { 'keychain-test-key-4242': ['instance_read', 'instance_write', 'user_read'] } });
    dataDir = await mkdtemp(join(tmpdir(), 'vast-tray-keychain-'));
  });
  afterAll(async () => {
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores a checked key in the keychain, never in a file, and shows only its last 4', async () => {
    const store = new KeytarSecretStore(keytar);
    const core = await AppCore.create({ dataDir, secrets: { store, skipped: [] }, vastBaseUrl: sim.url });
    const status = await core.setKey('keychain-test-key-4242');
    expect(status).toEqual({ stored: true, last4: '4242', backend: 'keychain', demo: false });
    expect(await secretTool('lookup', 'service', 'Vast Tray', 'account', 'vast-api-key')).toBe('keychain-test-key-4242');
    await core.dispose();

    for (const file of await readdir(dataDir)) {
      expect(await readFile(join(dataDir, file), 'utf8')).not.toContain('keychain-test-key-4242');
    }

    const restarted = await AppCore.create({ dataDir, secrets: { store: new KeytarSecretStore(keytar), skipped: [] }, vastBaseUrl: sim.url });
    await restarted.start();
    expect(restarted.keyStatus()).toMatchObject({ stored: true, last4: '4242' });
    await restarted.clearKey();
    expect(await new KeytarSecretStore(keytar).get('vast-api-key')).toBeNull();
    await restarted.dispose();
  });
});
