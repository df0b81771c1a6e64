import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeytarSecretStore, type KeytarLike } from '../../../main/secrets/keytar-secret-store.js';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store.js';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../../main/secrets/safe-storage-secret-store.js';
import { createSecretStore } from '../../../main/secrets/secret-store.js';

/** Reversible but not plain text, like the real thing from the outside. */
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (buffer) => Buffer.from(buffer.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

const brokenKeytar: KeytarLike = {
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  setPassword: () => Promise.reject(new Error('no dbus')),
  deletePassword: () => Promise.reject(new Error('no dbus')),
  findCredentials: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vast-tray-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createSecretStore picks keychain → safeStorage → memory', () => {
  it('skips a keychain that cannot be reached and uses safeStorage', async () => {
    const choice = await createSecretStore([
      new KeytarSecretStore(brokenKeytar),
      new SafeStorageSecretStore(fakeSafeStorage(), dir, 'linux'),
      new MemorySecretStore(),
    ]);
    expect(choice.store.backend).toBe('safe-storage');
    expect(choice.skipped).toEqual(['keychain']);
  });

  it('treats a missing keytar build as unavailable', async () => {
    expect(await new KeytarSecretStore(null).isAvailable()).toBe(false);
  });

  it('refuses Linux basic_text safeStorage (a hard-coded password is no protection) and ends at memory', async () => {
    const choice = await createSecretStore([
      new KeytarSecretStore(null),
      new SafeStorageSecretStore(fakeSafeStorage('basic_text'), dir, 'linux'),
      new MemorySecretStore(),
    ]);
    expect(choice.store.backend).toBe('memory');
    expect(choice.skipped).toEqual(['keychain', 'safe-storage']);
  });
});

describe('SafeStorageSecretStore', () => {
  it('keeps only ciphertext on disk, mode 0600, and reads it back', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), dir, 'linux');
    await store.set('vast-api-key', 'plain-key-never-on-disk');
    const file = join(dir, 'vast-api-key.enc');
    expect(await readFile(file, 'utf8')).not.toContain('plain-key-never-on-disk');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await new SafeStorageSecretStore(fakeSafeStorage(), dir, 'linux').get('vast-api-key')).toBe('plain-key-never-on-disk');
    await store.delete('vast-api-key');
    expect(await store.get('vast-api-key')).toBeNull();
  });

  it('prefers the async API when Electron offers it', async () => {
    const calls: string[] = [];
    const base = fakeSafeStorage();
    const store = new SafeStorageSecretStore(
      {
        ...base,
        isAsyncEncryptionAvailable: async () => true,
        encryptStringAsync: async (text) => {
          calls.push('encrypt');
          return base.encryptString(text);
        },
        decryptStringAsync: async (buffer) => {
          calls.push('decrypt');
          return { result: base.decryptString(buffer) };
        },
      },
      dir,
      'darwin',
    );
    await store.set('local-api-token', 'tok');
    expect(await store.get('local-api-token')).toBe('tok');
    expect(calls).toEqual(['encrypt', 'decrypt']);
  });

  it('will not write anything when encryption is unavailable', async () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret', false), dir, 'linux');
    await expect(store.set('vast-api-key', 'k')).rejects.toThrow();
    expect(await store.get('vast-api-key')).toBeNull();
  });
});

describe('MemorySecretStore', () => {
  it('holds secrets for the session only', async () => {
    const store = new MemorySecretStore();
    await store.set('vast-api-key', 'k1');
    expect(await store.get('vast-api-key')).toBe('k1');
    expect(await new MemorySecretStore().get('vast-api-key')).toBeNull();
  });
});
