// Run in a child process whose environment has no reachable Secret Service: reports which secret
// store the app would choose. (libsecret keeps its D-Bus connection per process, so this cannot be
// tested in the same process as the working keychain.)
import { createSecretStore } from '../../main/secrets/secret-store.js';
import { KeytarSecretStore, loadKeytar } from '../../main/secrets/keytar-secret-store.js';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store.js';
import { SafeStorageSecretStore } from '../../main/secrets/safe-storage-secret-store.js';

const keytar = await loadKeytar();
const keychain = new KeytarSecretStore(keytar, 'Vast Tray test');
// Linux without a keyring: Electron's safeStorage falls back to `basic_text`, which we refuse.
const basicText = new SafeStorageSecretStore(
  {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
  },
  '/nonexistent',
  'linux',
);
const choice = await createSecretStore([keychain, basicText, new MemorySecretStore()]);
console.log(JSON.stringify({ keytarLoaded: keytar !== null, chosen: choice.store.backend, skipped: choice.skipped }));
